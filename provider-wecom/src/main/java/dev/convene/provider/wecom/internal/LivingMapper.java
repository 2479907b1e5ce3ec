package dev.convene.provider.wecom.internal;

import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionUpdate;
import dev.convene.provider.wecom.ActivityDetail;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Neutral drafts and updates to {@code living/create} and {@code living/modify} bodies, and livings to {@link Session}s. */
@Mapper(config = WeComMapping.class, imports = {dev.convene.provider.wecom.WeComOptions.class, dev.convene.JoinInfo.class,
        dev.convene.LiveOptions.class, dev.convene.SessionStatus.class})
abstract class LivingMapper {
    static final LivingMapper INSTANCE = new LivingMapperImpl();

    @Mapping(target = "anchorUserid", source = "draft.organizer")
    @Mapping(target = "theme", source = "draft.title")
    @Mapping(target = "livingStart", source = "draft.start")
    @Mapping(target = "livingDuration", source = "draft.duration")
    @Mapping(target = "description", source = "draft.description")
    @Mapping(target = "type", expression = "java(type(draft.options()))")
    @Mapping(target = "agentid", source = "agentId")
    @Mapping(target = "remindTime", expression = "java(WireValues.seconds(WireValues.option(draft.options(), WeComOptions.REMIND_TIME)))")
    @Mapping(target = "activityCoverMediaid", expression = "java(WireValues.option(draft.options(), WeComOptions.ACTIVITY_COVER_MEDIA_ID))")
    @Mapping(target = "activityShareMediaid", expression = "java(WireValues.option(draft.options(), WeComOptions.ACTIVITY_SHARE_MEDIA_ID))")
    @Mapping(target = "activityDetail", expression = "java(activityDetail(WireValues.option(draft.options(), WeComOptions.ACTIVITY_DETAIL)))")
    abstract LivingWire.Create toCreate(SessionDraft draft, Integer agentId);

    @Mapping(target = "imageList", source = "imageMediaIds")
    abstract LivingWire.ActivityDetail activityDetail(ActivityDetail detail);

    /** modify sends only what changes; WeCom keeps the rest. */
    @Mapping(target = "livingid", source = "livingid")
    @Mapping(target = "theme", source = "update.title")
    @Mapping(target = "livingStart", source = "update.start")
    @Mapping(target = "livingDuration", source = "update.duration")
    @Mapping(target = "type", expression = "java(type(update.options()))")
    @Mapping(target = "description", source = "update.description")
    @Mapping(target = "remindTime", expression = "java(WireValues.seconds(WireValues.option(update.options(), WeComOptions.REMIND_TIME)))")
    abstract LivingWire.Modify toModify(SessionUpdate update, String livingid);

    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", source = "draft.title")
    @Mapping(target = "description", source = "draft.description")
    @Mapping(target = "start", source = "draft.start")
    @Mapping(target = "duration", source = "draft.duration")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", expression = "java(SessionStatus.SCHEDULED)")
    @Mapping(target = "organizer", source = "draft.organizer")
    @Mapping(target = "hosts", ignore = true)
    @Mapping(target = "invitees", ignore = true)
    @Mapping(target = "access", ignore = true)
    @Mapping(target = "password", ignore = true)
    @Mapping(target = "media", ignore = true)
    @Mapping(target = "live", ignore = true)
    @Mapping(target = "recurrence", ignore = true)
    @Mapping(target = "join", ignore = true)
    @Mapping(target = "occurrences", ignore = true)
    abstract Session created(SessionDraft draft, SessionId id);

    /** The push URL starts the broadcast, so it is the host's link (and hidden when printed). */
    @Mapping(target = "id", source = "id")
    @Mapping(target = "title", source = "info.theme")
    @Mapping(target = "description", source = "info.description", qualifiedByName = "blankToNull")
    @Mapping(target = "start", source = "info.livingStart")
    @Mapping(target = "duration", source = "info.livingDuration")
    @Mapping(target = "timeZone", expression = "java(Repeats.CHINA)")
    @Mapping(target = "status", expression = "java(WireValues.livingStatus(info.effectiveStatus()))")
    @Mapping(target = "organizer", source = "info.anchorUserid")
    @Mapping(target = "hosts", ignore = true)
    @Mapping(target = "invitees", ignore = true)
    @Mapping(target = "access", ignore = true)
    @Mapping(target = "password", ignore = true)
    @Mapping(target = "media", ignore = true)
    @Mapping(target = "live", expression = "java(new LiveOptions(null, info.openReplay() == null ? null : info.openReplay() == 1))")
    @Mapping(target = "recurrence", ignore = true)
    @Mapping(target = "join", expression = "java(info.pushStreamUrl() == null ? null : new JoinInfo(null, null, null, info.pushStreamUrl()))")
    @Mapping(target = "occurrences", ignore = true)
    abstract Session toSession(LivingWire.Info info, SessionId id);

    static Integer type(dev.convene.ProviderOptions options) {
        return options.get(dev.convene.provider.wecom.WeComOptions.LIVING_TYPE).map(t -> t.code()).orElse(null);
    }
}
