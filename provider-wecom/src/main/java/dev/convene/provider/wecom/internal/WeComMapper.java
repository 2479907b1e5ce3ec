package dev.convene.provider.wecom.internal;

import dev.convene.Access;
import dev.convene.JoinInfo;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.ProviderOption;
import dev.convene.ProviderOptions;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.provider.wecom.ActivityDetail;
import dev.convene.provider.wecom.WeComOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;

/**
 * The neutral model and WeCom's wire, both ways, in plain Java: drafts and updates to the bodies of
 * {@code meeting/*}, {@code meeting/webinar/*} and {@code living/*}, and their answers to {@link Session}s.
 * Every session is in China time ({@link WeComRecurrences#CHINA}): WeCom keeps Unix seconds and no zone.
 *
 * <p>Plain constructor calls rather than MapStruct: a wire record's canonical constructor already makes a
 * field nobody fills a compile error, and almost every field needs a rule (seconds, WeCom's user-list shapes,
 * options, status codes), which MapStruct could only hold as Java inside annotation strings.
 */
final class WeComMapper {
    private WeComMapper() {
    }

    // ---- meetings ----------------------------------------------------------------------------

    static WeComWire.Meeting.Create meetingCreate(SessionDraft d, Integer agentId) {
        WeComWire.Meeting.Settings settings = meetingSettings(d.password(), d.hosts(), d.media(), d.options());
        return new WeComWire.Meeting.Create(d.organizer(), d.title(), d.start(), seconds(d.duration()), d.description(),
                option(d.options(), WeComOptions.LOCATION), agentId, userIds(d.invitees()), settings.isEmpty() ? null : settings,
                option(d.options(), WeComOptions.CALENDAR_ID), WeComRecurrences.toWire(d.recurrence(), d.start(), d.options()));
    }

    /**
     * The body of {@code meeting/update} for the session as it will be ({@code merged}): times travel together, the
     * settings go whole once any of them changes, and the invitee list is always sent (an update without it may
     * clear it, unconfirmed, spec §2.2; {@code []} clears it on purpose). {@code reminders} is the series to send,
     * or {@code null} when it does not change.
     */
    static WeComWire.Meeting.Update meetingUpdate(SessionId id, Session merged, SessionUpdate u, ProviderOptions options,
                                                 WeComWire.Meeting.Reminders reminders) {
        boolean times = u.start() != null || u.duration() != null;
        boolean settings = u.password() != null || u.access() != null || u.hosts() != null || u.media() != null
                || any(options, WeComOptions.RING_SCOPE, WeComOptions.RING_USERS, WeComOptions.SCREEN_WATERMARK, WeComOptions.ALLOW_EXTERNAL_USERS);
        WeComWire.Meeting.UserIds invitees = u.invitees() != null && u.invitees().isEmpty()
                ? new WeComWire.Meeting.UserIds(List.of()) : userIds(merged.invitees());
        return new WeComWire.Meeting.Update(id.nativeId(), u.title(), times ? merged.start() : null, times ? seconds(merged.duration()) : null,
                u.description(), option(options, WeComOptions.LOCATION), invitees,
                settings ? meetingSettings(merged.password(), merged.hosts(), merged.media(), options) : null,
                option(options, WeComOptions.CALENDAR_ID), reminders);
    }

    /** Whether an update changes the series or its reminders, so that {@code reminders} must be restated. */
    static boolean changesRepeats(SessionUpdate u, Session merged) {
        boolean times = u.start() != null || u.duration() != null;
        return u.recurrence() != null || u.removesRecurrence() || (times && merged.recurrence() != null)
                || any(u.options(), WeComOptions.REMIND_BEFORE, WeComOptions.REPEAT_UNTIL);
    }

    private static WeComWire.Meeting.Settings meetingSettings(String password, List<String> hosts, MediaOptions media, ProviderOptions options) {
        // Recording is a 高级 (paid edition) setting: not offered for meetings, and get_info's echo is read only.
        return new WeComWire.Meeting.Settings(option(options, WeComOptions.RING_SCOPE), password,
                media.waitingRoom(), media.joinBeforeHost(), muteFlag(media.muteOnEntry()),
                option(options, WeComOptions.ALLOW_EXTERNAL_USERS), option(options, WeComOptions.SCREEN_WATERMARK),
                userIds(hosts), userIds(option(options, WeComOptions.RING_USERS)), null, null);
    }

    /**
     * What create answered, completed from the draft. WeCom fills the settings the draft left unset with its own
     * defaults (and may answer no link or code), which only get_info tells: those parts are named missing.
     */
    static Session meetingCreated(SessionDraft d, WeComWire.Meeting.Created reply, SessionId id) {
        Set<Session.Part> missing = reply.meetingLink() == null || reply.meetingCode() == null
                ? EnumSet.of(Session.Part.MEDIA, Session.Part.JOIN) : EnumSet.of(Session.Part.MEDIA);
        return Session.builder().id(id).title(d.title()).description(d.description()).start(d.start()).duration(d.duration())
                .timeZone(WeComRecurrences.CHINA).status(SessionStatus.SCHEDULED).organizer(d.organizer())
                .hosts(hostsBesides(d.hosts(), d.organizer())).invitees(d.invitees())
                .access(d.effectiveAccess()).password(d.password()).media(d.media())
                .recurrence(WeComRecurrences.toNeutral(WeComRecurrences.toWire(d.recurrence(), d.start(), d.options()), d.start()))
                .join(new JoinInfo(reply.meetingLink(), reply.meetingCode(), null, null))
                .missing(missing)
                .build();
    }

    static Session meetingSession(WeComWire.Meeting.Info info, SessionId id) {
        WeComWire.Meeting.Settings s = info.settings();
        return Session.builder().id(id).title(info.title()).description(blankToNull(info.description()))
                .start(info.meetingStart()).duration(duration(info.meetingDuration()))
                .timeZone(WeComRecurrences.CHINA).status(meetingStatus(info.status())).organizer(info.adminUserid())
                .hosts(s == null ? List.of() : userids(s.hosts()))
                .invitees(hostsBesides(members(info), info.adminUserid()))
                .access(s != null && s.password() != null ? Access.PASSWORD : Access.OPEN)
                .password(s == null ? null : s.password())
                .media(s == null ? null : new MediaOptions(mute(s.enableEnterMute()), s.enableWaitingRoom(), s.allowEnterBeforeHost(),
                        recording(s.autoRecordType())))
                .recurrence(WeComRecurrences.toNeutral(info.reminders(), info.meetingStart()))
                .join(new JoinInfo(info.meetingLink(), info.meetingCode(), null, null))
                .build();
    }

    /** WeCom drops the creator from hosts, and lists the admin among the attendees; neither is a host or invitee here. */
    private static List<String> hostsBesides(List<String> people, String organizer) {
        if (!people.contains(organizer)) {
            // The common case, no copy (the Session copies what it keeps): every create's answer passes through here.
            return people;
        }
        return people.stream().filter(p -> !p.equals(organizer)).toList();
    }

    private static List<String> members(WeComWire.Meeting.Info info) {
        if (info.attendees() == null || info.attendees().member() == null) {
            return List.of();
        }
        return info.attendees().member().stream().map(WeComWire.Meeting.Member::userid).toList();
    }

    // ---- webinars ----------------------------------------------------------------------------

    static WeComWire.Webinar.Create webinarCreate(SessionDraft d) {
        ProviderOptions o = d.options();
        return new WeComWire.Webinar.Create(d.organizer(), d.title(), option(o, WeComOptions.SPONSOR), d.start(), d.start().plus(d.duration()),
                admissionType(d.effectiveAccess()), hosts(d.hosts()), d.password(), option(o, WeComOptions.COVER_URL), d.description(),
                option(o, WeComOptions.GUEST_INVITE_LINK), mediaSetting(d.media(), o), option(o, WeComOptions.QUESTIONS_AND_ANSWERS),
                option(o, WeComOptions.SENSITIVE_WORDS), option(o, WeComOptions.MANUAL_CHECK), option(o, WeComOptions.ACTIVITY_PAGE),
                option(o, WeComOptions.SHOW_ATTENDEE_COUNT),
                // Documented as required: always sent, false unless replay was asked for.
                Boolean.TRUE.equals(d.live().replay()), option(o, WeComOptions.PREPARATION_MODE));
    }

    /**
     * The body of {@code meeting/webinar/update}. Doc 98843 requires title, times, admission (with its password) and
     * playback on every update (spec, corrections): what the update does not change is restated from {@code merged},
     * the webinar as it will be; {@code playback} is the playback flag to send.
     */
    static WeComWire.Webinar.Update webinarUpdate(SessionId id, Session merged, SessionUpdate u, boolean playback) {
        ProviderOptions o = u.options();
        boolean media = u.media() != null || any(o, WeComOptions.ALLOW_UNMUTE_SELF, WeComOptions.SCREEN_WATERMARK, WeComOptions.WATERMARK_TYPE,
                WeComOptions.ALLOW_EXTERNAL_USERS, WeComOptions.RECORD_WHEN_ATTENDEE_JOINS, WeComOptions.HOST_MAY_PAUSE_RECORDING);
        return new WeComWire.Webinar.Update(id.nativeId(), merged.title(), option(o, WeComOptions.SPONSOR),
                merged.start(), merged.end(), admissionType(merged.access()),
                u.hosts() == null ? null : hosts(u.hosts()),
                merged.access() == Access.PASSWORD ? merged.password() : null,
                option(o, WeComOptions.COVER_URL), u.description(), option(o, WeComOptions.GUEST_INVITE_LINK),
                media ? mediaSetting(merged.media(), o) : null,
                option(o, WeComOptions.QUESTIONS_AND_ANSWERS), option(o, WeComOptions.SENSITIVE_WORDS),
                option(o, WeComOptions.MANUAL_CHECK), option(o, WeComOptions.ACTIVITY_PAGE),
                option(o, WeComOptions.SHOW_ATTENDEE_COUNT), playback, option(o, WeComOptions.PREPARATION_MODE));
    }

    /** The media settings to send, left out entirely when none is set. */
    private static WeComWire.Webinar.MediaSetting mediaSetting(MediaOptions media, ProviderOptions options) {
        WeComWire.Webinar.MediaSetting m = new WeComWire.Webinar.MediaSetting(media.muteOnEntry(),
                option(options, WeComOptions.ALLOW_UNMUTE_SELF), media.joinBeforeHost(), option(options, WeComOptions.SCREEN_WATERMARK),
                option(options, WeComOptions.WATERMARK_TYPE), option(options, WeComOptions.ALLOW_EXTERNAL_USERS),
                recordType(media.autoRecording()), option(options, WeComOptions.RECORD_WHEN_ATTENDEE_JOINS),
                option(options, WeComOptions.HOST_MAY_PAUSE_RECORDING), null);
        return m.isEmpty() ? null : m;
    }

    /**
     * What create answered, completed from the draft. WeCom makes the admin the host when none is named, and fills
     * the media settings the draft left unset with defaults that only webinar/get tells (named missing).
     */
    static Session webinarCreated(SessionDraft d, WeComWire.Webinar.Created reply, SessionId id) {
        return Session.builder().id(id).title(reply.title()).description(d.description()).start(reply.startTime())
                .duration(Duration.between(reply.startTime(), reply.endTime())).timeZone(WeComRecurrences.CHINA)
                .status(SessionStatus.SCHEDULED).organizer(d.organizer())
                .hosts(d.hosts().isEmpty() ? List.of(d.organizer()) : d.hosts())
                .access(access(reply.admissionType())).password(reply.password()).media(d.media())
                .live(new LiveOptions(null, Boolean.TRUE.equals(d.live().replay())))
                .join(webinarJoin(reply.audienceJoinLink(), reply.guestJoinLink(), reply.meetingCode()))
                .missing(EnumSet.of(Session.Part.MEDIA))
                .build();
    }

    /** webinar/get names no admin, so the organizer stays unknown. */
    static Session webinarSession(WeComWire.Webinar.Info info, SessionId id) {
        WeComWire.Webinar.MediaSetting m = info.mediaSetting();
        return Session.builder().id(id).title(info.title() != null ? info.title() : info.subject())
                .description(blankToNull(info.description())).start(info.startTime())
                .duration(Duration.between(info.startTime(), info.endTime())).timeZone(WeComRecurrences.CHINA)
                .status(webinarStatus(info.status())).hosts(hostIds(info.hosts()))
                .access(access(info.admissionType())).password(info.password())
                .media(m == null ? null : new MediaOptions(m.muteOnEntry(), null, m.allowEnterBeforeHost(), recording(m.autoRecordType())))
                .live(new LiveOptions(null, info.playbackForAudience()))
                .join(webinarJoin(info.audienceJoinLink(), info.guestJoinLink(), info.meetingCode()))
                .build();
    }

    /** The audience link is what attendees open (spec, corrections); the guest link makes the joiner a panel member. */
    private static JoinInfo webinarJoin(String audienceLink, String guestLink, String meetingCode) {
        return new JoinInfo(audienceLink, meetingCode, audienceLink, null, guestLink);
    }

    /** A webinar past its start with nobody in is still waiting for its host, so it reads as scheduled. */
    private static SessionStatus webinarStatus(WeComWire.Webinar.State state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case MEETING_STATE_INIT, MEETING_STATE_ABOUT_TO_START -> SessionStatus.SCHEDULED;
            case MEETING_STATE_STARTED -> SessionStatus.LIVE;
            case MEETING_STATE_ENDED, MEETING_STATE_RECYCLED -> SessionStatus.ENDED;
            case MEETING_STATE_CANCELLED -> SessionStatus.CANCELLED;
            case MEETING_STATE_INVALID, UNKNOWN -> SessionStatus.UNKNOWN;
        };
    }

    // ---- livings -----------------------------------------------------------------------------

    static WeComWire.Living.Create livingCreate(SessionDraft d, Integer agentId) {
        ProviderOptions o = d.options();
        ActivityDetail detail = option(o, WeComOptions.ACTIVITY_DETAIL);
        return new WeComWire.Living.Create(d.organizer(), d.title(), d.start(), seconds(d.duration()), d.description(), livingType(o),
                agentId, seconds(option(o, WeComOptions.REMIND_TIME)), option(o, WeComOptions.ACTIVITY_COVER_MEDIA_ID),
                option(o, WeComOptions.ACTIVITY_SHARE_MEDIA_ID),
                detail == null ? null : new WeComWire.Living.ActivityDetail(detail.description(), detail.imageMediaIds()));
    }

    /** modify sends only what changes; WeCom keeps the rest. */
    static WeComWire.Living.Modify livingModify(SessionUpdate u, String livingid) {
        return new WeComWire.Living.Modify(livingid, u.title(), u.start(), seconds(u.duration()), livingType(u.options()), u.description(),
                seconds(option(u.options(), WeComOptions.REMIND_TIME)));
    }

    /** create answers only the id; whether the stream may be replayed (WeCom's default) only get_living_info tells. */
    static Session livingCreated(SessionDraft d, SessionId id) {
        return Session.builder().id(id).title(d.title()).description(d.description()).start(d.start()).duration(d.duration())
                .timeZone(WeComRecurrences.CHINA).status(SessionStatus.SCHEDULED).organizer(d.organizer())
                .missing(EnumSet.of(Session.Part.LIVE)).build();
    }

    /** The push URL starts the broadcast, so it is the host's link (and hidden when printed). */
    static Session livingSession(WeComWire.Living.Info info, SessionId id) {
        return Session.builder().id(id).title(info.theme()).description(blankToNull(info.description()))
                .start(info.livingStart()).duration(duration(info.livingDuration())).timeZone(WeComRecurrences.CHINA)
                .status(livingStatus(info.effectiveStatus())).organizer(info.anchorUserid())
                .live(new LiveOptions(null, info.openReplay() == null ? null : info.openReplay() == 1))
                .join(info.pushStreamUrl() == null ? null : new JoinInfo(null, null, null, info.pushStreamUrl()))
                .build();
    }

    private static Integer livingType(ProviderOptions options) {
        return options.get(WeComOptions.LIVING_TYPE).map(t -> t.code()).orElse(null);
    }

    /** Living {@code status}: 0 reserved, 1 live, 2 ended, 3 expired, 4 cancelled (spec §4.4). */
    private static SessionStatus livingStatus(Integer status) {
        if (status == null) {
            return SessionStatus.UNKNOWN;
        }
        return switch (status) {
            case 0 -> SessionStatus.SCHEDULED;
            case 1 -> SessionStatus.LIVE;
            case 2, 3 -> SessionStatus.ENDED;
            case 4 -> SessionStatus.CANCELLED;
            default -> SessionStatus.UNKNOWN;
        };
    }

    // ---- values ------------------------------------------------------------------------------

    static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** An absent or empty list is left out of the body rather than sent as {@code {"userid": []}}. */
    private static WeComWire.Meeting.UserIds userIds(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : new WeComWire.Meeting.UserIds(ids);
    }

    private static List<String> userids(WeComWire.Meeting.UserIds ids) {
        return ids == null || ids.userid() == null ? List.of() : ids.userid();
    }

    private static List<WeComWire.Webinar.Host> hosts(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(WeComWire.Webinar.Host::new).toList();
    }

    private static List<String> hostIds(List<WeComWire.Webinar.Host> hosts) {
        return hosts == null ? List.of() : hosts.stream().map(WeComWire.Webinar.Host::userid).toList();
    }

    private static <T> T option(ProviderOptions options, ProviderOption<T> option) {
        return options.get(option).orElse(null);
    }

    private static boolean any(ProviderOptions options, ProviderOption<?>... which) {
        for (ProviderOption<?> o : which) {
            if (options.get(o).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code auto_record_type}: none, local, cloud. */
    private static String recordType(MediaOptions.Recording recording) {
        return recording == null ? null : recording.name().toLowerCase(Locale.ROOT);
    }

    static MediaOptions.Recording recording(String recordType) {
        if (recordType == null) {
            return null;
        }
        return switch (recordType) {
            case "none" -> MediaOptions.Recording.NONE;
            case "local" -> MediaOptions.Recording.LOCAL;
            case "cloud" -> MediaOptions.Recording.CLOUD;
            default -> null;
        };
    }

    /** Webinar {@code admission_type}: 0 open, 1 registration, 2 password. */
    private static Integer admissionType(Access access) {
        return access == null ? null : switch (access) {
            case OPEN -> 0;
            case REGISTRATION -> 1;
            case PASSWORD -> 2;
        };
    }

    private static Access access(Integer admissionType) {
        if (admissionType == null) {
            return null;
        }
        return switch (admissionType) {
            case 1 -> Access.REGISTRATION;
            case 2 -> Access.PASSWORD;
            default -> Access.OPEN;
        };
    }

    /** Meeting {@code status}: 1 upcoming, 2 in progress, 3 ended, 4 cancelled, 5 expired (spec §2.4). */
    private static SessionStatus meetingStatus(Integer status) {
        if (status == null) {
            return SessionStatus.UNKNOWN;
        }
        return switch (status) {
            case 1 -> SessionStatus.SCHEDULED;
            case 2 -> SessionStatus.LIVE;
            case 3, 5 -> SessionStatus.ENDED;
            case 4 -> SessionStatus.CANCELLED;
            default -> SessionStatus.UNKNOWN;
        };
    }

    /** Meeting {@code enable_enter_mute}: 1 on, 0 off, 2 (WeCom's default) "once more than six are in", which is no promise either way. */
    private static Integer muteFlag(Boolean mute) {
        return mute == null ? null : mute ? 1 : 0;
    }

    private static Boolean mute(Integer flag) {
        return flag == null || flag == 2 ? null : flag == 1;
    }
}
