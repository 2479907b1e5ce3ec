package dev.convene;

/**
 * Optional things a draft can ask for, and what the vendor's answers hold. Each feature a draft uses must
 * be declared by the provider for that kind, or the call fails with {@link UnsupportedFeatureException}
 * before anything is sent; and each declared feature must survive a create → get round trip (the testkit
 * checks both). The features that describe answers ({@link #askable()} false) are claims the testkit
 * checks against the vendor as well.
 */
public enum Feature {
    DESCRIPTION,
    PASSWORD,
    REGISTRATION,
    HOSTS,
    INVITEES,
    RECURRENCE,
    /** The vendor reports the individual occurrences of a recurring session. */
    OCCURRENCES,
    WAITING_ROOM,
    MUTE_ON_ENTRY,
    JOIN_BEFORE_HOST,
    AUTO_RECORDING,
    LIVE_PASSWORD,
    LIVE_REPLAY,
    /** The vendor keeps the session's time zone (otherwise sessions come back in UTC or the vendor's zone). */
    TIME_ZONE,
    /**
     * The vendor keeps cancelled sessions: {@code get} answers one with status {@link SessionStatus#CANCELLED},
     * and cancelling it again succeeds (cancel is idempotent). Without it the vendor deletes what is cancelled
     * (Zoom): {@code get}, {@code update} and {@code cancel} of a cancelled session throw a
     * {@link SessionNotFoundException} that {@linkplain SessionNotFoundException#mayHaveBeenCancelled() says
     * it may have been cancelled}, since the vendor's answer cannot tell that from an id it never issued.
     */
    KEEPS_CANCELLED,
    /**
     * A listing can include cancelled sessions when the {@link ListQuery} asks for them. Lists leave cancelled
     * sessions out unless asked, on every provider; asking where this is not declared is an
     * {@link UnsupportedFeatureException}.
     */
    LISTS_CANCELLED;

    /** False for the features that describe the vendor's answers rather than something a draft asks for. */
    public boolean askable() {
        return switch (this) {
            case OCCURRENCES, TIME_ZONE, KEEPS_CANCELLED, LISTS_CANCELLED -> false;
            default -> true;
        };
    }
}
