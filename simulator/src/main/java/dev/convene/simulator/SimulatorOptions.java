package dev.convene.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How to start a simulator.
 *
 * @param port        0 picks a free port
 * @param clock       the vendor's notion of now (token expiry, "start in the future", signature windows)
 * @param latency     added to every answer, outside the simulator's lock (for throughput measurements)
 * @param recordLimit how many requests to keep; older ones are dropped (0 keeps none, for long benchmarks)
 * @param settings    vendor-specific switches, e.g. {@code max-live-tokens} for Zoom; each fake documents its own
 * @param dailyLimits whether the vendors' per-day quotas apply (Zoom's 100 creates and updates per host a day,
 *                    Tencent's calls per day when set); on by default, as the vendors have them; off for a
 *                    simulator people try things on by hand, where a quota spent lasts until a restart
 * @param seed        where the fake's ids, codes and tokens come from: the same seed gives the same ones (for tests);
 *                    empty draws a fresh seed at each start, so ids kept from an earlier run never name a new session
 */
public record SimulatorOptions(int port, Clock clock, Duration latency, int recordLimit, Map<String, String> settings,
                               boolean dailyLimits, OptionalLong seed) {
    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        latency = latency == null ? Duration.ZERO : latency;
        settings = Map.copyOf(settings);
        seed = seed == null ? OptionalLong.empty() : seed;
        if (port < 0 || recordLimit < 0) {
            throw new IllegalArgumentException("port and recordLimit must not be negative");
        }
    }

    /** Any free port, the system clock, daily limits on, and a fresh seed at each start. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, Clock.systemUTC(), Duration.ZERO, 100_000, Map.of(), true, OptionalLong.empty());
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, seed);
    }

    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, seed);
    }

    public SimulatorOptions withLatency(Duration latency) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, seed);
    }

    public SimulatorOptions withRecordLimit(int recordLimit) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, seed);
    }

    public SimulatorOptions withDailyLimits(boolean dailyLimits) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, seed);
    }

    /** The same seed gives the same ids, codes and tokens in the same order of calls. */
    public SimulatorOptions withSeed(long seed) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings, dailyLimits, OptionalLong.of(seed));
    }

    public SimulatorOptions with(String setting, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(setting, value);
        return new SimulatorOptions(port, clock, latency, recordLimit, copy, dailyLimits, seed);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
