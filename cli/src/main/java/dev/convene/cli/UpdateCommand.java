package dev.convene.cli;

import dev.convene.SessionId;
import dev.convene.SessionService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "update", mixinStandardHelpOptions = true, description = "Change a session; only the options given change.")
final class UpdateCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Mixin
    SessionOptions options;

    @Override
    public Integer call() {
        SessionId sid = Inputs.typed(() -> SessionId.parse(id));
        var update = Inputs.typed(options::update);
        try (SessionService sessions = root.open(sid)) {
            Show.session(spec, root, sessions.update(sid, update));
        }
        return ExitCodes.OK;
    }
}
