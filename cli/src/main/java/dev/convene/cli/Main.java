package dev.convene.cli;

import picocli.CommandLine;

/** {@code java -jar convene.jar …}: runs the command and exits with the contract's exit code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        // slf4j-simple reads these once, before the first logger is made.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (!verbose) {
            // 'providers' prints discovery problems itself and an unknown provider's error lists them: the log would repeat them.
            System.setProperty("org.slf4j.simpleLogger.log.dev.convene.internal.ProviderRegistry", "error");
        }
        System.exit(run(args));
    }

    /** Runs without exiting, for tests. */
    public static int run(String... args) {
        return ConveneCommand.commandLine().execute(args);
    }
}
