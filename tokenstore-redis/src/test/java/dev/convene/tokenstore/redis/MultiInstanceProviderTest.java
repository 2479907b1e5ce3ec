package dev.convene.tokenstore.redis;

import static dev.convene.tokenstore.redis.Fixture.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.internal.HttpRoot;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight independent Convene instances (each its own SessionService, HTTP client — connection pool and
 * dispatcher — and Redis token store, selected by {@code convene.token-store=redis}) against a vendor
 * simulator, counting the token requests the vendor sees.
 */
class MultiInstanceProviderTest {
    static final int INSTANCES = 8;

    final SettableClock clock = new SettableClock(Instant.parse("2030-03-04T01:00:00Z"));
    final List<SessionService> instances = new ArrayList<>();
    RedisServer redis;
    VendorSimulator vendor;

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void closeAll() {
        instances.forEach(SessionService::close);
        if (vendor != null) {
            vendor.close();
        }
        redis.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"wecom", "zoom"})
    void eightInstancesShareOneTokenThroughRevocationAndARedisOutage(String provider) throws Exception {
        // latency widens every race: the token request is in flight while the other calls arrive
        vendor = Simulators.start(provider, SimulatorOptions.defaults().withClock(clock).withLatency(Duration.ofMillis(20)));
        for (int i = 0; i < INSTANCES; i++) {
            Map<String, String> config = new HashMap<>(vendor.properties());
            config.put("convene.token-store", "redis");
            config.put("convene.redis.url", redis.url());
            // Convene shares one HTTP client per distinct convene.http.* settings within a JVM, as a real process
            // would across its services. Separate processes share nothing, so each instance gets settings of its own.
            config.put("convene.http.max-requests", Integer.toString(maxRequests(i)));
            instances.add(Convene.builder().properties(config).environment(Map.of()).systemProperties(false).clock(clock).build());
        }

        // 500 concurrent first calls
        assertThat(concurrently(500, i -> list(i))).hasSize(500);
        assertThat(tokenRequests()).as("one token request for 500 first calls on 8 instances").isEqualTo(1);
        List<OkHttpClient> clients = IntStream.range(0, INSTANCES).mapToObj(i -> HttpRoot.client(settings(i))).toList();
        assertThat(clients.stream().map(OkHttpClient::connectionPool).distinct()).as("connection pools").hasSize(INSTANCES);
        assertThat(clients.stream().map(OkHttpClient::dispatcher).distinct()).as("dispatchers").hasSize(INSTANCES);
        assertThat(clients).as("every instance called through its own pool").allSatisfy(c -> assertThat(c.connectionPool().connectionCount()).isPositive());

        // the vendor revokes the token while calls are running
        assertThat(callWhile(vendor::revokeTokens)).isEmpty();
        assertThat(tokenRequests()).as("exactly one refetch across all instances").isEqualTo(2);

        // Redis stops while calls are running
        assertThat(callWhile(() -> stop(redis))).isEmpty();
        int afterOutage = tokenRequests();
        assertThat(afterOutage).as("during the outage each instance fetches at most its own").isBetween(2, 2 + INSTANCES);

        // Redis comes back empty; after the back-off the instances share again
        redis.restart();
        clock.advance(Duration.ofSeconds(1));
        assertThat(concurrently(500, i -> list(i))).hasSize(500);
        assertThat(tokenRequests()).as("one fetch fills the restarted Redis for everyone").isEqualTo(afterOutage + 1);
        assertThat(callWhile(vendor::revokeTokens)).isEmpty();
        assertThat(tokenRequests()).as("a later refresh is single-flight across instances again").isEqualTo(afterOutage + 2);
    }

    /** Instance i's dispatcher limit: above core's default, and different for each instance. */
    private static int maxRequests(int instance) {
        return HttpRoot.Settings.DEFAULT.maxRequests() + 1 + instance;
    }

    /** The HTTP settings Convene derives from instance i's configuration. */
    private static HttpRoot.Settings settings(int instance) {
        HttpRoot.Settings d = HttpRoot.Settings.DEFAULT;
        return new HttpRoot.Settings(maxRequests(instance), d.maxRequestsPerHost(), d.connectTimeout(), d.readTimeout(), d.callTimeout(),
                d.keepAlive());
    }

    private Object list(int i) {
        return instances.get(i % INSTANCES).list(ListQuery.of(SessionKind.MEETING));
    }

    private int tokenRequests() {
        return vendor.requests(Operation.TOKEN).size();
    }

    /**
     * 16 callers spread over the instances make 60 calls each (with the simulator's latency, about a
     * second); {@code event} happens once 200 calls are done, while the rest are running. Returns the failures.
     */
    private List<Throwable> callWhile(Runnable event) throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch warmedUp = new CountDownLatch(200);
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                int caller = t;
                running.add(callers.submit(() -> {
                    for (int n = 0; n < 60; n++) {
                        try {
                            list(caller + n);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                        calls.incrementAndGet();
                        warmedUp.countDown();
                    }
                }));
            }
            assertThat(warmedUp.await(30, TimeUnit.SECONDS)).isTrue();
            event.run();
            assertThat(calls.get()).as("calls still running after the event").isLessThan(16 * 60);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(calls).hasValue(16 * 60);
        return failures;
    }

    private static void stop(RedisServer redis) {
        try {
            redis.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
