package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command answers --help with its usage and exit code 0 (in-process: nothing here needs the built jar). */
class HelpTest {
    @Test
    void everyCommandsHelpExitsZeroAndShowsItsUsage() {
        List<String> commands = new ArrayList<>(ConveneCommand.commandLine().getSubcommands().keySet());
        assertThat(commands).contains("providers", "create", "get", "update", "cancel", "list", "check", "demo", "simulate", "help");
        commands.add(0, null);
        for (String command : commands) {
            CommandLine cl = ConveneCommand.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            String[] args = command == null ? new String[]{"--help"} : new String[]{command, "--help"};
            int exit = cl.execute(args);
            String what = "convene " + String.join(" ", args);
            assertThat(exit).as(what + "\n" + err).isZero();
            assertThat(out.toString()).as(what).contains("Usage: convene" + (command == null ? " " : " " + command + " "));
            assertThat(err.toString()).as(what).isEmpty();
        }
    }
}
