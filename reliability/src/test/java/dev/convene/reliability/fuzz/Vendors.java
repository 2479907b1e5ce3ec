package dev.convene.reliability.fuzz;

import dev.convene.Convene;
import dev.convene.ProviderInfo;
import dev.convene.RetryPolicy;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every provider that has a simulator, each with a service pointed at it, sharing one settable clock. */
final class Vendors implements AutoCloseable {
    static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");
    /** Short HTTP timeouts: a loopback answer never takes long, so a stuck read fails fast. */
    static final Map<String, String> HTTP = Map.of("convene.http.read-timeout", "PT3S", "convene.http.call-timeout", "PT5S",
            "convene.http.connect-timeout", "PT2S");
    /** Tiny backoff and patience: retried reads must not slow the fuzzing down. */
    static final RetryPolicy RETRY = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), 0, Duration.ofMillis(20));

    /** Users each vendor's directory knows besides the configured organizer (from the providers' contract tests). */
    static final Map<String, List<String>> USERS = Map.of(
            "wecom", List.of("lisi", "wangwu", "zhaoliu"),
            "tencentmeeting", List.of("test1", "test2", "guest1"),
            "zoom", List.of(ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.NO_WEBINAR_PLAN_EMAIL, ZoomSimulator.CANNOT_HOST_EMAIL));

    /** Users who exist and may host everything: the configured organizer and the first of {@link #USERS}. */
    static final Map<String, List<String>> PLAIN_USERS = Map.of(
            "wecom", List.of("zhangsan", "lisi", "wangwu", "zhaoliu"),
            "tencentmeeting", List.of("tester", "test1", "test2", "guest1"),
            "zoom", List.of(ZoomSimulator.OWNER_EMAIL, ZoomSimulator.SECOND_HOST_EMAIL));

    record Vendor(String id, VendorSimulator simulator, SessionService service, List<SessionKind> kinds) {
        /** Requests since the last {@link VendorSimulator#clearRequests()}, without token fetches. */
        List<RecordedRequest> businessRequests() {
            return simulator.requests().stream().filter(r -> r.operation() != Operation.TOKEN).toList();
        }
    }

    final SettableClock clock = new SettableClock(NOW);
    final Map<String, Vendor> byId = new LinkedHashMap<>();

    /** Starts every vendor's simulator; {@code properties} may rewrite the simulator's keys (e.g. to point at a proxy). */
    static Vendors start(java.util.function.BiFunction<String, VendorSimulator, Map<String, String>> properties) {
        Vendors v = new Vendors();
        for (ProviderInfo p : Convene.providers()) {
            if (!Simulators.vendors().contains(p.id())) {
                continue;
            }
            SimulatorOptions options = SimulatorOptions.defaults().withClock(v.clock).withRecordLimit(200)
                    .with("user-daily-write-limit", "0")
                    .with("max-recurring-per-user", "1000000");
            VendorSimulator sim = Simulators.start(p.id(), options);
            Map<String, String> config = new HashMap<>(properties.apply(p.id(), sim));
            config.putAll(HTTP);
            SessionService service = Convene.builder().properties(config).environment(Map.of()).systemProperties(false)
                    .clock(v.clock).retryPolicy(RETRY).build();
            v.byId.put(p.id(), new Vendor(p.id(), sim, service, p.capabilities().supportedKinds().stream().sorted().toList()));
        }
        if (v.byId.size() < 3) {
            v.close();
            throw new IllegalStateException("expected the WeCom, Tencent Meeting and Zoom simulators, found " + v.byId.keySet());
        }
        return v;
    }

    static Vendors start() {
        return start((id, sim) -> sim.properties());
    }

    List<Vendor> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public void close() {
        byId.values().forEach(v -> {
            v.service().close();
            v.simulator().close();
        });
    }
}
