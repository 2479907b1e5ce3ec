package dev.convene.cli;

import dev.convene.Convene;
import dev.convene.ProviderInfo;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "providers", mixinStandardHelpOptions = true,
        description = "List the providers found on the class path with what each can do per kind (the capability matrix).")
final class ProvidersCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--markdown", description = "Print the matrix as Markdown tables (as in README).")
    boolean markdown;

    @Override
    public Integer call() {
        ClassLoader plugins = root.plugins();
        List<ProviderInfo> providers = Convene.providers(plugins).stream().sorted(Comparator.comparing(ProviderInfo::id)).toList();
        var out = spec.commandLine().getOut();
        if (root.json) {
            out.println(Json.providers(providers));
        } else if (providers.isEmpty()) {
            out.println("no providers found; add a provider jar (e.g. convene-provider-zoom) to the class path");
        } else {
            out.print(Text.providers(providers, markdown));
        }
        Convene.discoveryProblems(plugins).forEach(p -> spec.commandLine().getErr().println("warning: " + p));
        out.flush();
        return ExitCodes.OK;
    }
}
