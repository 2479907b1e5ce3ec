package dev.convene.provider.zoom;

import dev.convene.Convene;
import dev.convene.RetryPolicy;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** A Zoom simulator and services on one settable clock; closes everything it opened. */
final class ZoomFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");

    final SettableClock clock = new SettableClock(NOW);
    final ZoomSimulator sim;
    private final List<SessionService> opened = new ArrayList<>();

    ZoomFixture() {
        this(o -> o);
    }

    ZoomFixture(UnaryOperator<SimulatorOptions> options) {
        sim = new ZoomSimulator(options.apply(SimulatorOptions.defaults().withClock(clock)));
    }

    SessionService open(Map<String, String> properties, SessionListener... listeners) {
        Convene.Builder b = Convene.builder().properties(properties).environment(Map.of()).systemProperties(false).clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(5)));
        for (SessionListener l : listeners) {
            b.listener(l);
        }
        SessionService s = b.build();
        opened.add(s);
        return s;
    }

    SessionService open() {
        return open(sim.properties());
    }

    /** A service with a token store of its own, as a second JVM would have. */
    SessionService openSeparately() {
        SessionService s = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false).clock(clock)
                .tokenStore(dev.convene.spi.token.TokenStores.inMemory()).build();
        opened.add(s);
        return s;
    }

    @Override
    public void close() {
        opened.forEach(SessionService::close);
        sim.close();
    }
}
