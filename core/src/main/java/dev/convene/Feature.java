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
    /**
     * An update can make a recurring session a one-off one ({@link SessionUpdate#removesRecurrence()}), as the
     * vendor documents it (WeCom's {@code reminders.is_repeat} 0, Zoom's {@code type} 2 for a meeting and 5 for a
     * webinar). Tencent Meeting documents no way to make a recurring meeting a one-off one.
     */
    RECURRENCE_REMOVAL,
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
     * A {@code get} names the session's organizer ({@link Session#organizer()}). Without it the vendor's answer to a
     * read does not say who created the session (a WeCom webinar, a Tencent Meeting meeting or live stream): a
     * {@code get} reports {@code null}, while {@code create}, and an update that read the session, report the
     * organizer Convene sent.
     */
    REPORTS_ORGANIZER,
    /**
     * A listing can include cancelled sessions when the {@link ListQuery} asks for them. Lists leave cancelled
     * sessions out unless asked, on every provider; asking where this is not declared is an
     * {@link UnsupportedFeatureException}.
     */
    LISTS_CANCELLED;

    /** False for the features that describe the vendor's answers rather than something a draft asks for. */
    public boolean askable() {
        return switch (this) {
            case OCCURRENCES, TIME_ZONE, KEEPS_CANCELLED, REPORTS_ORGANIZER, LISTS_CANCELLED -> false;
            default -> true;
        };
    }
}
