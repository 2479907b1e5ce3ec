package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One occurrence of a recurring session, as the vendor reports it. */
public record Occurrence(String occurrenceId, Instant start, Duration duration, SessionStatus status) {
    public Occurrence {
        Objects.requireNonNull(start, "start");
        status = status == null ? SessionStatus.UNKNOWN : status;
    }
}
