package dev.convene.provider.wecom.internal;

import dev.convene.JoinInfo;
import dev.convene.MediaOptions;
import dev.convene.ProviderOptions;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionStatus;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ValueMapping;

/** Neutral drafts to {@code meeting/webinar/create} bodies, and webinar answers to {@link Session}s. */
@Mapper(config = WeComMapping.class, imports = {dev.convene.provider.wecom.WeComOptions.class,
        dev.convene.LiveOptions.class, java.time.Duration.class})
abstract class WebinarMapper {
    static final WebinarMapper INSTANCE = new WebinarMapperImpl();

    @Mapping(target = "adminUserid", source = "organizer")
    @Mapping(target = "title", source = "title")
    @Mapping(target = "sponsor", expression = "java(WireValues.option(draft.options(), WeComOptions.SPONSOR))")
    @Mapping(target = "startTime", source = "start")
    @Mapping(target = "endTime", expression = "java(draft.start().plus(draft.duration()))")
    @Mapping(target = "admissionType", expression = "java(WireValues.admissionType(draft.effectiveAccess()))")
    @Mapping(target = "hosts", source = "hosts")
    @Mapping(target = "password", source = "password")
    @Mapping(target = "coverUrl", expression = "java(WireValues.option(draft.options(), WeComOptions.COVER_URL))")
    @Mapping(target = "description", source = "description")
    @Mapping(target = "enableGuestInviteLink", expression = "java(WireValues.option(draft.options(), WeComOptions.GUEST_INVITE_LINK))")
    @Mapping(target = "mediaSetting", source = "draft")
    @Mapping(target = "enableQa", expression = "java(WireValues.option(draft.options(), WeComOptions.QUESTIONS_AND_ANSWERS))")
    @Mapping(target = "sensitiveWords", expression = "java(WireValues.option(draft.options(), WeComOptions.SENSITIVE_WORDS))")
    @Mapping(target = "enableManualCheck", expression = "java(WireValues.option(draft.options(), WeComOptions.MANUAL_CHECK))")
    @Mapping(target = "activityPage", expression = "java(WireValues.option(draft.options(), WeComOptions.ACTIVITY_PAGE))")
    @Mapping(target = "displayNumberOfAttendees", expression = "java(WireValues.option(draft.options(), WeComOptions.SHOW_ATTENDEE_COUNT))")
    // Documented as required: always sent, false unless replay was asked for.
    @Mapping(target = "playbackForAudience", expression = "java(Boolean.TRUE.equals(draft.live().replay()))")
    @Mapping(target = "preparationMode", expression = "java(WireValues.option(draft.options(), WeComOptions.PREPARATION_MODE))")
    abstract WebinarWire.Create toCreate(SessionDraft draft);

    WebinarWire.MediaSetting mediaSetting(SessionDraft draft) {
        return mediaSetting(draft.media(), draft.options());
    }

    /** The media settings to send, left out entirely when none is set. */
    WebinarWire.MediaSetting mediaSetting(MediaOptions media, ProviderOptions options) {
        WebinarWire.MediaSetting m = media(media, options);
        return m == null || m.isEmpty() ? null : m;
    }

    @Mapping(target = "enableEnterMute", source = "media.muteOnEntry")
    @Mapping(target = "allowUnmuteSelf", expression = "java(WireValues.option(options, WeComOptions.ALLOW_UNMUTE_SELF))")
    @Mapping(target = "allowEnterBeforeHost", source = "media.joinBeforeHost")
    @Mapping(target = "enableScreenWatermark", expression = "java(WireValues.option(options, WeComOptions.SCREEN_WATERMARK))")
    @Mapping(target = "watermarkType", expression = "java(WireValues.option(options, WeComOptions.WATERMARK_TYPE))")
    @Mapping(target = "allowExternalUser", expression = "java(WireValues.option(options, WeComOptions.ALLOW_EXTERNAL_USERS))")
    @Mapping(target = "autoRecordType", source = "media.autoRecording", qualifiedByName = "recordType")
    @Mapping(target = "attendeeJoinAutoRecord", expression = "java(WireValues.option(options, WeComOptions.RECORD_WHEN_ATTENDEE_JOINS))")
    @Mapping(target = "enableHostPauseAutoRecord", expression = "java(WireValues.option(options, WeComOptions.HOST_MAY_PAUSE_RECORDING))")
    @Mapping(target = "muteEnableJoin", ignore = true)
    abstract WebinarWire.MediaSetting media(MediaOptions media, ProviderOptions options);

    /** What create answered, completed from the draft. WeCom makes the admin the host when none is named. */
    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", source = "reply.title")
    @Mapping(target = "description", source = "draft.description")
    @Mapping(target = "start", source = "reply.startTime")
    @Mapping(target = "duration", expression = "java(Duration.between(reply.startTime(), reply.endTime()))")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", expression = "java(SessionStatus.SCHEDULED)")
    @Mapping(target = "organizer", source = "draft.organizer")
    @Mapping(target = "hosts", expression = "java(draft.hosts().isEmpty() ? java.util.List.of(draft.organizer()) : draft.hosts())")
    @Mapping(target = "invitees", ignore = true)
    @Mapping(target = "access", source = "reply.admissionType")
    @Mapping(target = "password", source = "reply.password")
    @Mapping(target = "media", source = "draft.media")
    @Mapping(target = "live", expression = "java(new LiveOptions(null, Boolean.TRUE.equals(draft.live().replay())))")
    @Mapping(target = "recurrence", ignore = true)
    @Mapping(target = "join", expression = "java(join(reply.audienceJoinLink(), reply.guestJoinLink(), reply.meetingCode()))")
    @Mapping(target = "occurrences", ignore = true)
    abstract Session created(SessionDraft draft, WebinarWire.Created reply, SessionId id);

    /** webinar/get names no admin, so the organizer stays unknown. */
    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", expression = "java(info.title() != null ? info.title() : info.subject())")
    @Mapping(target = "description", source = "info.description", qualifiedByName = "blankToNull")
    @Mapping(target = "start", source = "info.startTime")
    @Mapping(target = "duration", expression = "java(Duration.between(info.startTime(), info.endTime()))")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", source = "info.status")
    @Mapping(target = "organizer", ignore = true)
    @Mapping(target = "hosts", source = "info.hosts")
    @Mapping(target = "invitees", ignore = true)
    @Mapping(target = "access", source = "info.admissionType")
    @Mapping(target = "password", source = "info.password")
    @Mapping(target = "media", source = "info.mediaSetting")
    @Mapping(target = "live", expression = "java(new LiveOptions(null, info.playbackForAudience()))")
    @Mapping(target = "recurrence", ignore = true)
    @Mapping(target = "join", expression = "java(join(info.audienceJoinLink(), info.guestJoinLink(), info.meetingCode()))")
    @Mapping(target = "occurrences", ignore = true)
    abstract Session toSession(WebinarWire.Info info, SessionId id);

    /** Hand-written: MapStruct would take MediaOptions' {@code withX} copy methods for properties. */
    MediaOptions media(WebinarWire.MediaSetting m) {
        return m == null ? null : new MediaOptions(m.muteOnEntry(), null, m.allowEnterBeforeHost(), WireValues.recording(m.autoRecordType()));
    }

    /** The audience link is what attendees open (spec, corrections); the guest link makes the joiner a panel member. */
    static JoinInfo join(String audienceLink, String guestLink, String meetingCode) {
        return new JoinInfo(audienceLink, meetingCode, audienceLink, null, guestLink);
    }

    /** A webinar past its start with nobody in is still waiting for its host, so it reads as scheduled. */
    @ValueMapping(target = "SCHEDULED", source = "MEETING_STATE_INIT")
    @ValueMapping(target = "SCHEDULED", source = "MEETING_STATE_ABOUT_TO_START")
    @ValueMapping(target = "LIVE", source = "MEETING_STATE_STARTED")
    @ValueMapping(target = "ENDED", source = "MEETING_STATE_ENDED")
    @ValueMapping(target = "ENDED", source = "MEETING_STATE_RECYCLED")
    @ValueMapping(target = "CANCELLED", source = "MEETING_STATE_CANCELLED")
    @ValueMapping(target = "UNKNOWN", source = "MEETING_STATE_INVALID")
    @ValueMapping(target = "UNKNOWN", source = "UNKNOWN")
    abstract SessionStatus status(WebinarWire.State state);
}
