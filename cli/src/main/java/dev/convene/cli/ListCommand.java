package dev.convene.cli;

import dev.convene.ListQuery;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List sessions, all pages: of every configured provider (convene.providers), or of --provider alone.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--kind", paramLabel = "K", description = "meeting, webinar or live_stream (default: every kind that can be listed)")
    String kind;

    @Option(names = "--organizer", paramLabel = "U")
    String organizer;

    @Option(names = "--from", paramLabel = "WHEN")
    String from;

    @Option(names = "--to", paramLabel = "WHEN")
    String to;

    @Option(names = "--zone", paramLabel = "Z", description = "Zone for --from/--to given as local times.")
    String zone;

    @Override
    public Integer call() {
        ListQuery q = Inputs.typed(this::query);
        List<Session> all;
        try (SessionService sessions = root.open(); Stream<Session> stream = sessions.listAll(q)) {
            all = stream.toList();
        }
        var out = spec.commandLine().getOut();
        out.print(root.json ? Json.sessions(all) + "\n" : Text.sessions(all));
        out.flush();
        return ExitCodes.OK;
    }

    private ListQuery query() {
        ZoneId z = zone == null ? null : Inputs.zone(zone);
        return ListQuery.builder().kind(kind == null ? null : SessionKind.parse(kind)).organizer(organizer)
                .from(from == null ? null : Inputs.when("--from", from, z).toInstant())
                .to(to == null ? null : Inputs.when("--to", to, z).toInstant())
                // --provider lists that provider alone; without it, every configured provider (convene.providers)
                .provider(root.provider == null ? null : root.provider.trim().toLowerCase(java.util.Locale.ROOT)).build();
    }
}
