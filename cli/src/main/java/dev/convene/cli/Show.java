package dev.convene.cli;

import dev.convene.Session;
import picocli.CommandLine.Model.CommandSpec;

/** Prints one session as text or JSON. */
final class Show {
    private Show() {
    }

    static void session(CommandSpec spec, ConveneCommand root, Session s) {
        var out = spec.commandLine().getOut();
        out.print(root.json ? Json.session(s) + "\n" : Text.session(s));
        out.flush();
    }
}
