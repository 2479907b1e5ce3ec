package dev.convene.provider.tencentmeeting.internal;

import dev.convene.MediaOptions;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions.MeetingSettings;
import java.util.Locale;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/**
 * The meeting {@code settings} object from the neutral {@link MediaOptions} and the provider's
 * {@link MeetingSettings} option: plain renames, so MapStruct writes it, and a new wire field that
 * nobody maps fails the build.
 */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, unmappedSourcePolicy = ReportingPolicy.IGNORE)
interface SettingsMapper {
    SettingsMapper INSTANCE = new SettingsMapperImpl();
    Wire.Settings NONE = new Wire.Settings(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    // The neutral option wins over the provider option; both feed mute_enable_type_join, which
    // Tencent lets win over mute_enable_join, so the latter is never sent.
    @Mapping(target = "muteEnableTypeJoin", expression = "java(muteType(media, settings))")
    @Mapping(target = "muteEnableJoin", ignore = true)
    @Mapping(target = "allowInBeforeHost", source = "media.joinBeforeHost")
    @Mapping(target = "autoInWaitingRoom", source = "media.waitingRoom")
    @Mapping(target = "autoRecordType", source = "media.autoRecording")
    Wire.Settings toWire(MeetingSettings settings, MediaOptions media);

    default Integer muteType(MediaOptions media, MeetingSettings settings) {
        if (media.muteOnEntry() == null) {
            return settings.muteEnableTypeJoin();
        }
        return media.muteOnEntry() ? 1 : 0;
    }

    default String recording(MediaOptions.Recording recording) {
        return recording == null ? null : recording.name().toLowerCase(Locale.ROOT);
    }

    /** The settings to send, or {@code null} when there is nothing to say. */
    static Wire.Settings settings(MeetingSettings settings, MediaOptions media) {
        Wire.Settings wire = INSTANCE.toWire(settings == null ? MeetingSettings.NONE : settings, media == null ? MediaOptions.DEFAULTS : media);
        return NONE.equals(wire) ? null : wire;
    }

    /** The neutral options an answer's settings stand for; "mute once more than six are in" (2) is neither yes nor no. */
    static MediaOptions media(Wire.Settings s) {
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
