package dev.convene.micrometer;

import dev.convene.events.EventResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Counts what an {@code EventReceiver} made of each request it was handed, as {@value #NAME}: tags {@code provider},
 * {@code result} ({@code accepted}, {@code duplicate}, {@code challenge}, {@code rejected}), {@code change} (the
 * accepted event's, else {@code none}) and {@code reason} (a rejection's, such as {@code bad_signature}, else
 * {@code none}). A request for a provider without event configuration counts under provider {@code unknown}: the
 * path a stranger sends never becomes a tag. Needs {@code convene-events} on the class path.
 */
public final class EventMetrics {
    /** The counter's name. */
    public static final String NAME = "convene.events.received";

    private final MeterRegistry meters;

    /** @throws NullPointerException if {@code meters} is null */
    public EventMetrics(MeterRegistry meters) {
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    /** Counts {@code result} once; returns it, to be answered. */
    public EventResult record(EventResult result) {
        String provider;
        String kind;
        String change = "none";
        String reason = "none";
        if (result instanceof EventResult.Accepted accepted) {
            provider = accepted.event().provider();
            kind = "accepted";
            change = accepted.event().change().wireName();
        } else if (result instanceof EventResult.Duplicate duplicate) {
            provider = duplicate.provider();
            kind = "duplicate";
        } else if (result instanceof EventResult.Challenge challenge) {
            provider = challenge.provider();
            kind = "challenge";
        } else {
            EventResult.Rejected rejected = (EventResult.Rejected) result;
            provider = rejected.reason() == EventResult.Reason.UNKNOWN_PROVIDER || rejected.provider() == null ? "unknown" : rejected.provider();
            kind = "rejected";
            reason = rejected.reason().wireName();
        }
        Counter.builder(NAME)
                .description("Requests an event receiver answered, by what they were")
                .tag("provider", provider)
                .tag("result", kind)
                .tag("change", change)
                .tag("reason", reason)
                .register(meters)
                .increment();
        return result;
    }
}
