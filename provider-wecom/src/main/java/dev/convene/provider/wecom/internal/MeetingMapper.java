package dev.convene.provider.wecom.internal;

import dev.convene.MediaOptions;
import dev.convene.ProviderOptions;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Neutral drafts to {@code meeting/create} bodies, and meeting answers to {@link Session}s. */
@Mapper(config = WeComMapping.class, imports = {dev.convene.provider.wecom.WeComOptions.class, dev.convene.JoinInfo.class,
        dev.convene.SessionStatus.class, dev.convene.Access.class})
abstract class MeetingMapper {
    static final MeetingMapper INSTANCE = new MeetingMapperImpl();

    @Mapping(target = "adminUserid", source = "draft.organizer")
    @Mapping(target = "title", source = "draft.title")
    @Mapping(target = "meetingStart", source = "draft.start")
    @Mapping(target = "meetingDuration", source = "draft.duration")
    @Mapping(target = "description", source = "draft.description")
    @Mapping(target = "location", expression = "java(WireValues.option(draft.options(), WeComOptions.LOCATION))")
    @Mapping(target = "agentid", source = "agentId")
    @Mapping(target = "invitees", source = "draft.invitees")
    @Mapping(target = "settings", source = "draft")
    @Mapping(target = "calId", expression = "java(WireValues.option(draft.options(), WeComOptions.CALENDAR_ID))")
    @Mapping(target = "reminders", expression = "java(Repeats.toWire(draft.recurrence(), draft.start(), draft.options()))")
    abstract MeetingWire.Create toCreate(SessionDraft draft, Integer agentId);

    /** A draft's settings, left out entirely when none is set. */
    MeetingWire.Settings settings(SessionDraft draft) {
        MeetingWire.Settings s = settings(draft.password(), draft.hosts(), draft.media(), draft.options());
        return s == null || s.isEmpty() ? null : s;
    }

    @Mapping(target = "remindScope", expression = "java(WireValues.option(options, WeComOptions.RING_SCOPE))")
    @Mapping(target = "password", source = "password")
    @Mapping(target = "enableWaitingRoom", source = "media.waitingRoom")
    @Mapping(target = "allowEnterBeforeHost", source = "media.joinBeforeHost")
    @Mapping(target = "enableEnterMute", source = "media.muteOnEntry", qualifiedByName = "muteFlag")
    @Mapping(target = "allowExternalUser", expression = "java(WireValues.option(options, WeComOptions.ALLOW_EXTERNAL_USERS))")
    @Mapping(target = "enableScreenWatermark", expression = "java(WireValues.option(options, WeComOptions.SCREEN_WATERMARK))")
    @Mapping(target = "hosts", source = "hosts")
    @Mapping(target = "ringUsers", expression = "java(WireValues.userIds(WireValues.option(options, WeComOptions.RING_USERS)))")
    // Recording is a 高级 (paid edition) setting: not offered for meetings, and get_info's echo is read only.
    @Mapping(target = "autoRecordType", ignore = true)
    @Mapping(target = "needPassword", ignore = true)
    abstract MeetingWire.Settings settings(String password, List<String> hosts, MediaOptions media, ProviderOptions options);

    /** What create answered, completed from the draft: the session as WeCom now holds it. */
    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", source = "draft.title")
    @Mapping(target = "description", source = "draft.description")
    @Mapping(target = "start", source = "draft.start")
    @Mapping(target = "duration", source = "draft.duration")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", expression = "java(SessionStatus.SCHEDULED)")
    @Mapping(target = "organizer", source = "draft.organizer")
    @Mapping(target = "hosts", expression = "java(hostsBesides(draft.hosts(), draft.organizer()))")
    @Mapping(target = "invitees", source = "draft.invitees")
    @Mapping(target = "access", expression = "java(draft.effectiveAccess())")
    @Mapping(target = "password", source = "draft.password")
    @Mapping(target = "media", source = "draft.media")
    @Mapping(target = "live", ignore = true)
    @Mapping(target = "recurrence", expression = "java(Repeats.toNeutral(Repeats.toWire(draft.recurrence(), draft.start(), draft.options()), draft.start()))")
    @Mapping(target = "join", expression = "java(new JoinInfo(reply.meetingLink(), reply.meetingCode(), null, null))")
    @Mapping(target = "occurrences", ignore = true)
    abstract Session created(SessionDraft draft, MeetingWire.Created reply, SessionId id);

    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", source = "info.title")
    @Mapping(target = "description", source = "info.description", qualifiedByName = "blankToNull")
    @Mapping(target = "start", source = "info.meetingStart")
    @Mapping(target = "duration", source = "info.meetingDuration")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", source = "info.status", qualifiedByName = "meetingStatus")
    @Mapping(target = "organizer", source = "info.adminUserid")
    @Mapping(target = "hosts", source = "info.settings.hosts")
    @Mapping(target = "invitees", expression = "java(hostsBesides(members(info), info.adminUserid()))")
    @Mapping(target = "access", expression = "java(info.settings() != null && info.settings().password() != null ? Access.PASSWORD : Access.OPEN)")
    @Mapping(target = "password", source = "info.settings.password")
    @Mapping(target = "media", source = "info.settings")
    @Mapping(target = "live", ignore = true)
    @Mapping(target = "recurrence", expression = "java(Repeats.toNeutral(info.reminders(), info.meetingStart()))")
    @Mapping(target = "join", expression = "java(new JoinInfo(info.meetingLink(), info.meetingCode(), null, null))")
    @Mapping(target = "occurrences", ignore = true)
    abstract Session toSession(MeetingWire.Info info, SessionId id);

    /** Hand-written: MapStruct would take MediaOptions' {@code withX} copy methods for properties. */
    MediaOptions media(MeetingWire.Settings s) {
        return s == null ? null : new MediaOptions(WireValues.mute(s.enableEnterMute()), s.enableWaitingRoom(), s.allowEnterBeforeHost(),
                WireValues.recording(s.autoRecordType()));
    }

    /** WeCom drops the creator from hosts, and lists the admin among the attendees; neither is a host or invitee here. */
    static List<String> hostsBesides(List<String> people, String organizer) {
        if (!people.contains(organizer)) {
            // The common case, no copy (the Session copies what it keeps): every create's answer passes through here.
            return people;
        }
        return people.stream().filter(p -> !p.equals(organizer)).toList();
    }

    static List<String> members(MeetingWire.Info info) {
        if (info.attendees() == null || info.attendees().member() == null) {
            return List.of();
        }
        return info.attendees().member().stream().map(MeetingWire.Member::userid).toList();
    }
}
