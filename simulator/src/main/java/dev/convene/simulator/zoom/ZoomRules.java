package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.zoom.ZoomError.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Body validation for meeting and webinar create/update (spec §3.1, §3.8, §3.9, §4.1, §10 items 7–10).
 * JSON types are checked as Zoom does: a number where a string is required is an error and vice versa.
 * Every violation is collected, then answered as one 400 / 300 "Validation Failed.".
 */
final class ZoomRules {
    enum Kind { MEETING, WEBINAR }

    private enum Type { BOOLEAN, INTEGER, STRING, OBJECT, ARRAY }

    private record Rule(Type type, Set<Object> allowed, int min, int max) {
        static Rule of(Type type) {
            return new Rule(type, Set.of(), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        static Rule oneOf(Type type, Object... allowed) {
            return new Rule(type, Set.of(allowed), Integer.MIN_VALUE, Integer.MAX_VALUE);
        }

        /** For strings the bounds are on the length, for integers on the value. */
        static Rule range(Type type, int min, int max) {
            return new Rule(type, Set.of(), min, max);
        }
    }

    private static final Pattern WEEKLY_DAYS = Pattern.compile("[1-7](,[1-7])*");
    private static final Pattern WEBINAR_PASSWORD = Pattern.compile("[A-Za-z0-9@\\-_*!]*");
    // §4.1: meeting passcodes allow alphanumerics plus @ - _ *; only the webinar text adds '!'.
    private static final Pattern MEETING_PASSWORD = Pattern.compile("[A-Za-z0-9@\\-_*]*");
    private static final Set<Object> EMAIL_LANGUAGES = Set.of("en-us", "de-de", "es-es", "fr-fr", "jp-jp", "pt-pt",
            "ru-ru", "zh-cn", "zh-tw", "ko-ko", "it-it", "vi-vn");

    private static final Map<String, Rule> COMMON_SETTINGS = Map.ofEntries(
            Map.entry("host_video", Rule.of(Type.BOOLEAN)),
            Map.entry("approval_type", Rule.oneOf(Type.INTEGER, 0, 1, 2)),
            Map.entry("registration_type", Rule.oneOf(Type.INTEGER, 1, 2, 3)),
            Map.entry("audio", Rule.oneOf(Type.STRING, "both", "telephony", "voip", "thirdParty")),
            Map.entry("auto_recording", Rule.oneOf(Type.STRING, "local", "cloud", "none")),
            Map.entry("alternative_hosts", Rule.of(Type.STRING)),
            Map.entry("meeting_authentication", Rule.of(Type.BOOLEAN)),
            Map.entry("authentication_option", Rule.of(Type.STRING)),
            Map.entry("authentication_domains", Rule.of(Type.STRING)),
            Map.entry("authentication_name", Rule.of(Type.STRING)),
            Map.entry("contact_name", Rule.of(Type.STRING)),
            Map.entry("contact_email", Rule.of(Type.STRING)),
            Map.entry("registrants_email_notification", Rule.of(Type.BOOLEAN)),
            Map.entry("registrants_confirmation_email", Rule.of(Type.BOOLEAN)),
            Map.entry("close_registration", Rule.of(Type.BOOLEAN)),
            Map.entry("show_share_button", Rule.of(Type.BOOLEAN)),
            Map.entry("allow_multiple_devices", Rule.of(Type.BOOLEAN)),
            Map.entry("enforce_login", Rule.of(Type.BOOLEAN)),
            Map.entry("enforce_login_domains", Rule.of(Type.STRING)),
            Map.entry("watermark", Rule.of(Type.BOOLEAN)),
            Map.entry("add_watermark", Rule.of(Type.BOOLEAN)),
            Map.entry("add_audio_watermark", Rule.of(Type.BOOLEAN)),
            Map.entry("global_dial_in_countries", Rule.of(Type.ARRAY)),
            Map.entry("language_interpretation", Rule.of(Type.OBJECT)),
            Map.entry("sign_language_interpretation", Rule.of(Type.OBJECT)),
            Map.entry("audio_conference_info", Rule.range(Type.STRING, 0, 2048)));

    private static final Map<String, Rule> WEBINAR_SETTINGS = merged(COMMON_SETTINGS, Map.ofEntries(
            Map.entry("panelists_video", Rule.of(Type.BOOLEAN)),
            Map.entry("practice_session", Rule.of(Type.BOOLEAN)),
            Map.entry("hd_video", Rule.of(Type.BOOLEAN)),
            Map.entry("hd_video_for_attendees", Rule.of(Type.BOOLEAN)),
            Map.entry("send_1080p_video_to_attendees", Rule.of(Type.BOOLEAN)),
            Map.entry("registrants_restrict_number", Rule.range(Type.INTEGER, 0, 20000)),
            Map.entry("on_demand", Rule.of(Type.BOOLEAN)),
            Map.entry("email_language", new Rule(Type.STRING, EMAIL_LANGUAGES, Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry("post_webinar_survey", Rule.of(Type.BOOLEAN)),
            Map.entry("survey_url", Rule.of(Type.STRING)),
            Map.entry("question_and_answer", Rule.of(Type.OBJECT)),
            Map.entry("alternative_host_update_polls", Rule.of(Type.BOOLEAN)),
            Map.entry("notify_registrants", Rule.of(Type.BOOLEAN)),
            Map.entry("panelists_invitation_email_notification", Rule.of(Type.BOOLEAN)),
            Map.entry("panelist_authentication", Rule.of(Type.BOOLEAN)),
            Map.entry("enable_session_branding", Rule.of(Type.BOOLEAN)),
            Map.entry("follow_up_absentees_email_notification", Rule.of(Type.OBJECT)),
            Map.entry("follow_up_attendees_email_notification", Rule.of(Type.OBJECT)),
            Map.entry("attendees_and_panelists_reminder_email_notification", Rule.of(Type.OBJECT))));

    private static final Map<String, Rule> MEETING_SETTINGS = merged(COMMON_SETTINGS, Map.ofEntries(
            Map.entry("participant_video", Rule.of(Type.BOOLEAN)),
            Map.entry("join_before_host", Rule.of(Type.BOOLEAN)),
            Map.entry("jbh_time", Rule.oneOf(Type.INTEGER, 0, 5, 10)),
            Map.entry("mute_upon_entry", Rule.of(Type.BOOLEAN)),
            Map.entry("waiting_room", Rule.of(Type.BOOLEAN)),
            Map.entry("use_pmi", Rule.of(Type.BOOLEAN)),
            Map.entry("encryption_type", Rule.oneOf(Type.STRING, "enhanced_encryption", "e2ee")),
            Map.entry("continuous_meeting_chat", Rule.of(Type.OBJECT)),
            Map.entry("private_meeting", Rule.of(Type.BOOLEAN)),
            Map.entry("email_notification", Rule.of(Type.BOOLEAN)),
            Map.entry("calendar_type", Rule.oneOf(Type.INTEGER, 1, 2)),
            Map.entry("cn_meeting", Rule.of(Type.BOOLEAN)),
            Map.entry("in_meeting", Rule.of(Type.BOOLEAN))));

    /** §3.3 / §4.3: what a PATCH with {@code occurrence_id} may touch. */
    private static final Set<String> OCCURRENCE_FIELDS = Set.of("agenda", "start_time", "duration", "settings");
    private static final Map<Kind, Set<String>> OCCURRENCE_SETTINGS = Map.of(
            Kind.WEBINAR, Set.of("host_video", "panelists_video", "hd_video", "watermark", "auto_recording"),
            Kind.MEETING, Set.of("host_video", "participant_video", "join_before_host", "mute_upon_entry",
                    "waiting_room", "watermark", "auto_recording"));

    private final Kind kind;
    private final ZoomSettings settings;
    private final List<FieldError> errors = new ArrayList<>();

    private ZoomRules(Kind kind, ZoomSettings settings) {
        this.kind = kind;
        this.settings = settings;
    }

    /** Throws the 300 "Validation Failed." answer listing every violation in {@code body}. */
    static void check(Kind kind, ZoomSettings settings, ObjectNode body, boolean forOccurrence) {
        ZoomRules v = new ZoomRules(kind, settings);
        v.body(body, forOccurrence);
        if (!v.errors.isEmpty()) {
            throw ZoomError.validation(v.errors);
        }
    }

    static Set<String> knownSettings(Kind kind) {
        return (kind == Kind.WEBINAR ? WEBINAR_SETTINGS : MEETING_SETTINGS).keySet();
    }

    private void body(ObjectNode body, boolean forOccurrence) {
        if (forOccurrence) {
            body.fieldNames().forEachRemaining(f -> {
                if (!OCCURRENCE_FIELDS.contains(f)) {
                    errors.add(new FieldError(f, "This field cannot be updated for a single occurrence."));
                }
            });
            body.path("settings").fieldNames().forEachRemaining(f -> {
                if (!OCCURRENCE_SETTINGS.get(kind).contains(f)) {
                    errors.add(new FieldError("settings." + f, "This field cannot be updated for a single occurrence."));
                }
            });
        }
        check(body, "topic", Rule.range(Type.STRING, 0, 200), "");
        check(body, "type", kind == Kind.WEBINAR ? Rule.oneOf(Type.INTEGER, 5, 6, 9) : Rule.oneOf(Type.INTEGER, 1, 2, 3, 8), "");
        if (check(body, "start_time", Rule.of(Type.STRING), "")
                && ZoomTimes.parse(body.get("start_time").asText(), java.time.ZoneOffset.UTC).isEmpty()) {
            invalid("start_time");
        }
        check(body, "duration", Rule.range(Type.INTEGER, 1, Integer.MAX_VALUE), "");
        if (check(body, "timezone", Rule.of(Type.STRING), "") && ZoomTimes.zone(body.get("timezone").asText()).isEmpty()) {
            invalid("timezone");
        }
        if (check(body, "password", Rule.range(Type.STRING, 0, 10), "")) {
            Pattern charset = kind == Kind.WEBINAR ? WEBINAR_PASSWORD : MEETING_PASSWORD;
            if (!charset.matcher(body.get("password").asText()).matches()) {
                invalid("password");
            }
        }
        check(body, "agenda", Rule.range(Type.STRING, 0, kind == Kind.WEBINAR ? settings.webinarAgendaMax() : 2000), "");
        check(body, "schedule_for", Rule.of(Type.STRING), "");
        check(body, "template_id", Rule.of(Type.STRING), "");
        if (kind == Kind.WEBINAR) {
            check(body, "is_simulive", Rule.of(Type.BOOLEAN), "");
            check(body, "record_file_id", Rule.of(Type.STRING), "");
        } else {
            check(body, "default_password", Rule.of(Type.BOOLEAN), "");
            check(body, "pre_schedule", Rule.of(Type.BOOLEAN), "");
        }
        if (check(body, "tracking_fields", Rule.of(Type.ARRAY), "")) {
            JsonNode fields = body.get("tracking_fields");
            for (int i = 0; i < fields.size(); i++) {
                JsonNode f = fields.get(i);
                String path = "tracking_fields[" + i + "].";
                if (!f.isObject() || !f.path("field").isTextual()) {
                    invalid(path + "field");
                } else if (f.has("value") && !f.get("value").isTextual()) {
                    invalid(path + "value");
                }
            }
        }
        if (check(body, "settings", Rule.of(Type.OBJECT), "")) {
            settings((ObjectNode) body.get("settings"));
        }
        if (check(body, "recurrence", Rule.of(Type.OBJECT), "")) {
            recurrence((ObjectNode) body.get("recurrence"));
        }
    }

    private void settings(ObjectNode s) {
        Map<String, Rule> rules = kind == Kind.WEBINAR ? WEBINAR_SETTINGS : MEETING_SETTINGS;
        rules.forEach((name, rule) -> check(s, name, rule, "settings."));
        if (s.path("alternative_hosts").isTextual()) {
            // §3.9 / §4.1: webinars separate alternative hosts with commas, meetings with semicolons.
            String other = kind == Kind.WEBINAR ? ";" : ",";
            if (s.get("alternative_hosts").asText().contains(other)) {
                invalid("settings.alternative_hosts");
            }
        }
    }

    private void recurrence(ObjectNode r) {
        String p = "recurrence.";
        if (!r.has("type")) {
            errors.add(new FieldError(p + "type", "Required field."));
            return;
        }
        if (!check(r, "type", Rule.oneOf(Type.INTEGER, 1, 2, 3), p)) {
            return;
        }
        int type = r.get("type").asInt();
        int maxInterval = type == ZoomRecurrence.DAILY ? 90 : type == ZoomRecurrence.WEEKLY ? 12 : 3;
        check(r, "repeat_interval", Rule.range(Type.INTEGER, 1, maxInterval), p);
        if (check(r, "weekly_days", Rule.of(Type.STRING), p) && !WEEKLY_DAYS.matcher(r.get("weekly_days").asText()).matches()) {
            invalid(p + "weekly_days");
        }
        check(r, "monthly_day", Rule.range(Type.INTEGER, 1, 31), p);
        check(r, "monthly_week", Rule.oneOf(Type.INTEGER, -1, 1, 2, 3, 4), p);
        check(r, "monthly_week_day", Rule.range(Type.INTEGER, 1, 7), p);
        if (r.has("monthly_week") != r.has("monthly_week_day")) {
            errors.add(new FieldError(p + "monthly_week", "monthly_week and monthly_week_day must be given together."));
        }
        if (type == ZoomRecurrence.MONTHLY) {
            boolean byDay = r.has("monthly_day");
            boolean byWeek = r.has("monthly_week") && r.has("monthly_week_day");
            if (byDay == byWeek) {
                errors.add(new FieldError(p + "monthly_day", "Use either monthly_day or monthly_week with monthly_week_day."));
            }
        }
        check(r, "end_times", Rule.range(Type.INTEGER, 1, settings.maxOccurrences(kind)), p);
        if (check(r, "end_date_time", Rule.of(Type.STRING), p) && ZoomTimes.parseUtc(r.get("end_date_time").asText()).isEmpty()) {
            invalid(p + "end_date_time");
        }
        if (r.has("end_times") && r.has("end_date_time")) {
            errors.add(new FieldError(p + "end_times", "end_times and end_date_time cannot be used together."));
        }
    }

    /** True when the field is present and passed every rule, so callers may look deeper. */
    private boolean check(ObjectNode node, String name, Rule rule, String prefix) {
        JsonNode value = node.get(name);
        if (value == null) {
            return false;
        }
        String field = prefix + name;
        boolean typeOk = switch (rule.type()) {
            case BOOLEAN -> value.isBoolean();
            case INTEGER -> value.isIntegralNumber() && value.canConvertToInt();
            case STRING -> value.isTextual();
            case OBJECT -> value.isObject();
            case ARRAY -> value.isArray();
        };
        if (!typeOk) {
            invalid(field);
            return false;
        }
        if (rule.type() == Type.INTEGER) {
            int n = value.asInt();
            if ((!rule.allowed().isEmpty() && !rule.allowed().contains(n)) || n < rule.min() || n > rule.max()) {
                invalid(field);
                return false;
            }
        }
        if (rule.type() == Type.STRING) {
            String s = value.asText();
            boolean allowed = rule.allowed().isEmpty() || rule.allowed().contains(s)
                    || rule.allowed().contains(s.toLowerCase(Locale.ROOT));
            if (!allowed || s.length() < Math.max(0, rule.min()) || s.length() > rule.max()) {
                invalid(field);
                return false;
            }
        }
        return true;
    }

    private void invalid(String field) {
        errors.add(new FieldError(field, "Invalid field."));
    }

    private static Map<String, Rule> merged(Map<String, Rule> a, Map<String, Rule> b) {
        Map<String, Rule> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }
}
