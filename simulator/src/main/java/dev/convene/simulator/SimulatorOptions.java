package dev.convene.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start a simulator.
 *
 * @param port        0 picks a free port
 * @param clock       the vendor's notion of now (token expiry, "start in the future", signature windows)
 * @param latency     added to every answer, outside the simulator's lock (for throughput measurements)
 * @param recordLimit how many requests to keep; older ones are dropped (0 keeps none, for long benchmarks)
 * @param settings    vendor-specific switches, e.g. {@code max-live-tokens} for Zoom; each fake documents its own
 */
public record SimulatorOptions(int port, Clock clock, Duration latency, int recordLimit, Map<String, String> settings) {
    public SimulatorOptions {
        Objects.requireNonNull(clock, "clock");
        latency = latency == null ? Duration.ZERO : latency;
        settings = Map.copyOf(settings);
        if (port < 0 || recordLimit < 0) {
            throw new IllegalArgumentException("port and recordLimit must not be negative");
        }
    }

    public static SimulatorOptions defaults() {
        return new SimulatorOptions(0, Clock.systemUTC(), Duration.ZERO, 100_000, Map.of());
    }

    public SimulatorOptions withPort(int port) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings);
    }

    public SimulatorOptions withClock(Clock clock) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings);
    }

    public SimulatorOptions withLatency(Duration latency) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings);
    }

    public SimulatorOptions withRecordLimit(int recordLimit) {
        return new SimulatorOptions(port, clock, latency, recordLimit, settings);
    }

    public SimulatorOptions with(String setting, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        copy.put(setting, value);
        return new SimulatorOptions(port, clock, latency, recordLimit, copy);
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }
}
