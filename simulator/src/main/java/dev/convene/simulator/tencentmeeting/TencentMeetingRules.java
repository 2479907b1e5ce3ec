package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The documented field rules shared by meeting create and modify (seed 002, spec §3.1 and §3.5). */
final class TencentMeetingRules {
    private static final Pattern PASSWORD = Pattern.compile("\\d{4,6}");
    private static final Pattern HOST_KEY = Pattern.compile("\\d{6}");
    private static final Set<Long> INSTANCE_IDS = Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 12L,
            20L, 21L, 22L, 30L, 32L, 33L, 81L, 82L, 83L, 84L, 85L, 86L);
    private static final int SUBJECT_MAX_BYTES = 512;
    /** "最长支持18个汉字或36个英文字母": a CJK character counts two, anything else one. */
    private static final int LOCATION_MAX_WIDTH = 36;
    private static final Set<String> SETTINGS_BOOLEANS = Set.of("mute_enable_join", "allow_unmute_self", "mute_all",
            "play_ivr_on_leave", "play_ivr_on_join", "allow_in_before_host", "auto_in_waiting_room",
            "allow_screen_shared_watermark", "only_enterprise_user_allowed", "participant_join_auto_record",
            "enable_host_pause_auto_record", "allow_multi_device", "auto_asr", "open_asr_view");
    private static final Map<String, Set<Long>> SETTINGS_ENUMS = Map.of(
            "mute_enable_type_join", Set.of(0L, 1L, 2L),
            "water_mark_type", Set.of(0L, 1L),
            "only_user_join_type", Set.of(1L, 2L, 3L),
            "change_nickname", Set.of(1L, 2L));
    private static final Set<String> AUTO_RECORD = Set.of("none", "local", "cloud");
    /** Optional create/modify fields the fake only type-checks and echoes. */
    static final Set<String> ECHOED_BOOLEANS = Set.of("enable_enroll", "enable_interpreter",
            "enable_doc_upload_permission", "sync_to_wework", "allow_enterprise_intranet_only");

    private TencentMeetingRules() {
    }

    static long instanceId(long value) {
        if (!INSTANCE_IDS.contains(value)) {
            throw TencentMeetingError.invalid("invalid param: instanceid " + value + " is not a known device type");
        }
        return value;
    }

    static long instanceId(Map<String, String> query) {
        String raw = query.get("instanceid");
        if (raw == null || raw.isEmpty()) {
            throw TencentMeetingError.invalid("missing required param: instanceid");
        }
        return instanceId(integer("instanceid", raw));
    }

    static long integer(String name, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw TencentMeetingError.invalid("invalid param: " + name + " must be an integer, got \"" + raw + "\"");
        }
    }

    static String subject(String path, String subject, int maxBytes) {
        if (subject.isBlank()) {
            throw TencentMeetingError.invalid("invalid param: " + path + " must not be empty");
        }
        if (subject.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw TencentMeetingError.invalid("invalid param: " + path + " is longer than " + maxBytes + " bytes");
        }
        return subject;
    }

    static String meetingSubject(String subject) {
        return subject("subject", subject, SUBJECT_MAX_BYTES);
    }

    /** 4–6 digits; on create and modify an empty string means "no password". */
    static String password(String path, String password) {
        if (password.isEmpty()) {
            return null;
        }
        if (!PASSWORD.matcher(password).matches()) {
            throw TencentMeetingError.invalid("invalid param: " + path + " must be 4-6 digits");
        }
        return password;
    }

    static String hostKey(String hostKey) {
        if (!HOST_KEY.matcher(hostKey).matches()) {
            throw TencentMeetingError.invalid("invalid param: host_key must be 6 digits");
        }
        return hostKey;
    }

    static void location(String location) {
        int width = location.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
        if (width > LOCATION_MAX_WIDTH) {
            throw TencentMeetingError.invalid("invalid param: location is longer than 18 Chinese characters or 36 letters");
        }
    }

    static void invitees(int count) {
        if (count > TencentMeetingDirectory.MAX_INVITEES) {
            throw TencentMeetingError.invalid("invalid param: invitees exceed the limit of " + TencentMeetingDirectory.MAX_INVITEES);
        }
    }

    static ObjectNode settings(Fields s) {
        for (String name : SETTINGS_BOOLEANS) {
            s.bool(name);
        }
        SETTINGS_ENUMS.forEach((name, allowed) -> s.integer(name).ifPresent(v -> {
            if (!allowed.contains(v)) {
                throw TencentMeetingError.invalid("invalid param: " + s.path(name) + " must be one of " + allowed);
            }
        }));
        s.string("auto_record_type").ifPresent(v -> {
            if (!AUTO_RECORD.contains(v)) {
                throw TencentMeetingError.invalid("invalid param: " + s.path("auto_record_type") + " must be none, local or cloud");
            }
        });
        return s.node();
    }

    static ObjectNode liveConfig(Fields c) {
        c.string("live_subject");
        c.string("live_summary");
        c.bool("enable_live_password");
        c.string("live_password");
        c.bool("enable_live_im");
        c.bool("enable_live_replay");
        c.object("live_watermark").ifPresent(w -> w.integer("watermark_opt").ifPresent(v -> {
            if (v != 0 && v != 1) {
                throw TencentMeetingError.invalid("invalid param: " + w.path("watermark_opt") + " must be 0 or 1");
            }
        }));
        return c.node();
    }

    /** "live_password: 当设置开启直播密码时，该参数必填" (seed 002, live_config). */
    static void livePasswordPresent(ObjectNode liveConfig) {
        if (liveConfig != null && liveConfig.path("enable_live_password").asBoolean(false)
                && liveConfig.path("live_password").asText("").isEmpty()) {
            throw TencentMeetingError.invalid("invalid param: live_config.live_password is required when enable_live_password is true");
        }
    }

    static ArrayNode guests(Fields f, String name) {
        ArrayNode guests = f.array(name).orElse(null);
        if (guests == null) {
            return null;
        }
        for (int i = 0; i < guests.size(); i++) {
            JsonNode g = guests.get(i);
            Fields guest = f.element(name, i, g);
            guest.requiredString("area");
            guest.requiredString("phone_number");
            guest.string("guest_name");
        }
        return guests;
    }

    /** Copies {@code names} that are present in {@code from} into {@code to}, after type checks. */
    static void echo(Fields from, ObjectNode to) {
        for (String name : ECHOED_BOOLEANS) {
            from.bool(name).ifPresent(v -> to.put(name, v));
        }
        from.string("location").ifPresent(v -> {
            location(v);
            to.put("location", v);
        });
        from.string("time_zone").ifPresent(v -> {
            if (!v.isEmpty()) {
                TimeZones.check("time_zone", v);
            }
            to.put("time_zone", v);
        });
        from.integer("media_set_type").ifPresent(v -> {
            if (v != 0 && v != 1) {
                throw TencentMeetingError.invalid("invalid param: media_set_type must be 0 or 1");
            }
            to.put("media_set_type", v);
        });
    }
}
