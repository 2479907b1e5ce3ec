package dev.convene;

import java.time.Duration;
import java.time.Instant;

/** One occurrence of a recurring session, as the vendor reports it. */
public record Occurrence(String occurrenceId, Instant start, Duration duration, SessionStatus status) {
    public Occurrence {
        Checks.required(start, "an occurrence's start");
        status = status == null ? SessionStatus.UNKNOWN : status;
    }
}
