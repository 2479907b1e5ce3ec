package dev.convene.cli;

import dev.convene.SessionService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that the provider accepts the configured credentials, creating and changing nothing.",
                "WeCom and Zoom: an access token is obtained; Tencent Meeting: one signed read of the organizer's meetings.",
                "Refused credentials exit with 3, naming the configuration keys to check (never their values)."})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String provider;
        try (SessionService sessions = root.open()) {
            sessions.checkCredentials();
            provider = sessions.provider();
        }
        var out = spec.commandLine().getOut();
        out.println(root.json ? Json.credentialsAccepted(provider) : provider + ": credentials accepted");
        out.flush();
        return ExitCodes.OK;
    }
}
