package dev.convene.provider.tencentmeeting.internal;

import dev.convene.Access;
import dev.convene.JoinInfo;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Occurrence;
import dev.convene.ProviderOptions;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions;
import dev.convene.provider.tencentmeeting.TencentMeetingProvider;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions.MeetingSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The neutral model and Tencent Meeting's wire, both ways, in plain Java: meetings and live streams (a meeting
 * with {@code enable_live}) on {@code /v1/meetings}, webinars on {@code /v1/webinars} (spec §3–4): times, people,
 * password, settings, live configuration and recurrence.
 *
 * <p>Plain constructor calls rather than MapStruct: a wire record's canonical constructor already makes a field
 * nobody fills a compile error, which is what MapStruct's {@code unmappedTargetPolicy = ERROR} would buy.
 */
final class TencentMeetingMapper {
    private static final java.util.regex.Pattern OFFSET_ID = java.util.regex.Pattern.compile("(UTC|GMT|UT)[+-].*");
    /** Tencent's own zone: what a meeting without {@code time_zone} is in, so it is only sent when different. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** A scheduled meeting (预约会议); quick meetings start at once and are not what a draft describes. */
    private static final int SCHEDULED = 0;
    private static final int RECURRING = 1;
    private static final TencentMeetingWire.LiveConfig EMPTY_LIVE = new TencentMeetingWire.LiveConfig(null, null, null, null, null, null, null);

    private static final TencentMeetingWire.Settings NO_SETTINGS = new TencentMeetingWire.Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private TencentMeetingMapper() {
    }

    // ---- meetings and live streams -------------------------------------------------------------

    /** The body of {@code POST /v1/meetings} for a checked draft. */
    static TencentMeetingWire.MeetingRequest meetingCreate(SessionDraft d, int instanceId) {
        boolean live = d.kind() == SessionKind.LIVE_STREAM;
        ProviderOptions o = d.options();
        String hostKey = o.get(TencentMeetingOptions.HOST_KEY).orElse(null);
        // A series is laid out in the zone Tencent keeps the meeting in, which is Beijing when the draft's has no name.
        TencentMeetingWire.RecurringRule rule = d.recurrence() == null ? null : TencentMeetingRecurrences.toWire(d.recurrence(), d.start().atZone(keptZone(d.timeZone())), false);
        return new TencentMeetingWire.MeetingRequest(d.organizer(), instanceId, d.title(), SCHEDULED,
                users(d.hosts().isEmpty() ? null : d.hosts()), users(d.invitees().isEmpty() ? null : d.invitees()),
                d.start(), d.start().plus(d.duration()), d.effectiveAccess() == Access.PASSWORD ? d.password() : null,
                hostKey == null ? null : true, hostKey,
                settings(o.get(TencentMeetingOptions.SETTINGS).orElse(null), d.media()),
                rule == null ? null : RECURRING, rule,
                live ? true : null, live ? liveConfig(o.get(TencentMeetingOptions.LIVE_SUBJECT).orElse(d.title()), d.description(), d.live(), o) : null,
                zoneToSend(d.timeZone()), o.get(TencentMeetingOptions.LOCATION).orElse(null));
    }

    /**
     * The body of {@code PUT /v1/meetings/{id}}: only what changes. Start and end always travel together,
     * computed against the current session (needed only then), so a changed duration keeps the start and vice versa.
     */
    static TencentMeetingWire.MeetingRequest meetingModify(SessionKind kind, Session current, SessionUpdate u, String userid, int instanceId,
                                      TencentMeetingWire.RecurringRule rule, boolean streamFollowsTitle) {
        boolean timesChange = u.start() != null || u.duration() != null;
        Instant start = u.start() != null ? u.start() : timesChange ? current.start() : null;
        Duration duration = u.duration() != null ? u.duration() : timesChange ? current.duration() : null;
        ProviderOptions o = u.options();
        String hostKey = o.get(TencentMeetingOptions.HOST_KEY).orElse(null);
        boolean live = kind == SessionKind.LIVE_STREAM;
        // Access OPEN without a password means "remove it": Tencent removes a password sent as "".
        String password = u.password() != null ? u.password() : u.access() == Access.OPEN ? "" : null;
        String streamSubject = o.get(TencentMeetingOptions.LIVE_SUBJECT).orElse(streamFollowsTitle ? u.title() : null);
        TencentMeetingWire.LiveConfig liveChange = live ? liveConfig(streamSubject, u.description(), u.live() == null ? LiveOptions.DEFAULTS : u.live(), o) : null;
        return new TencentMeetingWire.MeetingRequest(userid, instanceId, u.title(), null,
                users(u.hosts()), users(u.invitees()),
                timesChange ? start : null, timesChange ? start.plus(duration) : null,
                password, hostKey == null ? null : true, hostKey,
                settings(o.get(TencentMeetingOptions.SETTINGS).orElse(null), u.media()),
                rule == null ? null : RECURRING, rule,
                null, liveChange == null || liveChange.equals(EMPTY_LIVE) ? null : liveChange,
                zoneName(u.timeZone()), o.get(TencentMeetingOptions.LOCATION).orElse(null));
    }

    /** The live stream's settings; {@code subject} is {@code null} when it does not change. */
    private static TencentMeetingWire.LiveConfig liveConfig(String subject, String description, LiveOptions live, ProviderOptions o) {
        String password = live.password();
        return new TencentMeetingWire.LiveConfig(subject, description,
                password == null ? null : true, password,
                o.get(TencentMeetingOptions.LIVE_CHAT).orElse(null), live.replay(), null);
    }

    /**
     * Whether the held stream is titled like the session, as it is unless {@code LIVE_SUBJECT} named it: a new
     * title then renames the stream as well, while a subject of its own is kept.
     */
    static boolean streamFollowsTitle(TencentMeetingWire.MeetingInfo held) {
        TencentMeetingWire.LiveConfig lc = held.liveConfig();
        return lc == null || lc.liveSubject() == null || lc.liveSubject().equals(held.subject());
    }

    /**
     * A session from a meeting object. Create answers leave out status, zone and the live settings, so
     * {@link #meetingCreated} completes those from the draft that was sent.
     *
     * @param organizer the creator when the answer tells (list: {@code join_meeting_role}), else {@code null}
     */
    static Session meetingSession(TencentMeetingWire.MeetingInfo m, SessionKind kind, String organizer) {
        ZoneId zone = zone(m.timeZone());
        Instant start = require(m.startTime(), "start_time");
        Instant end = require(m.endTime(), "end_time");
        TencentMeetingWire.LiveConfig lc = m.liveConfig();
        boolean live = kind == SessionKind.LIVE_STREAM;
        String password = blankToNull(m.password());
        return Session.builder()
                .id(SessionId.of(TencentMeetingProvider.ID, kind, require(m.meetingId(), "meeting_id")))
                .title(require(m.subject(), "subject"))
                .description(live && lc != null ? blankToNull(lc.liveSummary()) : null)
                .start(start)
                .duration(Duration.between(start, end))
                .timeZone(zone)
                .status(status(m.status()))
                .organizer(organizer)
                .hosts(m.hosts())
                .invitees(m.participants())
                .access(password == null ? Access.OPEN : Access.PASSWORD)
                .password(password)
                .media(media(m.settings()))
                .live(live && lc != null ? new LiveOptions(Boolean.TRUE.equals(lc.enableLivePassword()) ? lc.livePassword() : null,
                        lc.enableLiveReplay()) : null)
                .recurrence(m.meetingType() != null && m.meetingType() == RECURRING
                        ? TencentMeetingRecurrences.fromWire(m.recurringRule(), start.atZone(zone)) : null)
                .join(new JoinInfo(m.joinUrl(), m.meetingCode(), lc == null ? null : lc.liveAddr(), null))
                .occurrences(m.subMeetings() == null ? List.of() : m.subMeetings().stream().map(TencentMeetingMapper::occurrence).toList())
                .build();
    }

    /** The session a create answered for {@code d}: what the answer says, completed with what was sent. */
    static Session meetingCreated(TencentMeetingWire.MeetingInfo m, SessionDraft d, TencentMeetingWire.MeetingRequest sent) {
        Session s = meetingSession(m, d.kind(), d.organizer());
        boolean live = d.kind() == SessionKind.LIVE_STREAM;
        return s.toBuilder()
                .timeZone(keptZone(d.timeZone()))
                .status(m.status() == null ? SessionStatus.SCHEDULED : s.status())
                .hosts(s.hosts().isEmpty() ? (d.hosts().isEmpty() ? List.of(d.organizer()) : d.hosts()) : s.hosts())
                .invitees(m.participants() == null ? d.invitees() : s.invitees())
                .media(m.settings() == null ? media(sent.settings()) : s.media())
                .description(live ? d.description() : null)
                .live(live ? d.live() : null)
                .recurrence(sent.recurringRule() == null ? null : TencentMeetingRecurrences.fromWire(sent.recurringRule(), d.start().atZone(keptZone(d.timeZone()))))
                // The create answer lists no sub-meetings (spec §3.1); only a query tells a series' occurrences.
                .missing(sent.recurringRule() != null && m.subMeetings() == null ? EnumSet.of(Session.Part.OCCURRENCES) : null)
                .build();
    }

    static SessionStatus status(TencentMeetingWire.MeetingState state) {
        if (state == null) {
            return SessionStatus.UNKNOWN;
        }
        return switch (state) {
            case INIT, ABOUT_TO_START -> SessionStatus.SCHEDULED;
            case STARTED -> SessionStatus.LIVE;
            case ENDED, NULL, RECYCLED -> SessionStatus.ENDED;
            case CANCELLED -> SessionStatus.CANCELLED;
            case INVALID, UNKNOWN -> SessionStatus.UNKNOWN;
        };
    }

    /**
     * Tencent's {@code time_zone} for a zone: a zone name (an Oracle/IANA id), {@code UTC} for UTC, and none at
     * all for any other bare offset such as {@code +08:00}, which Tencent does not take (spec, corrections).
     */
    static String zoneName(ZoneId zone) {
        if (zone == null) {
            return null;
        }
        if (zone instanceof ZoneOffset || OFFSET_ID.matcher(zone.getId()).matches()) {
            return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : null;
        }
        return zone.getId();
    }

    /** What a create sends: the zone's name, or nothing when it has none or is Tencent's own (the default). */
    static String zoneToSend(ZoneId zone) {
        String name = zoneName(zone);
        return name == null || zone.equals(BEIJING) ? null : name;
    }

    /** The zone Tencent keeps a session in after {@code u}: an update's zone without a name is not sent, so the held one stays. */
    static ZoneId zoneAfter(Session current, SessionUpdate u) {
        return zoneName(u.timeZone()) != null ? zone(zoneName(u.timeZone())) : current.timeZone();
    }

    /** The zone Tencent keeps a new session in, as a get will report it: the draft's by name, else Beijing. */
    static ZoneId keptZone(ZoneId draftZone) {
        return zone(zoneToSend(draftZone));
    }

    static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return BEIJING;
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("time_zone '" + timeZone + "' is not a zone id", e);
        }
    }

    static List<TencentMeetingWire.UserObj> users(List<String> userids) {
        return userids == null ? null : userids.stream().map(TencentMeetingWire.UserObj::new).toList();
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalStateException("the answer has no " + field);
        }
        return value;
    }

    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** Sub-meeting status integers are undocumented; the simulator's 0 scheduled / 1 cancelled is assumed. */
    private static Occurrence occurrence(TencentMeetingWire.SubMeeting s) {
        Instant start = require(s.startTime(), "sub_meetings.start_time");
        SessionStatus status = s.status() == null ? SessionStatus.UNKNOWN
                : s.status() == 0 ? SessionStatus.SCHEDULED : s.status() == 1 ? SessionStatus.CANCELLED : SessionStatus.UNKNOWN;
        return new Occurrence(s.subMeetingId(), start, s.endTime() == null ? null : Duration.between(start, s.endTime()), status);
    }

    // ---- webinars ----------------------------------------------------------------------------

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
    static TencentMeetingWire.WebinarRequest webinarCreate(SessionDraft d, int instanceId) {
        Access access = d.effectiveAccess();
        return new TencentMeetingWire.WebinarRequest(d.organizer(), instanceId, d.title(), d.option(TencentMeetingOptions.SPONSOR).orElse(null),
                d.start(), d.start().plus(d.duration()), zoneToSend(d.timeZone()), admission(access),
                users(d.hosts().isEmpty() ? List.of(d.organizer()) : d.hosts()),
                access == Access.PASSWORD ? d.password() : null,
                d.description(), d.description() == null ? null : true);
    }

    /**
     * The body of {@code PUT /v1/webinars/{id}}: start and end travel together (the endpoint requires it),
     * and the admission type is sent with its password whenever either changes.
     */
    static TencentMeetingWire.WebinarRequest webinarModify(Session current, SessionUpdate u, String userid, int instanceId) {
        boolean timesChange = u.start() != null || u.duration() != null;
        boolean admissionChanges = u.access() != null || u.password() != null;
        // The current session is needed (and read) only when times or admission change.
        Instant start = !timesChange ? null : u.start() != null ? u.start() : current.start();
        Duration duration = !timesChange ? null : u.duration() != null ? u.duration() : current.duration();
        Access access = admissionChanges ? access(current, u) : null;
        String password = access == Access.PASSWORD ? (u.password() != null ? u.password() : current.password()) : null;
        return new TencentMeetingWire.WebinarRequest(userid, instanceId, u.title(), u.options().get(TencentMeetingOptions.SPONSOR).orElse(null),
                timesChange ? start : null, timesChange ? start.plus(duration) : null,
                zoneName(u.timeZone()),
                access == null ? null : admission(access), users(u.hosts()),
                admissionChanges ? password : null,
                u.description(), u.description() == null ? null : true);
    }

    /** The access an update leaves: as given, or "password" when only a password is given. */
    static Access access(Session current, SessionUpdate u) {
        return u.access() != null ? u.access() : u.password() != null ? Access.PASSWORD : current.access();
    }

    static Session webinarSession(TencentMeetingWire.WebinarInfo w, String organizer) {
        Instant start = require(w.startTime(), "start_time");
        Instant end = require(w.endTime(), "end_time");
        String password = blankToNull(w.password());
        return Session.builder()
                .id(SessionId.of(TencentMeetingProvider.ID, SessionKind.WEBINAR, require(w.meetingId(), "meeting_id")))
                .title(require(w.subject(), "subject"))
                .description(blankToNull(w.description()))
                .start(start)
                .duration(Duration.between(start, end))
                .timeZone(zone(w.timeZone()))
                .status(status(w.status()))
                .organizer(organizer)
                .hosts(w.hosts())
                .access(access(w.admissionType()))
                .password(password)
                .join(new JoinInfo(w.audienceJoinLink(), w.meetingCode(), w.audienceJoinLink(), null, w.guestJoinLink()))
                .build();
    }

    /** The session a create answered for {@code d}, completed with what was sent (the answer is short). */
    static Session webinarCreated(TencentMeetingWire.WebinarInfo w, SessionDraft d, TencentMeetingWire.WebinarRequest sent) {
        Session s = webinarSession(w, d.organizer());
        return s.toBuilder()
                .timeZone(keptZone(d.timeZone()))
                .status(w.status() == null ? SessionStatus.SCHEDULED : s.status())
                .description(d.description())
                .hosts(s.hosts().isEmpty() ? sent.hosts().stream().map(TencentMeetingWire.UserObj::userid).toList() : s.hosts())
                .access(d.effectiveAccess())
                .password(sent.password())
                .build();
    }

    // ---- settings ----------------------------------------------------------------------------

    /**
     * The meeting {@code settings} to send from the neutral {@link MediaOptions} and the provider's {@link MeetingSettings}
     * option, or {@code null} when there is nothing to say. The neutral option wins over the provider option; both feed
     * {@code mute_enable_type_join}, which Tencent lets win over {@code mute_enable_join}, so the latter is never sent.
     */
    static TencentMeetingWire.Settings settings(MeetingSettings settings, MediaOptions media) {
        MeetingSettings s = settings == null ? MeetingSettings.NONE : settings;
        MediaOptions m = media == null ? MediaOptions.DEFAULTS : media;
        Integer mute = m.muteOnEntry() == null ? s.muteEnableTypeJoin() : Integer.valueOf(m.muteOnEntry() ? 1 : 0);
        String recording = m.autoRecording() == null ? null : m.autoRecording().name().toLowerCase(Locale.ROOT);
        TencentMeetingWire.Settings wire = new TencentMeetingWire.Settings(mute, null, s.allowUnmuteSelf(), s.muteAll(), s.playIvrOnLeave(), s.playIvrOnJoin(),
                m.joinBeforeHost(), m.waitingRoom(), s.allowScreenSharedWatermark(), s.waterMarkType(), s.onlyEnterpriseUserAllowed(),
                s.onlyUserJoinType(), recording, s.allowMultiDevice());
        return NO_SETTINGS.equals(wire) ? null : wire;
    }

    /** The neutral options an answer's settings stand for; "mute once more than six are in" (2) is neither yes nor no. */
    static MediaOptions media(TencentMeetingWire.Settings s) {
        if (s == null) {
            return MediaOptions.DEFAULTS;
        }
        Boolean mute = s.muteEnableTypeJoin() != null
                ? (s.muteEnableTypeJoin() == 2 ? null : s.muteEnableTypeJoin() == 1)
                : s.muteEnableJoin();
        MediaOptions.Recording recording = s.autoRecordType() == null ? null : switch (s.autoRecordType()) {
            case "cloud" -> MediaOptions.Recording.CLOUD;
            case "local" -> MediaOptions.Recording.LOCAL;
            case "none" -> MediaOptions.Recording.NONE;
            default -> null;
        };
        return new MediaOptions(mute, s.autoInWaitingRoom(), s.allowInBeforeHost(), recording);
    }
}
