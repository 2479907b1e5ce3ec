package dev.convene.cli;

import dev.convene.Convene;
import dev.convene.SessionId;
import dev.convene.SessionService;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "convene", mixinStandardHelpOptions = true, version = "convene 0.1.0",
        description = "Meetings, webinars and live streams on WeCom, Tencent Meeting and Zoom, from a shell.",
        subcommands = {ProvidersCommand.class, CreateCommand.class, GetCommand.class, UpdateCommand.class, CancelCommand.class,
                ListCommand.class, CheckCommand.class, DemoCommand.class, SimulateCommand.class, ListenCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 2 bad input or usage (nothing sent), 3 the vendor refused (its code is named), "
                + "4 configuration, 5 unsupported feature, 1 anything else (such as a vendor that could not be reached, "
                + "or a create or update whose outcome is unknown)."})
final class ConveneCommand {
    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "A .properties file with convene.* keys (system properties and CONVENE_* variables override it).")
    Path config;

    @Option(names = "--provider", scope = ScopeType.INHERIT, paramLabel = "ID",
            description = "The provider to use (overrides convene.provider, the default for create; list lists it alone)."
                    + " Several can be configured at once with convene.providers. get/update/cancel take it from the session id"
                    + " and refuse a --provider that names another.")
    String provider;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show HTTP calls (secrets masked) and stack traces.")
    boolean verbose;

    @Option(names = "--plugin-path", scope = ScopeType.INHERIT, paramLabel = "JARS", split = ":",
            description = "Extra provider plugin jars or directories.")
    List<Path> pluginPath = new ArrayList<>();

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ConveneCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            ConveneCommand root = line.getCommandSpec().root().commandLine().getCommand();
            PrintWriter err = line.getErr();
            err.println(Text.visibleLines(ExitCodes.headline(e)));
            if (root.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.of(e);
        });
        cl.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cl;
    }

    ClassLoader plugins() {
        if (pluginPath.isEmpty()) {
            return null;
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : pluginPath) {
            try {
                urls.add(p.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--plugin-path entry '" + p + "' is not a usable path");
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ConveneCommand.class.getClassLoader());
    }

    /** A service for --provider, else convene.provider (create and list). */
    SessionService open() {
        return open(provider);
    }

    /**
     * A service that routes by the session id: the configured providers (convene.providers) and the id's own,
     * which is configured when convene.providers does not name it, as when only convene.provider is set.
     * A --provider naming another is refused rather than ignored, since the user meant something else.
     */
    SessionService open(SessionId id) {
        if (provider != null && !provider.trim().toLowerCase(Locale.ROOT).equals(id.provider())) {
            throw new UsageException("--provider " + provider + " contradicts the session id " + id + ", which belongs to "
                    + id.provider() + "; get, update and cancel take the provider from the id: leave out --provider");
        }
        return open(id.provider());
    }

    private SessionService open(String chosen) {
        Convene.Builder b = Convene.builder().classLoader(plugins());
        if (config != null) {
            b.propertiesFile(config);
        }
        if (chosen != null) {
            b.provider(chosen);
        }
        return b.build();
    }
}
