package dev.convene.cli;

import dev.convene.SessionId;
import dev.convene.SessionService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one session by its id (provider:kind:nativeId).")
final class GetCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        SessionId sid = Inputs.typed(() -> SessionId.parse(id));
        try (SessionService sessions = root.open(sid)) {
            Show.session(spec, root, sessions.get(sid));
        }
        return ExitCodes.OK;
    }
}
