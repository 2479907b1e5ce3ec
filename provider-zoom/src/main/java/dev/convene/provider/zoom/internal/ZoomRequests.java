package dev.convene.provider.zoom.internal;

import dev.convene.Access;
import dev.convene.MediaOptions;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;
import org.mapstruct.ReportingPolicy;

/**
 * Neutral draft/update → Zoom request body. The plain renames are MapStruct's; times, durations,
 * settings and the recurrence go through the named helpers below (spec §3.1, §4.1, §7).
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface ZoomRequests {
    ZoomRequests INSTANCE = new ZoomRequestsImpl();

    @Mapping(target = "topic", source = "draft.title")
    @Mapping(target = "agenda", source = "draft.description")
    @Mapping(target = "type", expression = "java(type(draft.kind(), draft.recurrence() != null))")
    @Mapping(target = "startTime", source = "draft.start", qualifiedByName = "wireTime")
    @Mapping(target = "duration", source = "draft.duration", qualifiedByName = "minutes")
    @Mapping(target = "timezone", source = "timezone")
    @Mapping(target = "settings", expression = "java(settings(draft.kind(), draft.effectiveAccess(), draft.hosts(), draft.media()))")
    @Mapping(target = "recurrence", source = "recurrence")
    @Mapping(target = "password", source = "draft.password")
    ZoomWire.SessionRequest create(SessionDraft draft, String timezone, ZoomWire.Recurrence recurrence);

    /**
     * A partial body: only what the update sets. {@code recurrence} is the rule to send (the update's, or the
     * stored one restated because Zoom ignores a new time of a recurring meeting without it, §4.3), and
     * {@code timezone} the zone's Zoom name ({@link ZoomZone}).
     */
    @Mapping(target = "topic", source = "update.title")
    @Mapping(target = "agenda", source = "update.description")
    @Mapping(target = "type", expression = "java(recurrence == null ? null : type(kind, true))")
    @Mapping(target = "startTime", source = "update.start", qualifiedByName = "wireTime")
    @Mapping(target = "duration", source = "update.duration", qualifiedByName = "minutes")
    @Mapping(target = "timezone", source = "timezone")
    @Mapping(target = "password", source = "update.password")
    @Mapping(target = "settings", expression = "java(update.access() == null && update.hosts() == null && update.media() == null ? null : settings(kind, update.access(), update.hosts(), update.media()))")
    @Mapping(target = "recurrence", source = "recurrence")
    ZoomWire.SessionRequest update(SessionKind kind, SessionUpdate update, String timezone, ZoomWire.Recurrence recurrence);

    /** §3.1: webinar 5, or 9 when recurring with a fixed time; §4.1: meeting 2, or 8. */
    default Integer type(SessionKind kind, boolean recurring) {
        return kind == SessionKind.WEBINAR ? (recurring ? 9 : 5) : (recurring ? 8 : 2);
    }

    @Named("wireTime")
    default String wireTime(Instant instant) {
        return instant == null ? null : ZoomTimes.format(instant);
    }

    @Named("minutes")
    default Integer minutes(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }

    /**
     * Access → {@code approval_type} (0 = registration, approved automatically; 2 = no registration), hosts →
     * {@code alternative_hosts} (commas for webinars, semicolons for meetings, §3.9 / §4.1), media → the
     * meeting switches; webinars have none of those but recording.
     */
    default ZoomWire.Settings settings(SessionKind kind, Access access, List<String> hosts, MediaOptions media) {
        Integer approval = access == null ? null : access == Access.REGISTRATION ? 0 : 2;
        String alternative = hosts == null ? null : String.join(kind == SessionKind.WEBINAR ? "," : ";", hosts);
        boolean meeting = kind == SessionKind.MEETING;
        String recording = media == null || media.autoRecording() == null ? null : media.autoRecording().name().toLowerCase(Locale.ROOT);
        return new ZoomWire.Settings(approval, alternative, recording,
                meeting && media != null ? media.waitingRoom() : null,
                meeting && media != null ? media.muteOnEntry() : null,
                meeting && media != null ? media.joinBeforeHost() : null);
    }
}
