package dev.convene.provider.wecom.internal;

import dev.convene.Access;
import dev.convene.MediaOptions;
import dev.convene.ProviderOption;
import dev.convene.ProviderOptions;
import dev.convene.SessionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.mapstruct.Named;

/** The value conversions the mappers share: durations as seconds, WeCom's user-list shapes, enums spelled WeCom's way. */
final class WireValues {
    private WireValues() {
    }

    static Long seconds(Duration d) {
        return d == null ? null : d.toSeconds();
    }

    static Duration duration(Long seconds) {
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** An absent or empty list is left out of the body rather than sent as {@code {"userid": []}}. */
    static MeetingWire.UserIds userIds(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : new MeetingWire.UserIds(ids);
    }

    static List<String> userids(MeetingWire.UserIds ids) {
        return ids == null || ids.userid() == null ? List.of() : ids.userid();
    }

    static List<WebinarWire.Host> hosts(List<String> ids) {
        return ids == null || ids.isEmpty() ? null : ids.stream().map(WebinarWire.Host::new).toList();
    }

    static List<String> hostIds(List<WebinarWire.Host> hosts) {
        return hosts == null ? List.of() : hosts.stream().map(WebinarWire.Host::userid).toList();
    }

    static <T> T option(ProviderOptions options, ProviderOption<T> option) {
        return options.get(option).orElse(null);
    }

    @Named("blankToNull")
    static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** {@code auto_record_type}: none, local, cloud. */
    @Named("recordType")
    static String recordType(MediaOptions.Recording recording) {
        return recording == null ? null : recording.name().toLowerCase(Locale.ROOT);
    }

    @Named("recording")
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
    static Integer admissionType(Access access) {
        return access == null ? null : switch (access) {
            case OPEN -> 0;
            case REGISTRATION -> 1;
            case PASSWORD -> 2;
        };
    }

    static Access access(Integer admissionType) {
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
    @Named("meetingStatus")
    static SessionStatus meetingStatus(Integer status) {
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

    /** Living {@code status}: 0 reserved, 1 live, 2 ended, 3 expired, 4 cancelled (spec §4.4). */
    @Named("livingStatus")
    static SessionStatus livingStatus(Integer status) {
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

    /** Meeting {@code enable_enter_mute}: 1 on, 0 off, 2 (WeCom's default) "once more than six are in", which is no promise either way. */
    @Named("muteFlag")
    static Integer muteFlag(Boolean mute) {
        return mute == null ? null : mute ? 1 : 0;
    }

    @Named("mute")
    static Boolean mute(Integer flag) {
        return flag == null || flag == 2 ? null : flag == 1;
    }
}
