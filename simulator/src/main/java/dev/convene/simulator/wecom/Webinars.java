package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code /cgi-bin/meeting/webinar/*}: webinars (spec §3, checklist §8 items 13–14). There is no list endpoint. */
final class Webinars {
    static final String INIT = "MEETING_STATE_INIT";
    static final String CANCELLED = "MEETING_STATE_CANCELLED";
    static final String STARTED = "MEETING_STATE_STARTED";
    static final String ENDED = "MEETING_STATE_ENDED";
    static final String ABOUT_TO_START = "MEETING_STATE_ABOUT_TO_START";
    static final String RECYCLED = "MEETING_STATE_RECYCLED";
    private static final Set<String> RECORD_TYPES = Set.of("none", "local", "cloud");
    private static final List<String> FIELDS = List.of("admin_userid", "title", "sponsor", "start_time", "end_time",
            "admission_type", "hosts", "password", "cover_url", "description", "enable_guest_invite_link", "media_setting",
            "enable_qa", "sensitive_words", "enable_manual_check", "activity_page", "display_number_of_attendees",
            "playback_for_audience", "preparation_mode");
    private static final List<String> FLAGS = List.of("enable_guest_invite_link", "enable_qa", "enable_manual_check",
            "activity_page", "preparation_mode");
    private static final List<String> MEDIA_FLAGS = List.of("enable_enter_mute", "allow_unmute_self", "allow_enter_before_host",
            "enable_screen_watermark", "allow_external_user", "attendee_join_auto_record", "enable_host_pause_auto_record");

    static final class Webinar implements Ledger.Owned {
        final WeComTokens.App owner;
        final String code;
        final String checkPassword;
        ObjectNode fields;
        boolean cancelled;
        boolean attended;
        /** Started or ended by the host in the app: wins over the clock. */
        boolean startedInApp;
        boolean endedInApp;

        Webinar(WeComTokens.App owner, String code, String checkPassword) {
            this.owner = owner;
            this.code = code;
            this.checkPassword = checkPassword;
        }

        @Override
        public WeComTokens.App owner() {
            return owner;
        }

        long start() {
            return Long.parseLong(fields.get("start_time").textValue());
        }

        long end() {
            return Long.parseLong(fields.get("end_time").textValue());
        }

        String admin() {
            return fields.get("admin_userid").textValue();
        }

        List<String> hosts() {
            List<String> out = new ArrayList<>();
            if (fields.has("hosts")) {
                fields.get("hosts").forEach(h -> out.add(h.get("userid").textValue()));
            } else {
                out.add(admin());
            }
            return out;
        }
    }

    private final WeComSettings settings;
    private final WeComDirectory directory;
    private final Ledger<Webinar> ledger;
    private final String linkBase;
    private long gets;

    Webinars(WeComSettings settings, WeComDirectory directory, Ledger<Webinar> ledger, String linkBase) {
        this.settings = settings;
        this.directory = directory;
        this.ledger = ledger;
        this.linkBase = linkBase;
    }

    Ledger<Webinar> ledger() {
        return ledger;
    }

    ObjectNode create(JsonBody body, WeComTokens.App app, long now) {
        Webinar w = new Webinar(app, ledger.newCode(), ledger.newCode().substring(0, 6));
        accept(w, body, body, true, now);
        String id = ledger.newId();
        ledger.put(id, w);
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("title", w.fields.get("title").textValue());
        out.put("meetingid", id);
        out.put("meeting_code", w.code);
        out.put("start_time", Long.toString(w.start()));
        out.put("end_time", Long.toString(w.end()));
        out.put("admission_type", w.fields.get("admission_type").intValue());
        if (w.fields.has("password")) {
            out.set("password", w.fields.get("password"));
        }
        links(w, out);
        return out;
    }

    /**
     * Doc 98843 marks title, start_time, end_time, admission_type and playback_for_audience required on
     * update, and the password with password admission (spec, corrections): an update restates them even
     * when it changes something else, and one lacking any is refused with 40058 naming the field.
     */
    ObjectNode update(JsonBody body, WeComTokens.App app, long now) {
        Webinar w = ledger.owned(body.requiredString("meetingid"), app, "meetingid");
        requireUpcoming(w, now);
        body.requiredString("title");
        body.requiredNumericString("start_time");
        body.requiredNumericString("end_time");
        body.requiredBool("playback_for_audience");
        if (body.requiredUint32("admission_type") == 2) {
            body.requiredString("password");
        }
        ObjectNode merged = JsonBody.overlay(w.fields, body, FIELDS, "media_setting");
        accept(w, JsonBody.of(merged, settings.invalidParameterErrcode()), body, false, now);
        return JsonBody.JSON.createObjectNode();
    }

    ObjectNode cancel(JsonBody body, WeComTokens.App app, long now) {
        Webinar w = ledger.owned(body.requiredString("meetingid"), app, "meetingid");
        requireUpcoming(w, now);
        w.cancelled = true;
        return JsonBody.JSON.createObjectNode();
    }

    /** {@code meetingid} or {@code meeting_code}, one required; the id wins when both are sent (spec §3.4). */
    ObjectNode get(JsonBody body, WeComTokens.App app, long now) {
        String id;
        if (body.has("meetingid") || !body.has("meeting_code")) {
            id = body.requiredString("meetingid");
            ledger.owned(id, app, "meetingid");
        } else {
            String code = body.requiredString("meeting_code");
            id = ledger.ids(w -> w.owner == app && w.code.equals(code)).stream().findFirst()
                    .orElseThrow(() -> new WeComError(settings.unknownIdErrcode(), "invalid meeting_code: " + code));
        }
        Webinar w = ledger.all().get(id);
        ObjectNode f = w.fields;
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("meetingid", id);
        out.put("meeting_code", w.code);
        boolean subject = switch (settings.webinarGetNames()) {
            case TITLE -> false;
            case SUBJECT -> true;
            case ALTERNATE -> gets++ % 2 == 1;
        };
        out.put(subject ? "subject" : "title", f.get("title").textValue());
        out.put("status", status(w, now));
        out.put("sponsor", f.path("sponsor").asText(""));
        out.put("start_time", Long.toString(w.start()));
        out.put("end_time", Long.toString(w.end()));
        out.put("admission_type", f.get("admission_type").intValue());
        ArrayNode hosts = out.putArray("hosts");
        w.hosts().forEach(h -> hosts.addObject().put("userid", h));
        if (f.has("password")) {
            out.set("password", f.get("password"));
        }
        out.put("cover_url", f.path("cover_url").asText(""));
        out.put("description", f.path("description").asText(""));
        out.put("enable_guest_invite_link", f.path("enable_guest_invite_link").asBoolean(false));
        ObjectNode media = out.putObject("media_setting");
        media.put("enable_enter_mute", true).put("allow_unmute_self", true).put("allow_enter_before_host", true)
                .put("enable_screen_watermark", false).put("watermark_type", 0).put("allow_external_user", true)
                .put("auto_record_type", "none").put("attendee_join_auto_record", false).put("enable_host_pause_auto_record", true);
        if (f.has("media_setting")) {
            f.get("media_setting").fields().forEachRemaining(e -> media.set(e.getKey(), e.getValue().deepCopy()));
        }
        if (subject) {
            media.set("mute_enable_join", media.remove("enable_enter_mute"));
        }
        out.put("enable_qa", f.path("enable_qa").asBoolean(true));
        links(w, out);
        out.put("activity_page", f.path("activity_page").asBoolean(true));
        out.put("display_number_of_attendees", f.path("display_number_of_attendees").asInt(1));
        out.put("playback_for_audience", f.path("playback_for_audience").asBoolean(false));
        out.put("preparation_mode", f.path("preparation_mode").asBoolean(false));
        if (f.has("sensitive_words")) {
            out.set("sensitive_words", f.get("sensitive_words").deepCopy());
        }
        return out;
    }

    List<Meetings.Listed> candidates(WeComTokens.App app, String userid) {
        List<Meetings.Listed> out = new ArrayList<>();
        ledger.all().forEach((id, w) -> {
            if (w.owner == app && (w.admin().equals(userid) || w.hosts().contains(userid))) {
                out.add(new Meetings.Listed(id, w.start()));
            }
        });
        return out;
    }

    /** Tencent Meeting's state words (spec §3.4), driven by the clock and by whether anyone joined. */
    String status(Webinar w, long now) {
        if (w.cancelled) {
            return CANCELLED;
        }
        if (w.endedInApp) {
            return ENDED;
        }
        if (w.startedInApp) {
            return STARTED;
        }
        if (now < w.start()) {
            return INIT;
        }
        if (now < w.end()) {
            return w.attended ? STARTED : ABOUT_TO_START;
        }
        return w.attended ? ENDED : RECYCLED;
    }

    private void requireUpcoming(Webinar w, long now) {
        String status = status(w, now);
        if (!status.equals(INIT)) {
            throw new WeComError(settings.wrongStateErrcode(), "webinar status " + status + " does not allow this change");
        }
    }

    private void links(Webinar w, ObjectNode out) {
        out.put("audience_join_link", linkBase + "/webinar/" + w.code + "?role=audience");
        out.put("guest_join_link", linkBase + "/webinar/" + w.code + "?role=guest");
        if (w.fields.path("enable_manual_check").asBoolean(false)) {
            out.put("manual_check_link", linkBase + "/webinar/" + w.code + "/check");
            out.put("manual_check_password", w.checkPassword);
        }
    }

    private void accept(Webinar w, JsonBody full, JsonBody sent, boolean creating, long now) {
        directory.requireVisible("admin_userid", full.requiredString("admin_userid"));
        full.requiredString("title");
        full.check("title", full.string("title"), t -> !t.isEmpty() && JsonBody.codePoints(t) <= 255, "must be 1..255 characters");
        full.check("sponsor", full.string("sponsor"), t -> !t.isEmpty() && JsonBody.codePoints(t) <= 40, "must be 1..40 characters");
        long start = full.requiredNumericString("start_time");
        long end = full.requiredNumericString("end_time");
        if ((creating || sent.has("start_time")) && start < now + settings.webinarStartMinOffsetSeconds()) {
            throw full.invalid("start_time", settings.webinarStartMinOffsetSeconds() >= 0
                    ? "must be at least " + settings.webinarStartMinOffsetSeconds() + " seconds from now"
                    : "may not be more than " + -settings.webinarStartMinOffsetSeconds() + " seconds in the past");
        }
        if (end <= start) {
            throw full.invalid("end_time", "must be later than start_time");
        }
        full.requiredUint32("admission_type");
        int admission = full.oneOf("admission_type", 0, 1, 2).getAsInt();
        List<String> hosts = new ArrayList<>();
        full.objects("hosts").orElse(List.of()).forEach(h -> hosts.add(h.requiredString("userid")));
        directory.requireVisible("hosts.userid", hosts);
        // The password is required and checked only for password admission; otherwise it has no effect (seed 000).
        if (admission == 2) {
            full.requiredString("password");
            full.check("password", full.string("password"), JsonBody::isPassword, "must be 4-6 digits");
        } else {
            full.string("password");
        }
        FLAGS.forEach(full::bool);
        boolean activityPage = full.bool("activity_page").orElse(true);
        full.string("cover_url");
        full.check("description", full.string("description"), d -> !d.isEmpty() && JsonBody.codePoints(d) <= 5000,
                "must be 1..5000 characters");
        full.oneOf("display_number_of_attendees", 0, 1);
        for (String needsPage : List.of("cover_url", "description", "display_number_of_attendees")) {
            if (full.has(needsPage) && !activityPage) {
                throw full.invalid(needsPage, "needs activity_page=true");
            }
        }
        boolean cloud = false;
        var media = full.object("media_setting");
        if (media.isPresent()) {
            JsonBody m = media.get();
            MEDIA_FLAGS.forEach(m::bool);
            m.oneOf("watermark_type", 0, 1);
            m.check("auto_record_type", m.string("auto_record_type"), RECORD_TYPES::contains, "must be none, local or cloud");
            cloud = m.string("auto_record_type").orElse("none").equals("cloud");
            for (String f : List.of("attendee_join_auto_record", "enable_host_pause_auto_record")) {
                if (m.bool(f).orElse(false) && !cloud) {
                    throw m.invalid(f, "only with auto_record_type=cloud");
                }
            }
        }
        List<String> words = full.strings("sensitive_words").orElse(List.of());
        if (words.size() > 50 || words.stream().anyMatch(x -> JsonBody.codePoints(x) > 10)) {
            throw full.invalid("sensitive_words", "at most 50 words of at most 10 characters each");
        }
        // The doc table marks playback_for_audience required on create and on update alike (spec §3.1, §3.2).
        sent.requiredBool("playback_for_audience");
        if (full.bool("playback_for_audience").orElse(false) && !cloud) {
            throw full.invalid("playback_for_audience", "needs media_setting.auto_record_type=cloud");
        }

        ObjectNode stored = JsonBody.JSON.createObjectNode();
        for (String f : FIELDS) {
            JsonNode v = full.node().get(f);
            if (v != null && !(f.equals("password") && admission != 2)) {
                stored.set(f, v.deepCopy());
            }
        }
        w.fields = stored;
    }
}
