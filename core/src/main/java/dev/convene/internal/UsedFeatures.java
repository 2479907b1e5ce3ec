package dev.convene.internal;

import dev.convene.Access;
import dev.convene.Feature;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionUpdate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Which {@link Feature}s a draft or update asks for, so core can check them against what the provider declared. */
public final class UsedFeatures {
    private UsedFeatures() {
    }

    /** The features a draft asks for; never one that describes answers ({@link Feature#askable()} false). */
    public static Set<Feature> of(SessionDraft draft) {
        Set<Feature> used = EnumSet.noneOf(Feature.class);
        if (draft.description() != null) used.add(Feature.DESCRIPTION);
        addCommon(used, draft.effectiveAccess(), draft.password(), draft.hosts(), draft.invitees(), draft.recurrence(),
                draft.media(), draft.live());
        return used;
    }

    /** The features an update asks for. */
    public static Set<Feature> of(SessionUpdate update) {
        Set<Feature> used = EnumSet.noneOf(Feature.class);
        if (update.description() != null) used.add(Feature.DESCRIPTION);
        addCommon(used, update.access(), update.password(), update.hosts(), update.invitees(), update.recurrence(),
                update.media(), update.live());
        if (update.removesRecurrence()) used.add(Feature.RECURRENCE_REMOVAL);
        return used;
    }

    private static void addCommon(Set<Feature> used, Access access, String password, List<String> hosts, List<String> invitees,
                                  Recurrence recurrence, MediaOptions media, LiveOptions live) {
        if (password != null || access == Access.PASSWORD) used.add(Feature.PASSWORD);
        if (access == Access.REGISTRATION) used.add(Feature.REGISTRATION);
        if (hosts != null && !hosts.isEmpty()) used.add(Feature.HOSTS);
        if (invitees != null && !invitees.isEmpty()) used.add(Feature.INVITEES);
        if (recurrence != null) used.add(Feature.RECURRENCE);
        if (media != null) {
            if (Boolean.TRUE.equals(media.waitingRoom())) used.add(Feature.WAITING_ROOM);
            if (Boolean.TRUE.equals(media.muteOnEntry())) used.add(Feature.MUTE_ON_ENTRY);
            if (media.joinBeforeHost() != null) used.add(Feature.JOIN_BEFORE_HOST);
            if (media.autoRecording() != null && media.autoRecording() != MediaOptions.Recording.NONE) used.add(Feature.AUTO_RECORDING);
        }
        if (live != null) {
            if (live.password() != null) used.add(Feature.LIVE_PASSWORD);
            if (live.replay() != null) used.add(Feature.LIVE_REPLAY);
        }
    }
}
