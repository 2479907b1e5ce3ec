package dev.convene.provider.wecom;

import dev.convene.Convene;
import dev.convene.RetryPolicy;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.wecom.WeComSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

/** A WeCom simulator and services talking to it, on one settable clock. Each testbed is a fresh corp with its own token cache key. */
final class WeComTestbed implements AutoCloseable {
    static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2));

    final SettableClock clock;
    final WeComSimulator sim;
    private int sequence;

    WeComTestbed() {
        this(NOW, Map.of());
    }

    WeComTestbed(Instant now, Map<String, String> settings) {
        clock = new SettableClock(now);
        SimulatorOptions options = SimulatorOptions.defaults().withClock(clock);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            options = options.with(e.getKey(), e.getValue());
        }
        sim = new WeComSimulator(options);
    }

    SessionService service() {
        return service(sim.properties());
    }

    SessionService service(Map<String, String> properties) {
        return service(properties, Map.of());
    }

    SessionService service(Map<String, String> properties, Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(properties);
        all.putAll(overrides);
        return Convene.builder().properties(all).environment(Map.of()).systemProperties(false).clock(clock).retryPolicy(QUICK).build();
    }

    /** A valid draft: unique title, two days ahead at 10:00 in Shanghai, one hour. */
    SessionDraft.Builder draft(SessionKind kind) {
        ZonedDateTime start = clock.instant().atZone(SHANGHAI).plusDays(2).withHour(10).withMinute(++sequence % 60);
        return SessionDraft.builder(kind).title("Sync " + sequence).start(start).duration(Duration.ofHours(1));
    }

    @Override
    public void close() {
        sim.close();
    }
}
