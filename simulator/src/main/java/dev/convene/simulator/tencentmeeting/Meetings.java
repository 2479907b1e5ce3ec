package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v1/meetings}: create, query by id or code, list, modify, cancel (spec §3, seed 002). */
final class Meetings {
    static final String INIT = "MEETING_STATE_INIT";
    static final String STARTED = "MEETING_STATE_STARTED";
    static final String CANCELLED = "MEETING_STATE_CANCELLED";
    static final String ENDED = "MEETING_STATE_ENDED";
    static final String NULL = "MEETING_STATE_NULL";
    static final String RECYCLED = "MEETING_STATE_RECYCLED";
    static final String ABOUT_TO_START = "MEETING_STATE_ABOUT_TO_START";
    /** Meeting codes are recycled 30 days after the scheduled start (spec §3.7). */
    static final long RECYCLE_AFTER = 30 * 24 * 3600L;
    /** List pages hold at most 20 meetings (spec §3.4). */
    static final int PAGE_SIZE = 20;
    /** Sub-meeting status integers are UNCONFIRMED: 0 scheduled, 1 cancelled here. */
    private static final int SUB_SCHEDULED = 0;
    private static final int SUB_CANCELLED = 1;

    private final TencentMeetingDirectory directory;
    private final boolean rejectPastStart;
    private final long maxRecurringPerUser;

    Meetings(TencentMeetingDirectory directory, boolean rejectPastStart, long maxRecurringPerUser) {
        this.directory = directory;
        this.rejectPastStart = rejectPastStart;
        this.maxRecurringPerUser = maxRecurringPerUser;
    }

    // ---- create (POST /v1/meetings) ----

    ObjectNode create(Fields f) {
        long now = directory.nowSeconds();
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        String subject = TencentMeetingRules.meetingSubject(f.requiredString("subject"));
        long type = f.requiredInt("type");
        long start = f.requiredSeconds("start_time");
        long end = f.requiredSeconds("end_time");
        if (type != 0 && type != 1) {
            throw TencentMeetingError.invalid("invalid param: type must be 0 (scheduled) or 1 (quick)");
        }
        directory.requireKnown("userid", userid);
        if (type == 1) {
            // A quick meeting starts when it is created: its start_time is the creation time (seed 002 output).
            start = now;
        } else if (rejectPastStart && start < now) {
            throw TencentMeetingError.invalid("invalid param: start_time is earlier than now");
        }
        if (end <= start) {
            throw TencentMeetingError.invalid("invalid param: end_time must be later than start_time");
        }
        String password = f.string("password").map(p -> TencentMeetingRules.password("password", p)).orElse(null);
        List<String> hosts = f.has("hosts") ? directory.userList(f, "hosts") : List.of(userid);
        for (String host : hosts) {
            directory.requireKnown("hosts", host);
        }
        List<String> invitees = directory.userList(f, "invitees");
        TencentMeetingRules.invitees(invitees.size());
        ArrayNode guests = TencentMeetingRules.guests(f, "guests");
        long meetingType = f.integer("meeting_type").orElse(0L);
        if (meetingType != 0 && meetingType != 1) {
            throw TencentMeetingError.invalid("invalid param: meeting_type must be 0 or 1");
        }
        ObjectNode settings = f.object("settings").map(TencentMeetingRules::settings).orElse(null);
        boolean enableLive = f.bool("enable_live").orElse(false);
        ObjectNode liveConfig = f.object("live_config").map(TencentMeetingRules::liveConfig).orElse(null);
        if (enableLive) {
            TencentMeetingRules.livePasswordPresent(liveConfig);
        }
        boolean enableHostKey = f.bool("enable_host_key").orElse(false);
        String hostKey = f.string("host_key").map(TencentMeetingRules::hostKey).orElse(null);
        ObjectNode extras = TencentMeetingDirectory.object();
        TencentMeetingRules.echo(f, extras);
        TencentMeetingRecurrence rule = null;
        if (meetingType == 1) {
            if (type == 1) {
                throw TencentMeetingError.invalid("invalid param: a recurring meeting cannot be a quick meeting (type=1)");
            }
            Fields ruleFields = f.object("recurring_rule").orElseThrow(() -> f.missing("recurring_rule"));
            rule = TencentMeetingRecurrence.parse(ruleFields, start, TimeZones.of(extras.path("time_zone").asText("")), now, Integer.MAX_VALUE);
            long active = directory.meetings.values().stream()
                    .filter(m -> m.creator.equals(userid) && m.recurring() && !m.cancelled && m.seriesEnd() > now).count();
            if (active >= maxRecurringPerUser) {
                throw TencentMeetingError.invalid("recurring meetings limit reached: at most " + maxRecurringPerUser + " per account");
            }
        }

        directory.recordCreate(userid);
        String[] idAndCode = directory.nextIdAndCode();
        Meeting m = new Meeting(idAndCode[0], idAndCode[1], userid, (int) type, "https://meeting.tencent.com/dm/sim" + idAndCode[1]);
        m.subject = subject;
        m.start = start;
        m.end = end;
        m.hosts = List.copyOf(hosts);
        m.invitees = List.copyOf(invitees);
        m.guests = guests;
        m.password = password;
        m.settings = settings;
        m.meetingType = (int) meetingType;
        m.rule = rule;
        m.enableLive = enableLive;
        m.liveConfig = liveConfig;
        m.enableHostKey = enableHostKey;
        m.hostKey = enableHostKey ? (hostKey != null ? hostKey : derivedHostKey(m)) : null;
        m.extras = extras;
        m.modifiedMillis = directory.nextModifiedMillis();
        directory.meetings.put(m.id, m);

        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("subject", m.subject);
        info.put("meeting_id", m.id);
        info.put("meeting_code", m.code);
        putIfPresent(info, "password", m.password);
        putIfPresent(info, "host_key", m.hostKey);
        info.put("type", m.type);
        info.put("meeting_type", m.meetingType);
        info.put("start_time", Long.toString(m.start));
        info.put("end_time", Long.toString(m.end));
        info.set("hosts", directory.renderUsers(m.hosts));
        info.set("participants", directory.renderUsers(m.invitees));
        List<String> unregistered = m.invitees.stream().filter(u -> !directory.users.contains(u)).toList();
        if (!unregistered.isEmpty()) {
            info.set("user_non_registered", directory.renderUsers(unregistered));
        }
        info.put("join_url", m.joinUrl);
        info.set("settings", m.settings == null ? TencentMeetingDirectory.object() : m.settings.deepCopy());
        info.put("enable_live", m.enableLive);
        if (m.enableLive) {
            // "直播配置对象，内部只返回 live_addr" (seed 002, output).
            info.set("live_config", TencentMeetingDirectory.object().put("live_addr", m.liveAddr()));
        }
        return single(info);
    }

    // ---- query (GET /v1/meetings/{id}, GET /v1/meetings?meeting_code=) ----

    ObjectNode get(String meetingId, Map<String, String> query) {
        TencentMeetingRules.instanceId(query);
        String caller = caller(query);
        Meeting m = find(meetingId);
        return single(render(m, caller));
    }

    ObjectNode getByCode(String code, Map<String, String> query) {
        TencentMeetingRules.instanceId(query);
        String caller = caller(query);
        if (!code.matches("\\d{9}")) {
            throw TencentMeetingError.invalid("invalid param: meeting_code must be a 9-digit number");
        }
        Meeting m = directory.meetings.values().stream()
                .filter(x -> x.code.equals(code) && !RECYCLED.equals(status(x)))
                .findFirst()
                .orElseThrow(() -> new TencentMeetingError(TencentMeetingError.NOT_FOUND, "MEETING NOT EXIST"));
        return single(render(m, caller));
    }

    // ---- list (GET /v1/meetings?userid=&instanceid=&pos=&cursory=) ----

    /**
     * The caller's upcoming and in-progress meetings, ordered by (start, last modification). Without a
     * {@code cursory} the page starts at meetings starting at or after {@code pos}, so meetings that
     * share the boundary start time come again (the documented repeat); with one, strictly after the
     * (pos, cursory) pair.
     */
    ObjectNode list(Map<String, String> query) {
        TencentMeetingRules.instanceId(query);
        String caller = caller(query);
        long pos = Optional.ofNullable(query.get("pos")).filter(s -> !s.isEmpty()).map(s -> TencentMeetingRules.integer("pos", s)).orElse(0L);
        long cursory = Optional.ofNullable(query.get("cursory")).filter(s -> !s.isEmpty()).map(s -> TencentMeetingRules.integer("cursory", s)).orElse(0L);
        long showAll = Optional.ofNullable(query.get("is_show_all_sub_meetings")).filter(s -> !s.isEmpty())
                .map(s -> TencentMeetingRules.integer("is_show_all_sub_meetings", s)).orElse(0L);
        if (showAll != 0 && showAll != 1) {
            throw TencentMeetingError.invalid("invalid param: is_show_all_sub_meetings must be 0 or 1");
        }
        long from = pos == 0 ? directory.beijingMidnight() : pos;

        List<Entry> entries = new ArrayList<>();
        for (Meeting m : directory.meetings.values()) {
            String s = status(m);
            if (!m.isParticipant(caller) || !(INIT.equals(s) || STARTED.equals(s))) {
                continue;
            }
            if (m.recurring() && showAll == 1) {
                for (long key : m.occurrenceKeys()) {
                    if (!m.cancelledOccurrences.contains(key) && m.occurrenceEnd(key) > directory.nowSeconds()) {
                        entries.add(new Entry(m, m.occurrenceStart(key), key));
                    }
                }
            } else {
                entries.add(new Entry(m, m.start, null));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::start).thenComparingLong(e -> e.meeting.modifiedMillis));
        List<Entry> after = entries.stream()
                .filter(e -> cursory == 0 ? e.start >= from
                        : e.start > from || (e.start == from && e.meeting.modifiedMillis > cursory))
                .toList();
        List<Entry> page = after.subList(0, Math.min(PAGE_SIZE, after.size()));

        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("meeting_number", page.size());
        out.put("remaining", after.size() - page.size());
        Entry last = page.isEmpty() ? null : page.get(page.size() - 1);
        out.put("next_pos", last == null ? 0 : last.start);
        out.put("next_cursory", last == null ? 0 : last.meeting.modifiedMillis);
        ArrayNode list = out.putArray("meeting_info_list");
        for (Entry e : page) {
            ObjectNode item = render(e.meeting, caller);
            if (e.subMeeting != null) {
                item.put("start_time", Long.toString(e.start));
                item.put("end_time", Long.toString(e.meeting.occurrenceEnd(e.subMeeting)));
                item.put("current_sub_meeting_id", Long.toString(e.subMeeting));
            }
            item.put("join_meeting_role", e.meeting.creator.equals(caller) ? "creator"
                    : e.meeting.hosts.contains(caller) ? "hoster" : "invitee");
            list.add(item);
        }
        return out;
    }

    private record Entry(Meeting meeting, long start, Long subMeeting) {
    }

    // ---- modify (PUT /v1/meetings/{id}) ----

    /** Partial update: absent fields stay, {@code []} clears hosts/guests, {@code password:""} removes it. */
    ObjectNode modify(String meetingId, Fields f) {
        long now = directory.nowSeconds();
        Meeting m = find(meetingId);
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        directory.requireKnown("userid", userid);
        if (!m.creator.equals(userid) && !directory.isAdmin(userid)) {
            throw new TencentMeetingError(TencentMeetingError.NO_MODIFY_PERMISSION, "no permission to modify the meeting");
        }
        requireNotOver(m);
        if (m.type == 1) {
            throw TencentMeetingError.invalid("invalid param: a quick meeting cannot be modified");
        }

        Optional<Fields> ruleFields = f.object("recurring_rule");
        Optional<String> subMeeting = ruleFields.flatMap(r -> r.string("sub_meeting_id"));
        if (subMeeting.isPresent()) {
            return moveOccurrence(m, f, ruleFields.get(), subMeeting.get(), now);
        }

        String subject = f.string("subject").map(TencentMeetingRules::meetingSubject).orElse(m.subject);
        long start = f.seconds("start_time").orElse(m.start);
        long end = f.seconds("end_time").orElse(m.end);
        if (rejectPastStart && start != m.start && start < now) {
            throw TencentMeetingError.invalid("invalid param: start_time is earlier than now");
        }
        if (end <= start) {
            throw TencentMeetingError.invalid("invalid param: end_time must be later than start_time");
        }
        List<String> hosts = m.hosts;
        if (f.has("hosts")) {
            hosts = directory.userList(f, "hosts");
            // "if given must include userid" (spec §3.5); [] clears the hosts, by the same line.
            if (!hosts.isEmpty() && !hosts.contains(userid)) {
                throw TencentMeetingError.invalid("invalid param: hosts must include userid " + userid);
            }
            for (String host : hosts) {
                directory.requireKnown("hosts", host);
            }
        }
        List<String> invitees = f.has("invitees") ? directory.userList(f, "invitees") : m.invitees;
        TencentMeetingRules.invitees(invitees.size());
        ArrayNode guests = f.has("guests") ? TencentMeetingRules.guests(f, "guests") : m.guests;
        String password = f.has("password") ? TencentMeetingRules.password("password", f.requiredString("password")) : m.password;
        ObjectNode settings = m.settings;
        if (f.has("settings")) {
            settings = m.settings == null ? TencentMeetingDirectory.object() : m.settings.deepCopy();
            settings.setAll(TencentMeetingRules.settings(f.object("settings").orElseThrow()));
        }
        boolean enableLive = f.bool("enable_live").orElse(m.enableLive);
        ObjectNode liveConfig = m.liveConfig;
        if (f.has("live_config")) {
            liveConfig = m.liveConfig == null ? TencentMeetingDirectory.object() : m.liveConfig.deepCopy();
            liveConfig.setAll(TencentMeetingRules.liveConfig(f.object("live_config").orElseThrow()));
        }
        if (enableLive) {
            TencentMeetingRules.livePasswordPresent(liveConfig);
        }
        boolean enableHostKey = f.bool("enable_host_key").orElse(m.enableHostKey);
        String hostKey = f.string("host_key").map(TencentMeetingRules::hostKey).orElse(m.hostKey);
        ObjectNode extras = m.extras.deepCopy();
        TencentMeetingRules.echo(f, extras);
        int meetingType = (int) (long) f.integer("meeting_type").orElse((long) m.meetingType);
        if (meetingType != 0 && meetingType != 1) {
            throw TencentMeetingError.invalid("invalid param: meeting_type must be 0 or 1");
        }
        TencentMeetingRecurrence rule = meetingType == 0 ? null : m.rule;
        if (meetingType == 1) {
            if (ruleFields.isEmpty() && rule == null) {
                throw f.missing("recurring_rule");
            }
            if (ruleFields.isPresent()) {
                rule = TencentMeetingRecurrence.parse(ruleFields.get(), start, TimeZones.of(extras.path("time_zone").asText("")), now,
                        TencentMeetingRecurrence.MODIFY_MAX_COUNT);
            } else if (start != m.start) {
                // The kept rule must still fit the moved first meeting; the modify cap of 50 is for rules sent, not kept.
                rule = TencentMeetingRecurrence.parse(Fields.of(m.rule.toJson()), start, TimeZones.of(extras.path("time_zone").asText("")), now,
                        Integer.MAX_VALUE);
            }
        }

        m.subject = subject;
        m.start = start;
        m.end = end;
        m.hosts = List.copyOf(hosts);
        m.invitees = List.copyOf(invitees);
        m.guests = guests;
        m.password = password;
        m.settings = settings;
        m.enableLive = enableLive;
        m.liveConfig = liveConfig;
        m.enableHostKey = enableHostKey;
        m.hostKey = enableHostKey ? (hostKey != null ? hostKey : derivedHostKey(m)) : null;
        m.extras = extras;
        if (m.meetingType != meetingType || rule != m.rule) {
            m.cancelledOccurrences.clear();
            m.movedOccurrences.clear();
        }
        m.meetingType = meetingType;
        m.rule = rule;
        m.modifiedMillis = directory.nextModifiedMillis();
        return modifyAnswer(m);
    }

    /** "recurring_rule 中若填写了 sub_meeting_id，则表示修改该子会议时间，不可与周期性会议规则同时修改" (doc 1095/81181). */
    private ObjectNode moveOccurrence(Meeting m, Fields f, Fields rule, String subMeetingId, long now) {
        if (rule.node().size() > 1) {
            throw TencentMeetingError.invalid("invalid param: cannot modify the recurring rule and a sub-meeting's time together");
        }
        long key = occurrence(m, subMeetingId);
        long start = f.seconds("start_time").orElseThrow(() -> f.missing("start_time"));
        long end = f.seconds("end_time").orElseThrow(() -> f.missing("end_time"));
        if (rejectPastStart && start < now) {
            throw TencentMeetingError.invalid("invalid param: start_time is earlier than now");
        }
        if (end <= start) {
            throw TencentMeetingError.invalid("invalid param: end_time must be later than start_time");
        }
        m.movedOccurrences.put(key, new long[] {start, end});
        m.modifiedMillis = directory.nextModifiedMillis();
        return modifyAnswer(m);
    }

    private ObjectNode modifyAnswer(Meeting m) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("meeting_id", m.id);
        info.put("meeting_code", m.code);
        info.set("settings", m.settings == null ? TencentMeetingDirectory.object() : m.settings.deepCopy());
        info.put("enable_live", m.enableLive);
        if (m.enableLive) {
            info.set("live_config", TencentMeetingDirectory.object().put("live_addr", m.liveAddr()));
        }
        putIfPresent(info, "host_key", m.hostKey);
        return single(info);
    }

    // ---- cancel (POST /v1/meetings/{id}/cancel) ----

    ObjectNode cancel(String meetingId, Fields f) {
        String userid = f.requiredString("userid");
        TencentMeetingRules.instanceId(f.requiredInt("instanceid"));
        f.requiredInt("reason_code");
        f.string("reason_detail");
        long meetingType = f.integer("meeting_type").orElse(0L);
        if (meetingType != 0 && meetingType != 1) {
            throw TencentMeetingError.invalid("invalid param: meeting_type must be 0 or 1");
        }
        Optional<String> subMeeting = f.string("sub_meeting_id");
        directory.requireKnown("userid", userid);
        Meeting m = find(meetingId);
        // Doc 42422 (spec, corrections): cancelling a recurring meeting, whole or one sub-meeting, says meeting_type 1.
        if (m.recurring() && meetingType != 1) {
            throw TencentMeetingError.invalid("invalid param: meeting_type must be 1 to cancel a recurring meeting or one of its sub-meetings");
        }
        if (!m.creator.equals(userid) && !directory.isAdmin(userid)) {
            throw new TencentMeetingError(TencentMeetingError.NO_PERMISSION, "no permission to cancel the meeting");
        }
        if (m.cancelled) {
            throw new TencentMeetingError(TencentMeetingError.CANCELLED, "MEETING CANCLED");
        }
        String s = status(m);
        if (STARTED.equals(s)) {
            throw new TencentMeetingError(TencentMeetingError.ALREADY_STARTED, "meeting has started and cannot be cancelled");
        }
        requireNotOver(m);
        if (subMeeting.isPresent() && m.recurring()) {
            long key = occurrence(m, subMeeting.get());
            if (!m.cancelledOccurrences.add(key)) {
                throw new TencentMeetingError(TencentMeetingError.CANCELLED, "MEETING CANCLED");
            }
            if (m.occurrenceKeys().stream().allMatch(m.cancelledOccurrences::contains)) {
                m.cancelled = true;
            }
        } else {
            m.cancelled = true;
        }
        m.modifiedMillis = directory.nextModifiedMillis();
        return JsonNodeFactory.instance.objectNode();
    }

    // ---- shared ----

    /** Status values of spec §3.7, driven by the fake's clock and by who is in the meeting. */
    String status(Meeting m) {
        if (m.cancelled) {
            return CANCELLED;
        }
        if (m.endedByHost) {
            return ENDED;
        }
        if (m.someoneIn) {
            return STARTED;
        }
        long now = directory.nowSeconds();
        if (now >= m.seriesEnd()) {
            return now >= m.start + RECYCLE_AFTER && !m.recurring() ? RECYCLED : NULL;
        }
        return INIT;
    }

    Meeting find(String meetingId) {
        if (!meetingId.matches("\\d{1,20}")) {
            throw new TencentMeetingError(TencentMeetingError.MEETING_ID_INVALID, "invalid meetingId");
        }
        Meeting m = directory.meetings.get(meetingId);
        if (m == null) {
            throw new TencentMeetingError(TencentMeetingError.NOT_FOUND, "MEETING NOT EXIST");
        }
        return m;
    }

    /**
     * Who is asking on a query: {@code userid}, or {@code operator_id} with {@code operator_id_type}
     * (which wins when both are given; spec §3.2 says the docs and the SDK disagree, so both forms work).
     */
    String caller(Map<String, String> query) {
        String operator = query.get("operator_id");
        if (operator != null && !operator.isEmpty()) {
            String rawType = query.get("operator_id_type");
            if (rawType == null || rawType.isEmpty()) {
                throw TencentMeetingError.invalid("missing required param: operator_id_type");
            }
            long type = TencentMeetingRules.integer("operator_id_type", rawType);
            if (type < 1 || type > 3) {
                throw TencentMeetingError.invalid("invalid param: operator_id_type must be 1 (userid), 2 (openid) or 3 (rooms_id)");
            }
            if (type == 1) {
                directory.requireKnown("operator_id", operator);
            }
            return operator;
        }
        String userid = query.get("userid");
        if (userid == null || userid.isEmpty()) {
            throw TencentMeetingError.invalid("missing required param: userid or operator_id");
        }
        directory.requireKnown("userid", userid);
        return userid;
    }

    private void requireNotOver(Meeting m) {
        String s = status(m);
        if (m.cancelled) {
            throw new TencentMeetingError(TencentMeetingError.CANCELLED, "MEETING CANCLED");
        }
        if (ENDED.equals(s) || NULL.equals(s) || RECYCLED.equals(s)) {
            throw new TencentMeetingError(TencentMeetingError.ALREADY_ENDED, "meeting has ended");
        }
    }

    private static long occurrence(Meeting m, String subMeetingId) {
        if (!m.recurring() || !subMeetingId.matches("\\d{1,12}")
                || !m.occurrenceKeys().contains(Long.parseLong(subMeetingId))) {
            throw new TencentMeetingError(TencentMeetingError.NOT_FOUND, "sub meeting does not exist");
        }
        return Long.parseLong(subMeetingId);
    }

    /** The meeting object of query answers (spec §3.2). */
    private ObjectNode render(Meeting m, String caller) {
        long now = directory.nowSeconds();
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("subject", m.subject);
        info.put("meeting_id", m.id);
        info.put("meeting_code", m.code);
        putIfPresent(info, "password", m.password);
        if (m.password != null && !m.creator.equals(caller)) {
            info.put("need_password", true);
        }
        info.put("status", status(m));
        info.put("type", m.type);
        info.put("meeting_type", m.meetingType);
        info.put("join_url", m.joinUrl);
        info.put("start_time", Long.toString(m.start));
        info.put("end_time", Long.toString(m.end));
        info.set("hosts", directory.renderUsers(m.hosts));
        info.set("participants", directory.renderUsers(m.invitees));
        info.set("current_hosts", directory.renderUsers(m.someoneIn ? m.hosts : List.of()));
        info.set("current_co_hosts", JsonNodeFactory.instance.arrayNode());
        if (m.guests != null) {
            info.set("guests", m.guests.deepCopy());
        }
        info.set("settings", m.settings == null ? TencentMeetingDirectory.object() : m.settings.deepCopy());
        info.put("enable_live", m.enableLive);
        if (m.enableLive) {
            ObjectNode live = m.liveConfig == null ? TencentMeetingDirectory.object() : m.liveConfig.deepCopy();
            live.put("live_addr", m.liveAddr());
            info.set("live_config", live);
        }
        info.put("enable_host_key", m.enableHostKey);
        putIfPresent(info, "host_key", m.hostKey);
        info.setAll(m.extras.deepCopy());
        if (m.recurring()) {
            info.set("recurring_rule", m.rule.toJson());
            ArrayNode subs = info.putArray("sub_meetings");
            int remain = 0;
            String current = null;
            for (long key : m.occurrenceKeys()) {
                boolean cancelled = m.cancelledOccurrences.contains(key);
                ObjectNode sub = subs.addObject();
                sub.put("sub_meeting_id", Long.toString(key));
                sub.put("status", cancelled ? SUB_CANCELLED : SUB_SCHEDULED);
                sub.put("start_time", Long.toString(m.occurrenceStart(key)));
                sub.put("end_time", Long.toString(m.occurrenceEnd(key)));
                if (!cancelled && m.occurrenceEnd(key) > now) {
                    remain++;
                    if (current == null) {
                        current = Long.toString(key);
                    }
                }
            }
            info.put("has_more_sub_meeting", 0);
            info.put("remain_sub_meetings", remain);
            putIfPresent(info, "current_sub_meeting_id", current);
        }
        return info;
    }

    private static ObjectNode single(ObjectNode info) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("meeting_number", 1);
        out.putArray("meeting_info_list").add(info);
        return out;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** "开启主持人密钥后没有填写此项，将自动分配一个6位数字的密钥" (seed 002); derived from the id to stay reproducible. */
    private static String derivedHostKey(Meeting m) {
        return String.format("%06d", Math.floorMod(m.id.hashCode(), 1_000_000));
    }
}
