package dev.convene.cli;

import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a meeting, webinar or live stream.")
final class CreateCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "meeting, webinar or live_stream")
    String kind;

    @Mixin
    SessionOptions options;

    @Override
    public Integer call() {
        var draft = Inputs.typed(() -> options.draft(SessionKind.parse(kind)));
        try (SessionService sessions = root.open()) {
            Session s = sessions.create(draft);
            Show.session(spec, root, s);
        }
        return ExitCodes.OK;
    }
}
