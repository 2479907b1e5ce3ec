package dev.convene.provider.tencentmeeting.internal;

import dev.convene.Access;
import dev.convene.JoinInfo;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Webinars between the neutral model and {@code /v1/webinars} (spec §4). */
final class Webinars {
    private Webinars() {
    }

    /** {@code admission_type}: 0 public, 1 registration, 2 password. */
    static int admission(Access access) {
        return switch (access) {
            case OPEN -> 0;
            case REGISTRATION -> 1;
            case PASSWORD -> 2;
        };
    }

    static Access access(Integer admission) {
        if (admission == null) {
            return Access.OPEN;
        }
        return switch (admission) {
            case 1 -> Access.REGISTRATION;
            case 2 -> Access.PASSWORD;
            default -> Access.OPEN;
        };
    }

    /** A webinar needs hosts; the organizer hosts it unless the draft names others. */
    static Wire.WebinarRequest create(SessionDraft d, int instanceId) {
        Access access = d.effectiveAccess();
        return new Wire.WebinarRequest(d.organizer(), instanceId, d.title(), d.option(TencentMeetingOptions.SPONSOR).orElse(null),
                d.start(), d.start().plus(d.duration()), Meetings.zoneToSend(d.timeZone()), admission(access),
                Meetings.users(d.hosts().isEmpty() ? List.of(d.organizer()) : d.hosts()),
                access == Access.PASSWORD ? d.password() : null,
                d.description(), d.description() == null ? null : true);
    }

    /**
     * The body of {@code PUT /v1/webinars/{id}}: start and end travel together (the endpoint requires it),
     * and the admission type is sent with its password whenever either changes.
     */
    static Wire.WebinarRequest modify(Session current, SessionUpdate u, String userid, int instanceId) {
        boolean timesChange = u.start() != null || u.duration() != null;
        boolean admissionChanges = u.access() != null || u.password() != null;
        // The current session is needed (and read) only when times or admission change.
        Instant start = !timesChange ? null : u.start() != null ? u.start() : current.start();
        Duration duration = !timesChange ? null : u.duration() != null ? u.duration() : current.duration();
        Access access = admissionChanges ? access(current, u) : null;
        String password = access == Access.PASSWORD ? (u.password() != null ? u.password() : current.password()) : null;
        return new Wire.WebinarRequest(userid, instanceId, u.title(), u.options().get(TencentMeetingOptions.SPONSOR).orElse(null),
                timesChange ? start : null, timesChange ? start.plus(duration) : null,
                Meetings.zoneName(u.timeZone()),
                access == null ? null : admission(access), Meetings.users(u.hosts()),
                admissionChanges ? password : null,
                u.description(), u.description() == null ? null : true);
    }

    /** The access an update leaves: as given, or "password" when only a password is given. */
    static Access access(Session current, SessionUpdate u) {
        return u.access() != null ? u.access() : u.password() != null ? Access.PASSWORD : current.access();
    }

    static Session toSession(Wire.WebinarInfo w, String organizer) {
        Instant start = Meetings.require(w.startTime(), "start_time");
        Instant end = Meetings.require(w.endTime(), "end_time");
        String password = Meetings.blankToNull(w.password());
        return Session.builder()
                .id(SessionId.of(TencentErrors.PROVIDER, SessionKind.WEBINAR, Meetings.require(w.meetingId(), "meeting_id")))
                .title(Meetings.require(w.subject(), "subject"))
                .description(Meetings.blankToNull(w.description()))
                .start(start)
                .duration(Duration.between(start, end))
                .timeZone(Meetings.zone(w.timeZone()))
                .status(Meetings.status(w.status()))
                .organizer(organizer)
                .hosts(w.hosts())
                .access(access(w.admissionType()))
                .password(password)
                .join(new JoinInfo(w.audienceJoinLink(), w.meetingCode(), w.audienceJoinLink(), null, w.guestJoinLink()))
                .build();
    }

    /** The session a create answered for {@code d}, completed with what was sent (the answer is short). */
    static Session created(Wire.WebinarInfo w, SessionDraft d, Wire.WebinarRequest sent) {
        Session s = toSession(w, d.organizer());
        return s.toBuilder()
                .timeZone(Meetings.keptZone(d.timeZone()))
                .status(w.status() == null ? SessionStatus.SCHEDULED : s.status())
                .description(d.description())
                .hosts(s.hosts().isEmpty() ? sent.hosts().stream().map(Wire.UserObj::userid).toList() : s.hosts())
                .access(d.effectiveAccess())
                .password(sent.password())
                .build();
    }
}
