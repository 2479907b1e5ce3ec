package dev.convene.cli;

import dev.convene.SessionId;
import dev.convene.SessionService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a session.")
final class CancelCommand implements Callable<Integer> {
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
            sessions.cancel(sid);
        }
        var out = spec.commandLine().getOut();
        out.println(root.json ? Json.cancelled(sid) : "cancelled " + Text.visible(sid.toString()));
        out.flush();
        return ExitCodes.OK;
    }
}
