package dev.convene.cli;

import dev.convene.Convene;
import dev.convene.ConveneException;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.ProviderInfo;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.VendorException;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Tour every provider and kind on embedded simulators: create, get, update, list, cancel; then show how failures look. No account needed.")
final class DemoCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    @ParentCommand
    ConveneCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--daily-limits", description = "Enforce the vendors' per-day quotas in the simulators (default: off).")
    boolean dailyLimits;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        long started = System.nanoTime();
        List<String> simulated = Simulators.vendors();
        List<ProviderInfo> providers = Convene.providers(root.plugins()).stream()
                .filter(p -> simulated.contains(p.id())).sorted(Comparator.comparing(ProviderInfo::id)).toList();
        if (providers.isEmpty()) {
            out.println("no provider with an embedded simulator was found on the class path");
            out.flush();
            return ExitCodes.OTHER;
        }
        out.println("Convene demo: every provider against its embedded simulator (real HTTP on 127.0.0.1, no vendor account).");
        List<AutoCloseable> open = new ArrayList<>();
        try {
            SessionService first = null;
            VendorSimulator firstSimulator = null;
            for (ProviderInfo p : providers) {
                VendorSimulator sim = Simulators.start(p.id(), SimulatorOptions.defaults().withDailyLimits(dailyLimits));
                open.add(sim);
                SessionService sessions = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false)
                        .classLoader(root.plugins()).build();
                open.add(sessions);
                if (first == null) {
                    first = sessions;
                    firstSimulator = sim;
                }
                out.println();
                out.println("== " + p.id() + " — " + p.displayName() + "  (simulator at " + sim.baseUrl() + ")");
                for (SessionKind kind : p.capabilities().supportedKinds().stream().sorted().toList()) {
                    tour(sessions, kind);
                }
                out.println("   the simulator now holds " + sim.sessions().size() + " session(s), "
                        + sim.sessions().stream().filter(s -> s.cancelled()).count() + " of them cancelled; it saw "
                        + sim.requests().size() + " HTTP requests");
            }
            failures(first, firstSimulator);
        } finally {
            java.util.Collections.reverse(open);
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // shutting down the demo
                }
            }
        }
        out.println();
        out.printf(Locale.ROOT, "Done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return ExitCodes.OK;
    }

    private void tour(SessionService sessions, SessionKind kind) {
        String what = kind == SessionKind.LIVE_STREAM ? "live" : kind.wireName();
        var caps = sessions.capabilities();
        String label = String.format(Locale.ROOT, "   %-12s", kind.wireName());
        String pad = " ".repeat(label.length());
        ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.HOURS).withHour(10);
        // Short titles: WeCom takes at most 20 characters for a living's theme.
        SessionDraft draft = SessionDraft.builder(kind).title("Demo " + what).start(start)
                .duration(Duration.ofHours(1)).build();
        Session s = sessions.create(draft);
        out.println(label + "create  → " + s.id() + "  \"" + s.title() + "\"  " + WHEN.format(s.localStart())
                + (s.join().joinUrl() == null ? "" : "  " + s.join().joinUrl()));
        Session got = sessions.get(s.id());
        out.println(pad + "get     → " + got.status().name().toLowerCase(Locale.ROOT) + ", " + got.duration().toMinutes() + " min"
                + (got.join().meetingCode() == null ? "" : ", code " + got.join().meetingCode())
                + (got.join().audienceUrl() == null ? "" : ", audience " + got.join().audienceUrl()));
        if (caps.supports(kind, Operation.UPDATE)) {
            Instant later = s.start().plus(Duration.ofHours(2));
            Session u = sessions.update(s.id(), SessionUpdate.builder().title("Moved " + what).start(later)
                    .duration(Duration.ofMinutes(90)).build());
            out.println(pad + "update  → \"" + u.title() + "\"  " + WHEN.format(u.localStart()) + ", " + u.duration().toMinutes() + " min");
        } else {
            out.println(pad + "update  → not offered by this vendor for " + kind.wireName() + "s");
        }
        if (caps.supports(kind, Operation.LIST)) {
            try (Stream<Session> all = sessions.listAll(ListQuery.of(kind))) {
                List<SessionId> ids = all.map(Session::id).toList();
                out.println(pad + "list    → " + ids.size() + " listed, " + (ids.contains(s.id()) ? "including" : "NOT including") + " " + s.id());
            }
        } else {
            out.println(pad + "list    → not offered by this vendor for " + kind.wireName() + "s");
        }
        if (caps.supports(kind, Operation.CANCEL)) {
            sessions.cancel(s.id());
            String after;
            try {
                after = sessions.get(s.id()).status().name().toLowerCase(Locale.ROOT);
            } catch (VendorException e) {
                after = "gone (" + e.vendorCode() + ")";
            }
            out.println(pad + "cancel  → done; now " + after);
        }
    }

    private void failures(SessionService sessions, VendorSimulator simulator) {
        out.println();
        out.println("== How failures look");
        SessionKind kind = sessions.capabilities().supportedKinds().stream().sorted().findFirst().orElseThrow();
        int before = simulator.requests().size();
        try {
            sessions.create(SessionDraft.builder(kind).title("x".repeat(1000)).start(Instant.now().minusSeconds(3600))
                    .duration(Duration.ofDays(2)).build());
        } catch (InvalidSessionException e) {
            out.println("   rejected input (" + sessions.provider() + ", nothing sent: " + (simulator.requests().size() - before)
                    + " requests; the CLI exits with 2):");
            e.violations().forEach(v -> out.println("     - " + v));
        }
        SessionId unknown = SessionId.of(sessions.provider(), kind, "98765432101");
        try {
            sessions.get(unknown);
        } catch (ConveneException e) {
            out.println("   vendor error (the CLI exits with 3):");
            out.println("     " + ExitCodes.headline(e).replaceFirst("^error: ", ""));
            out.println("     as " + e.getClass().getSimpleName());
        }
    }
}
