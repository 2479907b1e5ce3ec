package dev.convene.tokenstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.RateLimitedException;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Eight instances (each its own service and Redis store) calling one Tencent Meeting app, whose simulator
 * enforces the vendor's 300 calls a minute: paced through the shared Redis they stay under it together,
 * although each alone makes more calls than that.
 */
class RateLimitsAcrossInstancesTest {
    static final int INSTANCES = 8;
    static final int LIMIT = 300;
    static final int CALLS_EACH = 400;

    final List<SessionService> instances = new ArrayList<>();
    RedisServer redis;
    VendorSimulator vendor;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stop() {
        instances.forEach(SessionService::close);
        if (vendor != null) {
            vendor.close();
        }
        redis.close();
    }

    void open(Map<String, String> extra) {
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> config = new HashMap<>(vendor.properties());
            config.put("convene.token-store", "redis");
            config.put("convene.redis.url", redis.url());
            config.put("convene.rate-limits.scope", "cluster");
            config.putAll(extra);
            instances.add(Convene.builder().properties(config).environment(Map.of()).systemProperties(false).build());
        }
    }

    /** Every instance makes {@code each} calls on 2 threads of its own; returns the failures. */
    List<Throwable> callFromEveryInstance(int each, Runnable midway) throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger done = new AtomicInteger();
        int total = each * INSTANCES;
        ExecutorService callers = Executors.newFixedThreadPool(2 * INSTANCES);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 2 * INSTANCES; t++) {
                SessionService instance = instances.get(t % INSTANCES);
                running.add(callers.submit(() -> {
                    for (int n = 0; n < each / 2; n++) {
                        try {
                            instance.list(ListQuery.of(SessionKind.MEETING));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        if (done.incrementAndGet() == total / 2) {
                            midway.run();
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            callers.shutdownNow();
        }
        return failures;
    }

    @Test
    void eightInstancesTogetherStayUnderTheAccountsPerMinuteLimit() throws Exception {
        // the simulator counts the vendor's natural minutes on the system clock, as Convene's budgets do
        vendor = Simulators.start("tencentmeeting", SimulatorOptions.defaults().with("rate-limit-per-minute", Integer.toString(LIMIT)));
        open(Map.of("convene.tencentmeeting.rate-limits", LIMIT + "/PT1M", "convene.rate-limits.max-wait", "PT0S"));
        List<Throwable> failures = callFromEveryInstance(CALLS_EACH, () -> { });

        int sent = vendor.requests(Operation.LIST).size();
        assertThat(CALLS_EACH).as("each instance alone makes more calls than the limit").isGreaterThan(LIMIT);
        // a run that happens to cross a minute gets the next minute's budget too: each minute is held to the limit
        Map<Long, Long> perMinute = vendor.requests(Operation.LIST).stream()
                .collect(java.util.stream.Collectors.groupingBy(r -> r.receivedAt().getEpochSecond() / 60, java.util.stream.Collectors.counting()));
        assertThat(perMinute.values()).as("calls that reached the vendor in each minute: at most the limit, within 5 %")
                .allSatisfy(n -> assertThat(n).isLessThanOrEqualTo((long) (LIMIT * 1.05)));
        assertThat(java.util.Collections.max(perMinute.values())).as("and the limit used, within 5 %").isGreaterThanOrEqualTo((long) (LIMIT * 0.95));
        assertThat(failures).as("every call held back was refused by Convene with nothing sent, none by the vendor")
                .hasSize(INSTANCES * CALLS_EACH - sent)
                .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(RateLimitedException.class, r -> assertThat(r.wasSent()).isFalse()));

        // the simulator does enforce the limit: a client that does not pace is refused within one minute's budget
        Map<String, String> unpaced = new HashMap<>(vendor.properties());
        unpaced.put("convene.tencentmeeting.rate-limits", "none");
        try (SessionService alone = Convene.builder().properties(unpaced).environment(Map.of()).systemProperties(false).build()) {
            RateLimitedException refused = null;
            for (int i = 0; i <= LIMIT && refused == null; i++) {
                try {
                    alone.list(ListQuery.of(SessionKind.MEETING));
                } catch (RateLimitedException e) {
                    refused = e;
                }
            }
            assertThat(refused).as("the vendor's refusal").isNotNull();
            assertThat(refused.wasSent()).isTrue();
            assertThat(refused.vendorCode()).isEqualTo("190310");
        }
    }

    @Test
    void redisStoppedMidRunFailsNoCall() throws Exception {
        vendor = Simulators.start("tencentmeeting", SimulatorOptions.defaults());
        open(Map.of("convene.tencentmeeting.rate-limits", "100000/PT1M"));
        List<Throwable> failures = callFromEveryInstance(40, () -> {
            try {
                redis.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(failures).isEmpty();
        assertThat(vendor.requests(Operation.LIST)).hasSize(40 * INSTANCES);
    }
}
