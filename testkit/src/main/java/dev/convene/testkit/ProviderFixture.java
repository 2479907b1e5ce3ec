package dev.convene.testkit;

import dev.convene.Convene;
import dev.convene.Limits;
import dev.convene.RetryPolicy;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.TextLimit;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What every testkit suite shares: the vendor's simulator, a service configured against it, and the
 * clocks. The simulator runs on {@link #clock}; the client runs on {@link #clientClock}, which is the
 * same time unless a test skews it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderFixture {
    /** Where the shared clock starts; far enough in the future that real dates never interfere. */
    protected static final Instant EPOCH = Instant.parse("2030-03-04T01:00:00Z");
    protected static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    protected final SettableClock clock = new SettableClock(EPOCH);
    private final AtomicReference<Duration> skew = new AtomicReference<>(Duration.ZERO);
    protected final Clock clientClock = new Clock() {
        @Override
        public ZoneId getZone() {
            return clock.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant().plus(skew.get());
        }
    };
    protected VendorSimulator simulator;
    protected SessionService service;
    private int sequence;

    /** The provider's id, e.g. {@code zoom}. */
    protected abstract String providerId();

    /** Starts the vendor's simulator; override to run against one of your own. */
    protected VendorSimulator startSimulator(SimulatorOptions options) {
        return Simulators.start(providerId(), options);
    }

    /** Extra configuration on top of the simulator's (e.g. a sub-account id). */
    protected Map<String, String> extraProperties() {
        return Map.of();
    }

    /** The retry policy of the service under test: quick, so suites stay fast. */
    protected RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2));
    }

    @BeforeAll
    void startFixture() {
        simulator = startSimulator(SimulatorOptions.defaults().withClock(clock));
        service = open(simulator.properties());
    }

    @AfterAll
    void stopFixture() {
        if (service != null) {
            service.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    /**
     * A service for {@code properties} (plus {@link #extraProperties()}) on the client clock, whose {@code findCreated}
     * keeps looking for 4 seconds ({@code convene.find-created.settle}) unless the properties say otherwise.
     */
    protected SessionService open(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        // findCreated looks again for this long before it answers empty: longer than the simulators hold a late write
        all.putIfAbsent("convene.find-created.settle", "PT4S");
        all.putAll(extraProperties());
        return Convene.builder().properties(all).environment(Map.of()).systemProperties(false).clock(clientClock)
                .retryPolicy(retryPolicy()).build();
    }

    /** Runs the client {@code offset} ahead of (or behind) the vendor until reset with {@link Duration#ZERO}. */
    protected void skewClientClock(Duration offset) {
        skew.set(offset);
    }

    /**
     * The longest text made of {@code unit} repeated that {@code limit} allows: {@code longest(TextLimit.either(20, 40), "会")}
     * is 20 of them, {@code longest(TextLimit.bytes(512), "会")} 170.
     */
    protected static String longest(TextLimit limit, String unit) {
        int chars = unit.codePointCount(0, unit.length());
        int bytes = unit.getBytes(StandardCharsets.UTF_8).length;
        long byChars = limit.maxCharacters() == Limits.UNLIMITED ? Long.MAX_VALUE : limit.maxCharacters() / chars;
        long byBytes = limit.maxBytes() == Limits.UNLIMITED ? Long.MAX_VALUE : limit.maxBytes() / bytes;
        long n = limit.eitherSuffices() ? Math.max(byChars, byBytes) : Math.min(byChars, byBytes);
        if (n > 100_000) {
            throw new AssertionError("a text limit of " + limit + " is beyond what the testkit can check");
        }
        return unit.repeat((int) n);
    }

    /** A valid plain draft: unique title, start two days ahead at 10:00 in Shanghai (plus a minute per draft), one hour. */
    protected SessionDraft.Builder draft(SessionKind kind) {
        ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), ZONE).plusDays(2).with(LocalTime.of(10, 0)).plusMinutes(++sequence);
        return SessionDraft.builder(kind).title("Contract " + sequence).start(start).duration(Duration.ofHours(1));
    }
}
