package dev.convene.simulator.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import dev.convene.simulator.zoom.ZoomSession.Occurrence;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoom's meetings and webinars, created, read, changed, deleted and ended ({@code POST /users/{userId}/meetings},
 * {@code GET|PATCH|DELETE /meetings/{meetingId}}, {@code PUT /meetings/{meetingId}/status} and their {@code /webinars}
 * twins, spec §3 and §4). One class serves both: Zoom's webinar endpoints mirror its meeting endpoints, and what differs
 * by kind (plan, settings, list filters, limits) is looked up by {@link Kind} here and in {@link ZoomRules}. Touched only
 * under the simulator's lock.
 */
final class Sessions {
    /** Pushes {@code meeting.<action>} (or {@code webinar.<action>}) about a session, {@code extra} joining its object. */
    interface Emitter {
        void emit(String action, ZoomSession session, ObjectNode extra);
    }

    static final Pattern NUMERIC = Pattern.compile("\\d{1,19}");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private final ObjectMapper json;
    private final ZoomSettings settings;
    private final ZoomDirectory directory;
    private final ZoomLimits limits;
    private final Clock clock;
    private final Random random;
    private final Emitter emitter;
    private final Map<Long, ZoomSession> byId = new LinkedHashMap<>();

    Sessions(ObjectMapper json, ZoomSettings settings, ZoomDirectory directory, ZoomLimits limits, Clock clock, Random random,
             Emitter emitter) {
        this.json = json;
        this.settings = settings;
        this.directory = directory;
        this.limits = limits;
        this.clock = clock;
        this.random = random;
        this.emitter = emitter;
    }

    /** Every session held, deleted ones included, by id in the order created. */
    Map<Long, ZoomSession> all() {
        return byId;
    }

    /**
     * A stored session by id (or UUID where allowed), or the documented "not found or has expired" (§3.2,
     * §4.2); a session hosted in another account than the one addressed is 400 / 1010.
     */
    private ZoomSession find(Kind kind, String idSegment, String accountId, boolean allowUuid, boolean includeDeleted) {
        String key = decodeId(idSegment);
        Optional<ZoomSession> found;
        if (NUMERIC.matcher(key).matches()) {
            found = Optional.ofNullable(byId.get(Long.parseLong(key)));
        } else if (allowUuid) {
            found = byId.values().stream().filter(s -> s.uuid.equals(key)).findFirst();
        } else {
            found = Optional.empty();
        }
        ZoomSession s = found.filter(x -> includeDeleted || (!x.deleted && !x.expired(clock.instant(), settings.clockDrivesStatus())))
                .orElseThrow(() -> notFound(kind, key));
        if (s.kind != kind) {
            // §4.2: asking the meeting endpoints about a webinar is "Cannot access webinar info."
            throw s.kind == Kind.WEBINAR ? ZoomError.of(400, 3000, "Cannot access webinar info.") : notFound(kind, key);
        }
        if (!s.accountId.equals(accountId)) {
            throw ZoomError.of(400, 1010, "User does not belong to this account:" + accountId + ".");
        }
        return s;
    }

    private static ZoomError notFound(Kind kind, String id) {
        return kind == Kind.WEBINAR
                ? ZoomError.of(404, 3001, "Webinar " + id + " not found or has expired.")
                : ZoomError.of(404, 3001, "Meeting " + id + " is not found or has expired.");
    }

    SimResponse create(Kind kind, User user, String accountId, RecordedRequest r) {
        ObjectNode body = body(r);
        requirePlan(kind, user);
        ZoomRules.check(kind, settings, body, false);
        User host = user;
        if (body.has("schedule_for")) {
            if (kind == Kind.MEETING && body.path("type").asInt(2) == 1) {
                throw ZoomError.of(400, 3000, "Instant meetings do not support the schedule_for parameter.");
            }
            host = scheduleFor(body.get("schedule_for").asText(), accountId);
            requirePlan(kind, host);
        }
        limits.countWrite(host);
        ZoomSession s = new ZoomSession(kind, newId(), newUuid(), accountId, clock.instant(), secret());
        s.hostId = host.id();
        s.type = body.path("type").asInt(kind == Kind.WEBINAR ? 5 : 2);
        s.topic = body.path("topic").asText(kind == Kind.WEBINAR ? "Zoom Webinar" : "Zoom Meeting");
        s.timezone = body.path("timezone").asText(host.timezone());
        ZoneId zone = ZoneId.of(s.timezone);
        s.start = body.has("start_time") && !s.instant()
                ? ZoomTimes.parse(body.get("start_time").asText(), zone).orElseThrow()
                : clock.instant();
        s.duration = body.path("duration").asInt(60);
        s.password = body.path("password").asText("");
        s.agenda = body.path("agenda").asText("");
        s.settings = defaultSettings(kind, host);
        mergeSettings(s, body);
        s.trackingFields = body.has("tracking_fields") ? (ArrayNode) body.get("tracking_fields").deepCopy() : json.createArrayNode();
        s.simulive = body.path("is_simulive").asBoolean(false);
        s.recordFileId = body.has("record_file_id") ? body.get("record_file_id").asText() : null;
        s.preSchedule = body.path("pre_schedule").asBoolean(false);
        if (s.recurringWithFixedTime()) {
            if (!body.has("recurrence")) {
                throw ZoomError.validation(List.of(new ZoomError.FieldError("recurrence", "Required for recurring sessions with a fixed time.")));
            }
            s.recurrence = normalisedRecurrence((ObjectNode) body.get("recurrence"));
            s.occurrences = occurrences(s);
        }
        byId.put(s.id, s);
        emitter.emit("created", s, null);
        return SimResponse.json(201, s.render(json, host, clock.instant(), settings.clockDrivesStatus(), false, null, false).toString());
    }

    SimResponse get(Kind kind, String id, String accountId, RecordedRequest r) {
        boolean uuid = kind == Kind.WEBINAR || settings.meetingGetAcceptsUuid();
        ZoomSession s = find(kind, id, accountId, uuid, false);
        boolean showPrevious = booleanQuery(r, "show_previous_occurrences");
        Occurrence occurrence = r.query("occurrence_id").map(o -> s.occurrence(o)
                .orElseThrow(() -> ZoomError.of(400, 3000, "Invalid occurrence_id."))).orElse(null);
        User host = directory.userById(s.hostId).orElseThrow();
        return SimResponse.json(200, s.render(json, host, clock.instant(), settings.clockDrivesStatus(), true, occurrence, showPrevious).toString());
    }

    SimResponse update(Kind kind, String id, String accountId, RecordedRequest r) {
        ZoomSession s = find(kind, id, accountId, false, false);
        ObjectNode body = body(r);
        User host = directory.userById(s.hostId).orElseThrow();
        requirePlan(s.kind, host);
        Optional<String> occurrenceId = r.query("occurrence_id");
        ZoomRules.check(s.kind, settings, body, occurrenceId.isPresent());
        refuseIfStarted(s);
        limits.countWrite(host);
        if (occurrenceId.isPresent()) {
            Occurrence o = s.occurrence(occurrenceId.get()).orElseThrow(() -> ZoomError.of(400, 3000, "Invalid occurrence_id."));
            if (body.has("start_time")) {
                o.start = ZoomTimes.parse(body.get("start_time").asText(), ZoneId.of(s.timezone)).orElseThrow();
            }
            o.duration = body.path("duration").asInt(o.duration);
            o.agenda = body.has("agenda") ? body.get("agenda").asText() : o.agenda;
            mergeSettings(s, body);
            s.verbatim = null;
            emitter.emit("updated", s, null);
            return SimResponse.empty(204);
        }
        ZoomSession draft = copyForUpdate(s);
        if (body.has("schedule_for")) {
            User newHost = scheduleFor(body.get("schedule_for").asText(), accountId);
            requirePlan(s.kind, newHost);
            draft.hostId = newHost.id();
        }
        draft.topic = body.path("topic").asText(s.topic);
        draft.agenda = body.path("agenda").asText(s.agenda);
        draft.password = body.path("password").asText(s.password);
        draft.duration = body.path("duration").asInt(s.duration);
        draft.type = body.path("type").asInt(s.type);
        draft.timezone = body.path("timezone").asText(s.timezone);
        if (body.has("start_time")) {
            Instant start = ZoomTimes.parse(body.get("start_time").asText(), ZoneId.of(draft.timezone)).orElseThrow();
            // §4.3: a past start_time is silently ignored for meetings, and so is a new time for a recurring
            // meeting that does not restate its recurrence.
            boolean ignored = s.kind == Kind.MEETING
                    && (start.isBefore(clock.instant()) || (draft.recurringWithFixedTime() && !body.has("recurrence")));
            if (!ignored) {
                draft.start = start;
            }
        }
        if (body.has("tracking_fields")) {
            draft.trackingFields = (ArrayNode) body.get("tracking_fields").deepCopy();
        }
        draft.simulive = body.path("is_simulive").asBoolean(s.simulive);
        if (body.has("record_file_id")) {
            draft.recordFileId = body.get("record_file_id").asText();
        }
        draft.preSchedule = body.path("pre_schedule").asBoolean(s.preSchedule);
        mergeSettings(draft, body);
        if (draft.recurringWithFixedTime()) {
            if (body.has("recurrence")) {
                draft.recurrence = normalisedRecurrence((ObjectNode) body.get("recurrence"));
            } else if (draft.recurrence == null) {
                throw ZoomError.validation(List.of(new ZoomError.FieldError("recurrence", "Required for recurring sessions with a fixed time.")));
            }
            draft.occurrences = occurrences(draft);
        } else {
            draft.recurrence = null;
            draft.occurrences = new ArrayList<>();
        }
        draft.verbatim = null;
        byId.put(draft.id, draft);
        emitter.emit("updated", draft, null);
        return SimResponse.empty(204);
    }

    SimResponse delete(Kind kind, String id, String accountId, RecordedRequest r) {
        ZoomSession s = find(kind, id, accountId, false, false);
        for (String flag : List.of("cancel_webinar_reminder", "cancel_meeting_reminder", "schedule_for_reminder")) {
            booleanQuery(r, flag);
        }
        Instant now = clock.instant();
        boolean clock = settings.clockDrivesStatus();
        String noun = s.kind == Kind.WEBINAR ? "webinar" : "meeting";
        Optional<String> occurrenceId = r.query("occurrence_id");
        if (occurrenceId.isPresent()) {
            Occurrence o = s.occurrence(occurrenceId.get()).orElseThrow(() -> ZoomError.of(400, 3000, "Invalid occurrence_id."));
            if (clock && !now.isBefore(o.start) && now.isBefore(o.end())) {
                throw ZoomError.of(400, 3002, "Sorry, you cannot delete this " + noun + " since it is in progress.");
            }
            if (clock && !now.isBefore(o.end())) {
                throw ZoomError.of(400, 3007, "Sorry, you cannot delete this " + noun + " since it has ended.");
            }
            o.deleted = true;
            s.verbatim = null;
            // one occurrence gone: the object names it, and the series goes on
            ObjectNode gone = json.createObjectNode();
            gone.putArray("occurrences").addObject().put("occurrence_id", o.id).put("start_time", ZoomTimes.format(o.start));
            emitter.emit("deleted", s, gone);
            return SimResponse.empty(204);
        }
        refuseIfStarted(s);
        if (s.live(now, clock)) {
            throw ZoomError.of(400, 3002, "Sorry, you cannot delete this " + noun + " since it is in progress.");
        }
        if (s.ended(now, clock)) {
            throw ZoomError.of(400, 3007, "Sorry, you cannot delete this " + noun + " since it has ended.");
        }
        s.deleted = true;
        emitter.emit("deleted", s, null);
        return SimResponse.empty(204);
    }

    SimResponse status(Kind kind, String id, String accountId, RecordedRequest r) {
        ObjectNode body = body(r);
        String action = body.path("action").isTextual() ? body.get("action").asText() : "";
        Set<String> allowed = kind == Kind.WEBINAR ? Set.of("end") : Set.of("end", "recover");
        if (!allowed.contains(action)) {
            throw ZoomError.invalidField("action");
        }
        ZoomSession s = find(kind, id, accountId, false, action.equals("recover"));
        if (action.equals("recover")) {
            s.deleted = false;
            emitter.emit("recovered", s, null);
        } else {
            if (s.deleted) {
                throw notFound(s.kind, Long.toString(s.id));
            }
            s.endedByHand = clock.instant();
            emitter.emit("ended", s, null);
        }
        return SimResponse.empty(204);
    }

    private ObjectNode body(RecordedRequest r) {
        String type = r.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (r.body().length == 0 || !type.startsWith("application/json")) {
            throw ZoomError.notJson();
        }
        try {
            JsonNode node = json.readTree(r.body());
            if (node == null || !node.isObject()) {
                throw ZoomError.notJson();
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw ZoomError.notJson();
        } catch (java.io.IOException e) {
            throw ZoomError.notJson();
        }
    }

    static void requirePlan(Kind kind, User user) {
        if (kind == Kind.WEBINAR && !user.webinarPlan()) {
            throw ZoomError.of(400, 200, "Webinar plan is missing. You must subscribe to the webinar plan and enable webinar for this user in order to perform this action.");
        }
        if (kind == Kind.MEETING && !user.canHost()) {
            throw ZoomError.of(400, 3161, "Meeting hosting and scheduling capabilities are not allowed for your user account.");
        }
    }

    private User scheduleFor(String who, String accountId) {
        return directory.user(who).filter(u -> u.accountId().equals(accountId))
                .orElseThrow(() -> ZoomError.of(400, 300, "Invalid schedule_for user: " + who + "."));
    }

    /** §3.3 / §4.3: a live meeting, or a simulive webinar that has started, cannot be changed with these endpoints. */
    private void refuseIfStarted(ZoomSession s) {
        Instant now = clock.instant();
        boolean clock = settings.clockDrivesStatus();
        if (s.kind == Kind.WEBINAR && s.simulive && (s.live(now, clock) || s.ended(now, clock))) {
            throw ZoomError.of(400, 3000, "You cannot update or delete simulive webinars that have started using this method.");
        }
        if (s.kind == Kind.MEETING && s.live(now, clock)) {
            throw ZoomError.of(400, 3000, "You cannot update or delete meetings that have started using this method.");
        }
    }

    private ObjectNode defaultSettings(Kind kind, User host) {
        ObjectNode s = json.createObjectNode();
        s.put("host_video", false);
        if (kind == Kind.WEBINAR) {
            s.put("panelists_video", false).put("practice_session", false).put("hd_video", false)
                    .put("hd_video_for_attendees", false).put("send_1080p_video_to_attendees", false)
                    .put("on_demand", false).put("registrants_restrict_number", 0).put("email_language", "en-US")
                    .put("contact_email", host.email()).put("registrants_confirmation_email", true);
        } else {
            s.put("participant_video", false).put("join_before_host", false).put("jbh_time", 0)
                    .put("mute_upon_entry", false).put("waiting_room", false).put("use_pmi", false)
                    .put("private_meeting", false).put("email_notification", true).put("cn_meeting", false)
                    .put("in_meeting", false).put("watermark", false);
        }
        s.put("approval_type", 2).put("registration_type", 1).put("audio", "both").put("auto_recording", "none")
                .put("alternative_hosts", "").put("meeting_authentication", false);
        return s;
    }

    /** Known settings are merged key by key (a PATCH is partial); unknown ones are dropped as Zoom drops them. */
    private static void mergeSettings(ZoomSession s, ObjectNode body) {
        JsonNode given = body.get("settings");
        if (given == null) {
            return;
        }
        Set<String> known = ZoomRules.knownSettings(s.kind);
        given.fields().forEachRemaining(e -> {
            if (known.contains(e.getKey())) {
                s.settings.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    private ObjectNode normalisedRecurrence(ObjectNode given) {
        ObjectNode r = given.deepCopy();
        if (!r.has("repeat_interval")) {
            r.put("repeat_interval", 1);
        }
        if (r.path("type").asInt() == ZoomRecurrence.WEEKLY && !r.has("weekly_days")) {
            r.put("weekly_days", "1");
        }
        if (!r.has("end_times") && !r.has("end_date_time")) {
            r.put("end_times", 1);
        }
        return r;
    }

    private List<Occurrence> occurrences(ZoomSession s) {
        int max = settings.maxOccurrences(s.kind);
        List<Instant> starts = ZoomRecurrence.expand(s.recurrence, s.start, ZoneId.of(s.timezone), max + 1);
        if (starts.isEmpty() || starts.size() > max) {
            throw ZoomError.of(400, 300, "Invalid recurrence settings.");
        }
        List<Occurrence> out = new ArrayList<>();
        starts.forEach(st -> out.add(new Occurrence(st, s.duration)));
        return out;
    }

    /** Updates are built on a copy so a refused update leaves the stored session untouched. */
    private ZoomSession copyForUpdate(ZoomSession s) {
        ZoomSession c = new ZoomSession(s.kind, s.id, s.uuid, s.accountId, s.createdAt, s.joinSecret);
        c.hostId = s.hostId;
        c.topic = s.topic;
        c.type = s.type;
        c.start = s.start;
        c.duration = s.duration;
        c.timezone = s.timezone;
        c.password = s.password;
        c.agenda = s.agenda;
        c.settings = s.settings.deepCopy();
        c.recurrence = s.recurrence == null ? null : s.recurrence.deepCopy();
        c.trackingFields = s.trackingFields.deepCopy();
        c.simulive = s.simulive;
        c.recordFileId = s.recordFileId;
        c.preSchedule = s.preSchedule;
        c.occurrences = s.occurrences;
        c.startedByHand = s.startedByHand;
        c.endedByHand = s.endedByHand;
        c.pinned = s.pinned;
        return c;
    }

    private static boolean booleanQuery(RecordedRequest r, String name) {
        Optional<String> v = r.query(name);
        if (v.isPresent() && !v.get().equals("true") && !v.get().equals("false")) {
            throw ZoomError.invalidField(name);
        }
        return v.map(Boolean::parseBoolean).orElse(false);
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /**
     * §2: a UUID that starts with {@code /} or contains {@code //} must be double-encoded; a single-encoded
     * one would be mangled by Zoom's proxies, so the fake does not find it.
     */
    private static String decodeId(String segment) {
        String once = decode(segment);
        if (PERCENT.matcher(once).find()) {
            return decode(once);
        }
        if (once.startsWith("/") || once.contains("//")) {
            return "\u0000unreachable";
        }
        return once;
    }

    private long newId() {
        long id;
        do {
            id = 10_000_000_000L + (long) (random.nextDouble() * 89_999_999_999L);
        } while (byId.containsKey(id));
        return id;
    }

    private String newUuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    String secret() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    void loadSeedWebinar() {
        try {
            ObjectNode seed = (ObjectNode) json.readTree(ZoomSeed.WEBINAR_97871060099);
            ZoomSession s = new ZoomSession(Kind.WEBINAR, seed.get("id").asLong(), seed.get("uuid").asText(), ZoomSimulator.SEED_ACCOUNT_ID,
                    Instant.parse(seed.get("created_at").asText()), "seed");
            s.hostId = seed.get("host_id").asText();
            s.topic = seed.get("topic").asText();
            s.type = seed.get("type").asInt();
            s.start = Instant.parse(seed.get("start_time").asText());
            s.duration = seed.get("duration").asInt();
            s.timezone = seed.get("timezone").asText();
            s.password = seed.get("password").asText();
            s.agenda = seed.get("agenda").asText();
            s.settings = (ObjectNode) seed.get("settings").deepCopy();
            s.recurrence = (ObjectNode) seed.get("recurrence").deepCopy();
            s.trackingFields = (ArrayNode) seed.get("tracking_fields").deepCopy();
            s.simulive = seed.get("is_simulive").asBoolean();
            s.recordFileId = seed.get("record_file_id").asText();
            for (JsonNode o : seed.get("occurrences")) {
                s.occurrences.add(new Occurrence(Instant.parse(o.get("start_time").asText()), o.get("duration").asInt()));
            }
            s.verbatim = seed;
            s.pinned = true;
            byId.put(s.id, s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed 004 example does not parse", e);
        }
    }
}
