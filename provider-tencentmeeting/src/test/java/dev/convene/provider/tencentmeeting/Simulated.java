package dev.convene.provider.tencentmeeting;

import dev.convene.Convene;
import dev.convene.RetryPolicy;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.tencentmeeting.TencentMeetingSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/** A Tencent Meeting simulator and a service pointed at it, on one settable clock, with quick retries. */
final class Simulated implements AutoCloseable {
    static final Instant NOW = Instant.parse("2030-01-01T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    final SettableClock clock = new SettableClock(NOW);
    final TencentMeetingSimulator sim;
    final SessionService service;

    Simulated() {
        this(SimulatorOptions.defaults());
    }

    Simulated(SimulatorOptions options) {
        sim = new TencentMeetingSimulator(options.withClock(clock));
        service = open(sim.properties());
    }

    SessionService open(Map<String, String> properties) {
        return Convene.builder().properties(properties).environment(Map.of()).systemProperties(false).clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2)))
                .build();
    }

    /** A valid draft: tomorrow 10:00 in Shanghai, one hour. */
    static SessionDraft.Builder draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("Weekly sync")
                .start(ZonedDateTime.of(2030, 1, 2, 10, 0, 0, 0, SHANGHAI)).duration(Duration.ofHours(1));
    }

    @Override
    public void close() {
        service.close();
        sim.close();
    }
}
