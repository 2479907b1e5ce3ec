package dev.convene;

import java.util.EnumSet;
import java.util.Set;

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

    /** The features a draft asks for; never one that describes answers ({@link #askable()} false). */
    public static Set<Feature> usedBy(SessionDraft draft) {
        Set<Feature> used = EnumSet.noneOf(Feature.class);
        if (draft.description() != null) used.add(DESCRIPTION);
        addCommon(used, draft.effectiveAccess(), draft.password(), draft.hosts(), draft.invitees(), draft.recurrence(),
                draft.media(), draft.live());
        return used;
    }

    /** The features an update asks for. */
    public static Set<Feature> usedBy(SessionUpdate update) {
        Set<Feature> used = EnumSet.noneOf(Feature.class);
        if (update.description() != null) used.add(DESCRIPTION);
        addCommon(used, update.access(), update.password(), update.hosts(), update.invitees(), update.recurrence(),
                update.media(), update.live());
        return used;
    }

    private static void addCommon(Set<Feature> used, Access access, String password, java.util.List<String> hosts,
                                  java.util.List<String> invitees, Recurrence recurrence, MediaOptions media, LiveOptions live) {
        if (password != null || access == Access.PASSWORD) used.add(PASSWORD);
        if (access == Access.REGISTRATION) used.add(REGISTRATION);
        if (hosts != null && !hosts.isEmpty()) used.add(HOSTS);
        if (invitees != null && !invitees.isEmpty()) used.add(INVITEES);
        if (recurrence != null) used.add(RECURRENCE);
        if (media != null) {
            if (Boolean.TRUE.equals(media.waitingRoom())) used.add(WAITING_ROOM);
            if (Boolean.TRUE.equals(media.muteOnEntry())) used.add(MUTE_ON_ENTRY);
            if (media.joinBeforeHost() != null) used.add(JOIN_BEFORE_HOST);
            if (media.autoRecording() != null && media.autoRecording() != MediaOptions.Recording.NONE) used.add(AUTO_RECORDING);
        }
        if (live != null) {
            if (live.password() != null) used.add(LIVE_PASSWORD);
            if (live.replay() != null) used.add(LIVE_REPLAY);
        }
    }
}
