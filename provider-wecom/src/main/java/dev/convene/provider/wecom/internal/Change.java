package dev.convene.provider.wecom.internal;

import dev.convene.Access;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** What a draft or an update asks for, in one shape, so one set of rules checks both; {@code null} = not given. */
record Change(boolean creating, String title, String description, Instant start, Duration duration, ZoneId zone, Access access,
              String password, List<String> hosts, List<String> invitees, MediaOptions media, LiveOptions live,
              Recurrence recurrence, ProviderOptions options) {

    static Change of(SessionDraft d) {
        return new Change(true, d.title(), d.description(), d.start(), d.duration(), d.timeZone(), d.access(), d.password(),
                d.hosts(), d.invitees(), d.media(), d.live(), d.recurrence(), d.options());
    }

    static Change of(SessionUpdate u) {
        return new Change(false, u.title(), u.description(), u.start(), u.duration(), u.timeZone(), u.access(), u.password(),
                u.hosts(), u.invitees(), u.media(), u.live(), u.recurrence(), u.options());
    }

    /** The access asked for, with a draft's default (a password means PASSWORD) applied. */
    Access effectiveAccess() {
        if (access != null || !creating) {
            return access;
        }
        return password != null ? Access.PASSWORD : Access.OPEN;
    }

    MediaOptions.Recording recording() {
        return media == null ? null : media.autoRecording();
    }
}
