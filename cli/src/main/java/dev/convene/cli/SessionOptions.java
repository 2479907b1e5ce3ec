package dev.convene.cli;

import dev.convene.Access;
import dev.convene.LiveOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The options create and update share. */
final class SessionOptions {
    @Option(names = "--title", paramLabel = "T")
    String title;

    @Option(names = "--start", paramLabel = "WHEN", description = "ISO-8601, e.g. 2030-01-01T10:00+08:00, or local time with --zone.")
    String start;

    @Option(names = "--duration", paramLabel = "D", description = "ISO-8601 (PT1H) or minutes.")
    String duration;

    @Option(names = "--zone", paramLabel = "Z", description = "Time zone, e.g. Asia/Shanghai.")
    String zone;

    @Option(names = "--organizer", paramLabel = "U")
    String organizer;

    @Option(names = "--host", paramLabel = "U")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--invitee", paramLabel = "U")
    List<String> invitees = new ArrayList<>();

    @Option(names = "--password", paramLabel = "P")
    String password;

    @Option(names = "--access", paramLabel = "A", description = "open, password or registration.")
    String access;

    @Option(names = "--live-password", paramLabel = "P", description = "Audience password of a live stream.")
    String livePassword;

    @Option(names = "--description", paramLabel = "S")
    String description;

    @Option(names = "--recurrence", paramLabel = "RRULE", description = "e.g. FREQ=WEEKLY;BYDAY=MO;COUNT=10")
    String recurrence;

    private ZoneId zoneId() {
        return zone == null ? null : Inputs.zone(zone);
    }

    SessionDraft draft(SessionKind kind) {
        SessionDraft.Builder b = SessionDraft.builder(kind).title(title).description(description).organizer(organizer)
                .hosts(hosts).invitees(invitees).password(password);
        if (start != null) {
            b.start(Inputs.when("--start", start, zoneId()));
        } else if (zone != null) {
            b.timeZone(zoneId());
        }
        if (duration != null) {
            b.duration(Inputs.duration(duration));
        }
        if (recurrence != null) {
            b.recurrence(Recurrence.parse(recurrence));
        }
        if (access != null) {
            b.access(access());
        }
        if (livePassword != null) {
            b.live(new LiveOptions(livePassword, null));
        }
        return b.build();
    }

    SessionUpdate update() {
        SessionUpdate.Builder b = SessionUpdate.builder().title(title).description(description).password(password);
        if (start != null) {
            ZonedDateTime when = Inputs.when("--start", start, zoneId());
            b.start(when);
        } else if (zone != null) {
            b.timeZone(zoneId());
        }
        if (duration != null) {
            b.duration(Inputs.duration(duration));
        }
        if (!hosts.isEmpty()) {
            b.hosts(hosts);
        }
        if (!invitees.isEmpty()) {
            b.invitees(invitees);
        }
        if (recurrence != null) {
            b.recurrence(Recurrence.parse(recurrence));
        }
        if (access != null) {
            b.access(access());
        }
        if (livePassword != null) {
            b.live(new LiveOptions(livePassword, null));
        }
        if (organizer != null) {
            throw new IllegalArgumentException("--organizer cannot be changed by update");
        }
        return b.build();
    }

    private Access access() {
        try {
            return Access.valueOf(access.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--access '" + access + "' must be open, password or registration");
        }
    }
}
