package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /v1/webinars} (spec §4): create, modify, query, cancel. The answer shapes of create, modify
 * and query are UNCONFIRMED in the spec; they follow the WeCom mirror of the same API (flat objects,
 * {@code audience_join_link}, {@code guest_join_link}), and modify answers {@code {}} like cancel.
 */
final class Webinars {
    static final int ADMISSION_PUBLIC = 0;
    static final int ADMISSION_REGISTRATION = 1;
    static final int ADMISSION_PASSWORD = 2;
    private static final int SUBJECT_MAX_CHARS = 255;
    private static final int SPONSOR_MAX_CHARS = 40;
    private static final int DESCRIPTION_MAX_CHARS = 5000;
    private static final int MAX_SENSITIVE_WORDS = 50;
    private static final Set<String> ECHOED_BOOLEANS = Set.of("enable_guest_invite_link", "enable_qa",
            "enable_manual_check", "activity_page", "playback_for_audience", "preparation_mode");

    private final TencentMeetingDirectory directory;
    private final long minLeadSeconds;
    private final boolean strictPassword;
    private final boolean pageFieldsNeedActivityPage;

    Webinars(TencentMeetingDirectory directory, long minLeadSeconds, boolean strictPassword, boolean pageFieldsNeedActivityPage) {
        this.directory = directory;
        this.minLeadSeconds = minLeadSeconds;
        this.strictPassword = strictPassword;
        this.pageFieldsNeedActivityPage = pageFieldsNeedActivityPage;
    }

    ObjectNode create(Fields f) {
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        String subject = subject(f.requiredString("subject"));
        long start = f.requiredSeconds("start_time");
        long end = f.requiredSeconds("end_time");
        int admission = admission(f.requiredInt("admission_type"));
        if (!f.has("hosts")) {
            throw f.missing("hosts");
        }
        List<String> hosts = hosts(f);
        directory.requireKnown("userid", userid);
        checkTimes(start, end);
        String password = password(admission, f.string("password").orElse(null));
        ObjectNode extras = TencentMeetingDirectory.object();
        echo(f, extras);
        checkPageFields(extras);

        directory.recordCreate(userid);
        String[] idAndCode = directory.nextIdAndCode();
        Webinar w = new Webinar(idAndCode[0], idAndCode[1], userid,
                "https://meeting.tencent.com/w/sim" + idAndCode[1], "https://meeting.tencent.com/wg/sim" + idAndCode[1]);
        w.subject = subject;
        w.start = start;
        w.end = end;
        w.admissionType = admission;
        w.hosts = List.copyOf(hosts);
        w.password = password;
        w.extras = extras;
        directory.webinars.put(w.id, w);

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("meeting_id", w.id);
        out.put("meeting_code", w.code);
        out.put("subject", w.subject);
        out.put("start_time", Long.toString(w.start));
        out.put("end_time", Long.toString(w.end));
        out.put("admission_type", w.admissionType);
        if (w.password != null) {
            out.put("password", w.password);
        }
        links(w, out);
        return out;
    }

    /** Partial update by the creator; start and end travel together and must lie ahead (spec §4). */
    ObjectNode modify(String meetingId, Fields f) {
        Webinar w = find(meetingId);
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        directory.requireKnown("userid", userid);
        requireCreator(w, userid);
        requireNotOver(w);
        String subject = f.string("subject").map(this::subject).orElse(w.subject);
        Optional<Long> newStart = f.seconds("start_time");
        Optional<Long> newEnd = f.seconds("end_time");
        if (newStart.isPresent() != newEnd.isPresent()) {
            throw TencentMeetingError.invalid("invalid param: start_time and end_time must be modified together");
        }
        long start = newStart.orElse(w.start);
        long end = newEnd.orElse(w.end);
        if (newStart.isPresent()) {
            if (start <= directory.nowSeconds()) {
                throw TencentMeetingError.invalid("invalid param: start_time must be later than now");
            }
            if (end <= start) {
                throw TencentMeetingError.invalid("invalid param: end_time must be later than start_time");
            }
        }
        int admission = f.integer("admission_type").map(this::admission).orElse(w.admissionType);
        // A password absent from the change carries over only while admission stays "password".
        String password = password(admission, f.has("password") ? f.string("password").orElseThrow()
                : admission == ADMISSION_PASSWORD ? w.password : null);
        List<String> hosts = f.has("hosts") ? hosts(f) : w.hosts;
        ObjectNode extras = w.extras.deepCopy();
        echo(f, extras);
        checkPageFields(extras);

        w.subject = subject;
        w.start = start;
        w.end = end;
        w.admissionType = admission;
        w.password = password;
        w.hosts = List.copyOf(hosts);
        w.extras = extras;
        return JsonNodeFactory.instance.objectNode();
    }

    /** {@code meeting_id} wins over {@code meeting_code}; only the creator may look (spec §4). */
    ObjectNode query(Map<String, String> query) {
        TencentMeetingRules.instanceId(query);
        String userid = query.get("userid");
        if (userid == null || userid.isEmpty()) {
            throw TencentMeetingError.invalid("missing required param: userid");
        }
        directory.requireKnown("userid", userid);
        String id = query.getOrDefault("meeting_id", "");
        String code = query.getOrDefault("meeting_code", "");
        Webinar w;
        if (!id.isEmpty()) {
            w = find(id);
        } else if (!code.isEmpty()) {
            w = directory.webinars.values().stream().filter(x -> x.code.equals(code)).findFirst()
                    .orElseThrow(() -> new TencentMeetingError(TencentMeetingError.NOT_FOUND, "MEETING NOT EXIST"));
        } else {
            throw TencentMeetingError.invalid("missing required param: meeting_id or meeting_code");
        }
        requireCreator(w, userid);

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("subject", w.subject);
        out.put("meeting_id", w.id);
        out.put("meeting_code", w.code);
        out.put("status", status(w));
        out.put("start_time", Long.toString(w.start));
        out.put("end_time", Long.toString(w.end));
        out.put("admission_type", w.admissionType);
        out.set("hosts", hostObjects(w.hosts));
        if (w.password != null) {
            out.put("password", w.password);
        }
        out.setAll(w.extras.deepCopy());
        links(w, out);
        return out;
    }

    ObjectNode cancel(String meetingId, Fields f) {
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        f.requiredInt("reason_code");
        f.string("reason_detail");
        directory.requireKnown("userid", userid);
        Webinar w = find(meetingId);
        requireCreator(w, userid);
        if (w.cancelled) {
            throw new TencentMeetingError(TencentMeetingError.CANCELLED, "MEETING CANCLED");
        }
        if (Meetings.STARTED.equals(status(w))) {
            throw new TencentMeetingError(TencentMeetingError.ALREADY_STARTED, "webinar has started and cannot be cancelled");
        }
        requireNotOver(w);
        w.cancelled = true;
        return JsonNodeFactory.instance.objectNode();
    }

    String status(Webinar w) {
        if (w.cancelled) {
            return Meetings.CANCELLED;
        }
        if (w.endedByHost) {
            return Meetings.ENDED;
        }
        if (w.someoneIn) {
            return Meetings.STARTED;
        }
        long now = directory.nowSeconds();
        if (now >= w.end) {
            return now >= w.start + Meetings.RECYCLE_AFTER ? Meetings.RECYCLED : Meetings.NULL;
        }
        return now >= w.start ? Meetings.ABOUT_TO_START : Meetings.INIT;
    }

    Webinar find(String meetingId) {
        Webinar w = directory.webinars.get(meetingId);
        if (w == null) {
            throw new TencentMeetingError(TencentMeetingError.NOT_FOUND, "MEETING NOT EXIST");
        }
        return w;
    }

    private String subject(String subject) {
        int chars = subject.codePointCount(0, subject.length());
        if (chars < 1 || chars > SUBJECT_MAX_CHARS || subject.isBlank()) {
            throw TencentMeetingError.invalid("invalid param: subject must be 1-" + SUBJECT_MAX_CHARS + " characters");
        }
        return subject;
    }

    private int admission(long value) {
        if (value < ADMISSION_PUBLIC || value > ADMISSION_PASSWORD) {
            throw TencentMeetingError.invalid("invalid param: admission_type must be 0 (public), 1 (registration) or 2 (password)");
        }
        return (int) value;
    }

    /** 4–6 digits, required iff admission_type is 2; with another admission type a password is refused unless lenient. */
    private String password(int admission, String password) {
        if (admission == ADMISSION_PASSWORD) {
            if (password == null || password.isEmpty()) {
                throw TencentMeetingError.invalid("invalid param: password is required when admission_type is 2");
            }
            return TencentMeetingRules.password("password", password);
        }
        if (password != null && !password.isEmpty() && strictPassword) {
            throw TencentMeetingError.invalid("invalid param: password is only allowed when admission_type is 2");
        }
        return null;
    }

    private List<String> hosts(Fields f) {
        List<String> hosts = directory.userList(f, "hosts");
        if (hosts.isEmpty()) {
            throw TencentMeetingError.invalid("invalid param: hosts must name at least one host");
        }
        for (String host : hosts) {
            directory.requireKnown("hosts", host);
        }
        return hosts;
    }

    /** "start_time 不能少于当前时间戳半小时以上" is ambiguous; the lead time is a setting (default 30 min ahead). */
    private void checkTimes(long start, long end) {
        if (start < directory.nowSeconds() + minLeadSeconds) {
            throw TencentMeetingError.invalid("invalid param: start_time must be at least " + minLeadSeconds / 60 + " minutes from now");
        }
        if (end <= start) {
            throw TencentMeetingError.invalid("invalid param: end_time must be later than start_time");
        }
    }

    private void echo(Fields f, ObjectNode to) {
        f.string("sponsor").ifPresent(v -> {
            int chars = v.codePointCount(0, v.length());
            if (chars < 1 || chars > SPONSOR_MAX_CHARS) {
                throw TencentMeetingError.invalid("invalid param: sponsor must be 1-" + SPONSOR_MAX_CHARS + " characters");
            }
            to.put("sponsor", v);
        });
        f.string("description").ifPresent(v -> {
            int chars = v.codePointCount(0, v.length());
            if (chars < 1 || chars > DESCRIPTION_MAX_CHARS) {
                throw TencentMeetingError.invalid("invalid param: description must be 1-" + DESCRIPTION_MAX_CHARS + " characters");
            }
            to.put("description", v);
        });
        f.string("cover_url").ifPresent(v -> to.put("cover_url", v));
        f.string("time_zone").ifPresent(v -> {
            if (!v.isEmpty()) {
                TimeZones.check("time_zone", v);
            }
            to.put("time_zone", v);
        });
        for (String name : ECHOED_BOOLEANS) {
            f.bool(name).ifPresent(v -> to.put(name, v));
        }
        f.integer("display_number_of_attendees").ifPresent(v -> {
            if (v != 0 && v != 1) {
                throw TencentMeetingError.invalid("invalid param: display_number_of_attendees must be 0 or 1");
            }
            to.put("display_number_of_attendees", v);
        });
        f.object("media_setting").ifPresent(m -> to.set("media_setting", m.node()));
        f.array("sensitive_words").ifPresent(words -> {
            if (words.size() > MAX_SENSITIVE_WORDS) {
                throw TencentMeetingError.invalid("invalid param: sensitive_words holds at most " + MAX_SENSITIVE_WORDS + " words");
            }
            for (JsonNode word : words) {
                if (!word.isTextual()) {
                    throw TencentMeetingError.invalid("failed to unmarshal req body: json: cannot unmarshal number into Go struct field sensitive_words of type string");
                }
            }
            to.set("sensitive_words", words);
        });
    }

    /** cover_url and description "need activity_page" (spec §4): refused without it unless lenient. */
    private void checkPageFields(ObjectNode extras) {
        boolean page = extras.path("activity_page").asBoolean(false);
        if (pageFieldsNeedActivityPage && !page && (extras.has("description") || extras.has("cover_url"))) {
            throw TencentMeetingError.invalid("invalid param: description and cover_url need activity_page=true");
        }
    }

    private void requireCreator(Webinar w, String userid) {
        if (!w.creator.equals(userid)) {
            throw new TencentMeetingError(TencentMeetingError.NO_PERMISSION, "only the creator may manage this webinar");
        }
    }

    private void requireNotOver(Webinar w) {
        if (w.cancelled) {
            throw new TencentMeetingError(TencentMeetingError.CANCELLED, "MEETING CANCLED");
        }
        String s = status(w);
        if (Meetings.ENDED.equals(s) || Meetings.NULL.equals(s) || Meetings.RECYCLED.equals(s)) {
            throw new TencentMeetingError(TencentMeetingError.ALREADY_ENDED, "webinar has ended");
        }
    }

    private static ArrayNode hostObjects(List<String> hosts) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        hosts.forEach(h -> out.addObject().put("userid", h));
        return out;
    }

    private static void links(Webinar w, ObjectNode out) {
        out.put("audience_join_link", w.audienceJoinLink);
        if (w.extras.path("enable_guest_invite_link").asBoolean(false)) {
            out.put("guest_join_link", w.guestJoinLink);
        }
    }
}
