package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /cgi-bin/meeting/*}: scheduled meetings (spec §2, checklist §8 items 6–12). */
final class Meetings {
    static final int UPCOMING = 1;
    static final int IN_PROGRESS = 2;
    static final int ENDED = 3;
    static final int CANCELLED = 4;
    static final int EXPIRED = 5;
    private static final long MAX_LIST_SPAN = 180L * 24 * 3600;
    private static final Set<String> RECORD_TYPES = Set.of("none", "local", "cloud");
    private static final List<String> SETTING_FLAGS = List.of("enable_waiting_room", "allow_enter_before_host",
            "allow_external_user", "enable_screen_watermark", "allow_unmute_self", "mute_all", "enable_interpreter",
            "enable_enroll", "enable_host_key", "attendee_join_auto_record", "enable_host_pause_auto_record");
    /** Top-level fields create accepts and get_info echoes; anything else is ignored, as WeCom ignores unknown fields. */
    private static final List<String> FIELDS = List.of("admin_userid", "title", "meeting_start", "meeting_duration",
            "description", "location", "agentid", "cal_id", "invitees", "settings", "reminders");

    static final class Meeting implements Ledger.Owned {
        final WeComTokens.App owner;
        final String code;
        ObjectNode fields;
        WeComRecurrence rule;
        boolean cancelled;
        boolean attended;
        /** Started or ended by the host in the app: wins over the clock. */
        boolean startedInApp;
        boolean endedInApp;
        final Set<Long> cancelledOccurrences = new HashSet<>();

        Meeting(WeComTokens.App owner, String code) {
            this.owner = owner;
            this.code = code;
        }

        @Override
        public WeComTokens.App owner() {
            return owner;
        }

        long start() {
            return fields.get("meeting_start").longValue();
        }

        long duration() {
            return fields.get("meeting_duration").longValue();
        }

        String admin() {
            return fields.get("admin_userid").textValue();
        }

        String title() {
            return fields.get("title").textValue();
        }

        List<String> invitees() {
            return userids(fields.get("invitees"));
        }

        List<String> hosts() {
            return fields.has("settings") ? userids(fields.get("settings").get("hosts")) : List.of();
        }

        List<Long> remainingOccurrences() {
            List<Long> all = new ArrayList<>(rule.occurrences(start()));
            all.removeAll(cancelledOccurrences);
            return all;
        }

        boolean involves(String userid) {
            return admin().equals(userid) || invitees().contains(userid) || hosts().contains(userid);
        }
    }

    private final WeComSettings settings;
    private final WeComDirectory directory;
    private final Ledger<Meeting> ledger;
    private final String linkBase;

    Meetings(WeComSettings settings, WeComDirectory directory, Ledger<Meeting> ledger, String linkBase) {
        this.settings = settings;
        this.directory = directory;
        this.ledger = ledger;
        this.linkBase = linkBase;
    }

    Ledger<Meeting> ledger() {
        return ledger;
    }

    ObjectNode create(JsonBody body, WeComTokens.App app, long now) {
        Meeting m = new Meeting(app, ledger.newCode());
        accept(m, body, body, true, now);
        String id = ledger.newId();
        ledger.put(id, m);
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("meetingid", id);
        excessUsers(m, out);
        if (settings.advancedMeetingApi()) {
            out.put("meeting_code", m.code);
            out.put("meeting_link", link(m));
        }
        return out;
    }

    /**
     * {@code excess_users}: the invitees without a meeting account, which only corps that bought the
     * paid edition are told of (spec §2.1, §2.2; checklist 8). They stay invited.
     */
    private void excessUsers(Meeting m, ObjectNode out) {
        List<String> without = m.invitees().stream().filter(u -> !directory.hasMeetingAccount(u)).toList();
        if (settings.paidCorp() && !without.isEmpty()) {
            ArrayNode list = out.putArray("excess_users");
            without.forEach(list::add);
        }
    }

    ObjectNode update(JsonBody body, WeComTokens.App app, long now) {
        Meeting m = ledger.owned(body.requiredString("meetingid"), app, "meetingid");
        requireUpcoming(m, now);
        if (body.has("meeting_start") != body.has("meeting_duration")) {
            throw body.invalid(body.has("meeting_start") ? "meeting_duration" : "meeting_start",
                    "meeting_start and meeting_duration must be sent together");
        }
        ObjectNode merged = JsonBody.overlay(m.fields, body, FIELDS, "settings");
        if (!body.has("invitees") && !settings.updateKeepsOmittedInvitees()) {
            merged.remove("invitees");
        }
        accept(m, JsonBody.of(merged, settings.invalidParameterErrcode()), body, false, now);
        ObjectNode out = JsonBody.JSON.createObjectNode();
        excessUsers(m, out);
        return out;
    }

    ObjectNode cancel(JsonBody body, WeComTokens.App app, long now) {
        Meeting m = ledger.owned(body.requiredString("meetingid"), app, "meetingid");
        var sub = body.string("sub_meetingid");
        if (sub.isPresent()) {
            long at = sub.get().matches("[0-9]{1,10}") ? Long.parseLong(sub.get()) : -1;
            if (!m.rule.repeat || !m.remainingOccurrences().contains(at)) {
                throw new WeComError(settings.unknownIdErrcode(), "invalid sub_meetingid: " + sub.get());
            }
            if (at <= now) {
                throw new WeComError(settings.wrongStateErrcode(), "sub meeting has already started");
            }
            requireUpcoming(m, now);
            m.cancelledOccurrences.add(at);
        } else {
            requireUpcoming(m, now);
            m.cancelled = true;
        }
        return JsonBody.JSON.createObjectNode();
    }

    ObjectNode getInfo(JsonBody body, WeComTokens.App app, long now) {
        Meeting m;
        String id;
        if (body.has("meetingid") || !body.has("meeting_code")) {
            id = body.requiredString("meetingid");
            m = ledger.owned(id, app, "meetingid");
        } else {
            String code = body.requiredString("meeting_code");
            Map.Entry<String, Meeting> e = ledger.all().entrySet().stream()
                    .filter(x -> x.getValue().owner == app && x.getValue().code.equals(code)).findFirst()
                    .orElseThrow(() -> new WeComError(settings.unknownIdErrcode(), "invalid meeting_code: " + code));
            id = e.getKey();
            m = e.getValue();
        }
        ObjectNode f = m.fields;
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("admin_userid", m.admin());
        out.put("title", m.title());
        out.put("meeting_start", m.start());
        out.put("meeting_duration", m.duration());
        out.put("description", f.path("description").asText(""));
        out.put("location", f.path("location").asText(""));
        out.put("main_department", 1);
        out.put("status", status(m, now));
        if (f.has("agentid")) {
            out.set("agentid", f.get("agentid"));
        }
        out.put("meeting_code", m.code);
        out.put("meeting_link", link(m));
        if (f.has("cal_id")) {
            out.set("cal_id", f.get("cal_id"));
        }
        ObjectNode attendees = out.putObject("attendees");
        ArrayNode members = attendees.putArray("member");
        Set<String> people = new LinkedHashSet<>();
        people.add(m.admin());
        people.addAll(m.invitees());
        for (String userid : people) {
            boolean joined = m.attended && userid.equals(m.admin());
            members.addObject().put("userid", userid).put("status", joined ? 1 : 2);
        }
        attendees.putArray("tmp_external_user");
        out.set("settings", settingsView(m));
        out.set("reminders", m.rule.toJson(m.start()));
        if (settings.advancedMeetingApi()) {
            out.put("meeting_type", m.rule.repeat ? 1 : 0);
            if (m.rule.repeat) {
                ArrayNode subs = out.putArray("sub_meetings");
                for (long at : m.rule.occurrences(m.start())) {
                    boolean gone = m.cancelled || m.cancelledOccurrences.contains(at);
                    subs.addObject().put("sub_meetingid", Long.toString(at))
                            .put("status", gone ? CANCELLED : windowStatus(at, m.duration(), now, m.attended))
                            .put("start_time", at).put("end_time", at + m.duration());
                }
                out.put("has_more_sub_meeting", 0);
            }
        }
        return out;
    }

    /** The ids of one user's meetings, oldest start first: the caller pages them with {@link Paging}. */
    static List<String> listFilter(JsonBody body, List<Listed> candidates, long now) {
        var begin = body.uint32("begin_time");
        var endSent = body.uint32("end_time");
        // An end_time left out is now (spec §2.5, checklist 12), so a begin_time alone spans from it to now.
        long end = endSent.orElse(now);
        if (begin.isPresent()) {
            if (endSent.isPresent() && end < begin.getAsLong()) {
                throw body.invalid("end_time", "must not be before begin_time");
            }
            if (end - begin.getAsLong() > MAX_LIST_SPAN) {
                throw body.invalid(endSent.isPresent() ? "end_time" : "begin_time",
                        "begin_time to end_time (now when not given) may span at most 180 days");
            }
        }
        List<Listed> hits = new ArrayList<>();
        for (Listed c : candidates) {
            boolean afterBegin = begin.isEmpty() || c.start() >= begin.getAsLong();
            // end_time bounds only meetings that already started; future ones are always listed (spec §2.5).
            if (afterBegin && (c.start() <= end || c.start() > now)) {
                hits.add(c);
            }
        }
        hits.sort(Comparator.comparingLong(Listed::start).thenComparing(Listed::id));
        return hits.stream().map(Listed::id).toList();
    }

    List<Listed> candidates(WeComTokens.App app, String userid) {
        List<Listed> out = new ArrayList<>();
        ledger.all().forEach((id, m) -> {
            if (m.owner == app && m.involves(userid)) {
                out.add(new Listed(id, m.start()));
            }
        });
        return out;
    }

    record Listed(String id, long start) {
    }

    int status(Meeting m, long now) {
        List<Long> remaining = m.remainingOccurrences();
        if (m.cancelled || remaining.isEmpty()) {
            return CANCELLED;
        }
        if (m.endedInApp) {
            return ENDED;
        }
        if (m.startedInApp) {
            return IN_PROGRESS;
        }
        for (long at : remaining) {
            int s = windowStatus(at, m.duration(), now, m.attended);
            if (s != ENDED && s != EXPIRED) {
                return s;
            }
        }
        return m.attended ? ENDED : EXPIRED;
    }

    /** Clock-driven: upcoming before the start, in progress during, then ended (someone joined) or expired (nobody did). */
    private static int windowStatus(long start, long duration, long now, boolean attended) {
        if (now < start) {
            return UPCOMING;
        }
        if (now < start + duration) {
            return IN_PROGRESS;
        }
        return attended ? ENDED : EXPIRED;
    }

    private void requireUpcoming(Meeting m, long now) {
        int status = status(m, now);
        if (status != UPCOMING) {
            throw new WeComError(settings.wrongStateErrcode(), "meeting status " + status + " does not allow this change");
        }
    }

    private String link(Meeting m) {
        return linkBase + "/join/" + m.code;
    }

    /**
     * Validates the whole meeting {@code full} (a create body, or what is held merged with an update) and
     * stores it; rules tied to the moment of sending ({@code meeting_start > now}) look at {@code sent} only.
     */
    private void accept(Meeting m, JsonBody full, JsonBody sent, boolean creating, long now) {
        String admin = full.requiredString("admin_userid");
        directory.requireVisible("admin_userid", admin);
        full.requiredString("title");
        if (settings.advancedMeetingApi()) {
            full.check("title", full.string("title"), t -> !t.isEmpty() && JsonBody.codePoints(t) <= 255, "must be 1..255 characters");
        } else {
            full.check("title", full.string("title"), t -> !t.isEmpty() && (JsonBody.utf8Bytes(t) <= 40 || JsonBody.codePoints(t) <= 20),
                    "must be at most 40 bytes or 20 characters");
        }
        long start = full.requiredUint32("meeting_start");
        if ((creating || sent.has("meeting_start")) && start <= now) {
            throw full.invalid("meeting_start", "must be later than now");
        }
        long duration = full.requiredUint32("meeting_duration");
        if (duration < 300 || duration > 86399) {
            throw full.invalid("meeting_duration", "must be 300..86399 seconds");
        }
        full.check("description", full.string("description"), d -> JsonBody.utf8Bytes(d) <= 500, "must be at most 500 bytes");
        full.check("location", full.string("location"), l -> JsonBody.codePoints(l) <= 128, "must be at most 128 characters");
        full.int32("agentid");
        full.check("cal_id", full.string("cal_id"), c -> JsonBody.utf8Bytes(c) <= 64, "must be at most 64 bytes");
        List<String> invitees = full.userList("invitees").orElse(List.of());
        directory.requireVisible("invitees.userid", invitees);
        if (invitees.size() > settings.maxInvitees()) {
            throw full.invalid("invitees.userid", "at most " + settings.maxInvitees() + " invitees");
        }
        full.object("settings").ifPresent(s -> checkSettings(s, admin));
        WeComRecurrence rule = full.object("reminders").map(r -> WeComRecurrence.read(r, start)).orElse(WeComRecurrence.none());

        ObjectNode stored = JsonBody.JSON.createObjectNode();
        for (String f : FIELDS) {
            if (full.has(f)) {
                stored.set(f, full.node().get(f).deepCopy());
            }
        }
        if (stored.has("settings") && stored.get("settings").has("hosts")) {
            // The creator is filtered out of the host list (spec §2.1.1).
            ObjectNode hosts = (ObjectNode) stored.get("settings").get("hosts");
            ArrayNode kept = JsonBody.JSON.createArrayNode();
            userids(hosts).stream().filter(u -> !u.equals(admin)).distinct().forEach(kept::add);
            hosts.set("userid", kept);
        }
        m.fields = stored;
        m.rule = rule;
    }

    private void checkSettings(JsonBody s, String admin) {
        s.check("password", s.string("password"), JsonBody::isPassword, "must be 4-6 digits");
        SETTING_FLAGS.forEach(s::bool);
        s.oneOf("remind_scope", 1, 2, 3, 4);
        s.oneOf("enable_enter_mute", 0, 1, 2);
        s.oneOf("watermark_type", 0, 1);
        s.check("auto_record_type", s.string("auto_record_type"), RECORD_TYPES::contains, "must be none, local or cloud");
        boolean cloud = s.string("auto_record_type").orElse("none").equals("cloud");
        for (String f : List.of("attendee_join_auto_record", "enable_host_pause_auto_record")) {
            if (s.bool(f).orElse(false) && !cloud) {
                throw s.invalid(f, "only with auto_record_type=cloud");
            }
        }
        s.check("host_key", s.string("host_key"), k -> k.matches("[0-9]{6}"), "must be 6 digits");
        List<String> hosts = s.userList("hosts").orElse(List.of());
        directory.requireVisible("settings.hosts.userid", hosts);
        if (hosts.stream().filter(h -> !h.equals(admin)).distinct().count() > 10) {
            throw s.invalid("hosts.userid", "at most 10 hosts");
        }
        if (!hosts.isEmpty() && !settings.paidCorp()) {
            throw s.invalid("hosts", "only corps with the paid advanced meeting feature may set hosts");
        }
        directory.requireVisible("settings.ring_users.userid", s.userList("ring_users").orElse(List.of()));
    }

    /** get_info's settings: documented defaults, overlaid by what was sent, plus the response-only fields. */
    private static ObjectNode settingsView(Meeting m) {
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("remind_scope", 2);
        out.put("enable_waiting_room", false);
        out.put("allow_enter_before_host", true);
        out.put("enable_enter_mute", 2);
        out.put("allow_external_user", true);
        out.put("enable_screen_watermark", false);
        ObjectNode sent = m.fields.has("settings") ? (ObjectNode) m.fields.get("settings") : JsonBody.JSON.createObjectNode();
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = sent.fields(); it.hasNext(); ) {
            var e = it.next();
            out.set(e.getKey(), e.getValue().deepCopy());
        }
        out.put("need_password", sent.has("password"));
        if (!out.has("hosts")) {
            out.putObject("hosts").putArray("userid");
        }
        return out;
    }

    static List<String> userids(com.fasterxml.jackson.databind.JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null && list.has("userid")) {
            list.get("userid").forEach(u -> out.add(u.textValue()));
        }
        return out;
    }
}
