package dev.convene.events;

import java.util.Locale;

/** What happened to a session, in the same words for every vendor. */
public enum Change {
    CREATED,
    UPDATED,
    /** Cancelled or deleted; a deleted Zoom occurrence of a series that goes on is {@link #UPDATED}. */
    CANCELLED,
    STARTED,
    ENDED,
    PARTICIPANT_JOINED,
    PARTICIPANT_LEFT,
    /** A registration (enrolment) was made, approved, denied or cancelled. */
    REGISTRATION,
    RECORDING_READY,
    /** A live stream's status changed in a way none of the other changes names (e.g. Zoom's stream of a meeting started). */
    LIVE_STATUS,
    /** Anything else, including event names Convene does not know yet: accepted, never refused. */
    OTHER;

    /** The lower-case word used in JSON: {@code participant_joined}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
