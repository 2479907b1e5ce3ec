package dev.convene;

/** Where a session is in its life, as far as the vendor tells. */
public enum SessionStatus {
    SCHEDULED, LIVE, ENDED, CANCELLED, UNKNOWN
}
