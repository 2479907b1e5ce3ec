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
import com.sun.net.httpserver.HttpServer;
import dev.convene.events.EventReceiver;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Tour every provider and kind on embedded simulators: create, get, update, list, cancel; then show how failures look, and events the vendors push when the host acts in their app. No account needed.")
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
            events(providers, open);
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

    /**
     * Each simulator pushes to a receiver served here as {@code convene listen} serves it: the host moves a meeting in
     * the vendor's own app, then starts it; the vendor's signed (WeCom: encrypted) pushes arrive as neutral events.
     */
    private void events(List<ProviderInfo> providers, List<AutoCloseable> open) {
        out.println();
        out.println("== Events: the host acts in the vendor's app, the vendor pushes, a receiver as `convene listen` prints what arrives");
        for (ProviderInfo p : providers) {
            VendorSimulator sim = Simulators.start(p.id(), SimulatorOptions.defaults().withDailyLimits(dailyLimits));
            open.add(sim);
            SessionService sessions = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false)
                    .classLoader(root.plugins()).build();
            open.add(sessions);
            EventReceiver receiver = EventReceiver.builder().properties(sim.events().receiverProperties()).environment(Map.of())
                    .systemProperties(false).build();
            open.add(receiver);
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            PrintWriter err = spec.commandLine().getErr();
            // counts the requests answered and printed, so that the demo goes on only after their lines
            Semaphore handled = new Semaphore(0);
            AtomicInteger waitedFor = new AtomicInteger();
            server.createContext("/convene/events/", exchange -> {
                ListenCommand.handle(exchange, "/convene/events", receiver, out, err);
                handled.release();
            });
            server.start();
            open.add(() -> server.stop(0));
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/convene/events/" + p.id());
            sim.events().register(url);
            out.println("   " + p.id() + ": URL check answered at " + url + "; a meeting is created through the API:");
            out.flush();
            ZonedDateTime start = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).truncatedTo(ChronoUnit.HOURS).withHour(10);
            Session s = sessions.create(SessionDraft.builder(SessionKind.MEETING).title("Demo events").start(start)
                    .duration(Duration.ofHours(1)).build());
            awaitPrinted(sim, handled, waitedFor);
            out.println("   " + p.id() + ": the host moves it an hour later and starts it in the vendor's app:");
            out.flush();
            sim.hostMoves(s.id().nativeId(), s.start().plus(Duration.ofHours(1)));
            sim.hostStarts(s.id().nativeId());
            awaitPrinted(sim, handled, waitedFor);
            out.flush();
        }
    }

    /** Until every request the simulator sent (its URL check and each delivery attempt) has been answered and printed. */
    private static void awaitPrinted(VendorSimulator sim, Semaphore handled, AtomicInteger waitedFor) {
        sim.events().await(Duration.ofSeconds(10));
        int sent = 1 + sim.events().events().stream().mapToInt(e -> e.attempts().size()).sum();
        int more = sent - waitedFor.get();
        try {
            if (more > 0 && handled.tryAcquire(more, 10, TimeUnit.SECONDS)) {
                waitedFor.addAndGet(more);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
