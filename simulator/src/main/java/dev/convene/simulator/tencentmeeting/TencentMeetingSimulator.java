package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.HttpSimulator;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.Routes;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.StoredSession;
import dev.convene.simulator.VendorError;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A faithful fake of the Tencent Meeting REST API ({@code /v1/meetings}, {@code /v1/webinars}),
 * written from {@code specs/tencentmeeting.md} and seed 002.
 *
 * <p>Every request is authenticated as the vendor does (spec §1): the {@code X-TC-*} header set,
 * {@code AppId} and {@code SdkId} (190303), a 5-minute timestamp window on the simulator clock
 * (190300), nonce replay within 5 minutes (190301), and the signature rebuilt from the raw bytes
 * received — raw path and query, raw body — (200003 {@code Signature failed!}); also before a busy,
 * rate-limit, server-error or malformed-JSON fault answers in the vendor's stead. Errors always carry
 * {@code {"error_info":{"error_code","new_error_code","message"}}} and every answer carries an
 * {@code X-TC-Trace} header.
 *
 * <p>TencentMeetingSettings ({@link SimulatorOptions#settings()}); UNCONFIRMED vendor behaviour defaults to the
 * stricter choice:
 * <ul>
 *   <li>{@code app-id}, {@code secret-id}, {@code secret-key}: the one app's credentials (defaults are made up).</li>
 *   <li>{@code sdk-id}: the SdkId assigned to the app; unset (default) means requests must not carry one.</li>
 *   <li>{@code organizer}: the userid {@link #properties()} hands out (default {@code tester}, from seed 002).</li>
 *   <li>{@code users}: extra userids for the address book, comma-separated (seed and spec users are always there).</li>
 *   <li>{@code admins}: enterprise admins who may modify and cancel anyone's meetings (default {@code admin}).</li>
 *   <li>{@code require-registered} (default true): {@code X-TC-Registered: 1} is required on every request,
 *       else 200003 (Tencent lists a registered mismatch among the causes of 200003).</li>
 *   <li>{@code require-json-content-type} (default true): {@code Content-Type} must be {@code application/json}
 *       (parameters such as {@code charset=utf-8} allowed), else 190004.</li>
 *   <li>{@code reject-past-start} (default true): a scheduled meeting may not start before now.</li>
 *   <li>{@code max-recurring-per-user} (default 50): live recurring meetings per creator ("最多可预定50场周期性会议").</li>
 *   <li>{@code webinar-min-lead-minutes} (default 30): a webinar must start at least this far ahead
 *       (the doc's wording is ambiguous; {@code -30} gives the lenient reading).</li>
 *   <li>{@code webinar-strict-password} (default true): a webinar password with an admission type other than 2 is refused.</li>
 *   <li>{@code webinar-page-fields-need-activity-page} (default true): {@code description}/{@code cover_url} need {@code activity_page=true}.</li>
 *   <li>{@code user-list-request} ({@code any} default, {@code objects}, {@code strings}): which forms of
 *       {@code hosts}/{@code invitees} are accepted (the seed's table says objects, its example strings).</li>
 *   <li>{@code user-list-response} ({@code strings} default as in seed 002's output, or {@code objects}).</li>
 *   <li>{@code rate-limit-per-minute}, {@code rate-limit-per-day} (default 0 = off; the vendor's are 300 and
 *       200,000): authenticated calls per app before 190310 / 190311; the daily one only while
 *       the daily limits are on ({@link SimulatorOptions#dailyLimits()}, {@link #dailyLimits(boolean)}).</li>
 *   <li>{@code create-limit-per-hour} (default 0 = off; the vendor's is 2,000): creates per user before 500029.</li>
 *   <li>{@code status.<code>}: the HTTP status for a vendor error code, overriding the built-in table.</li>
 * </ul>
 *
 * <p>Tencent's AK/SK scheme has no tokens, so {@link #revokeTokens()} and {@link #expireTokens()} do nothing.
 */
public final class TencentMeetingSimulator extends HttpSimulator {
    public static final String VENDOR = "tencentmeeting";
    private static final String MEETINGS = "/v1/meetings";
    private static final String MEETING_CANCEL = MEETINGS + "/{id}/cancel";
    private static final String WEBINARS = "/v1/webinars";
    static final long WINDOW_SECONDS = 300;
    private static final String AUTH_MESSAGE =
            "鉴权失败:请检查请求头公共参数里字段AppId和X-TC-Key内容是否正确,字段SdkId如未分配不要携带。";
    private static final String SIGNATURE_MESSAGE = "Signature failed!";

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final TencentMeetingSettings settings;
    private final String appId;
    private final String secretId;
    private final String secretKey;
    private final Optional<String> sdkId;
    private final String organizer;
    private final boolean requireRegistered;
    private final boolean requireJson;
    private final long perMinute;
    private final long perDay;
    private final Map<Integer, Integer> statusOverrides;
    private final TencentMeetingDirectory directory;
    private final Meetings meetings;
    private final Webinars webinars;
    /** (key, timestamp, nonce) seen → until when a repeat counts as a replay (epoch seconds). */
    private final Map<String, Long> nonces = new HashMap<>();
    /** The same entries by expiry, so that dropping expired ones costs only what expired (not a scan of the last 5 minutes). */
    private final java.util.PriorityQueue<Map.Entry<String, Long>> nonceExpiry = new java.util.PriorityQueue<>(Map.Entry.comparingByValue());
    private long minute = -1;
    private long callsThisMinute;
    private long day = -1;
    private long callsToday;
    private long traces;
    private final TencentMeetingEvents events;
    private final Routes<Endpoint> routes = new Routes<>();

    /** One endpoint of spec §3–4: its answer to a request whose path names {@code id} (null where it names none). */
    private interface Endpoint {
        JsonNode answer(RecordedRequest request, String id);
    }

    public TencentMeetingSimulator(SimulatorOptions options) {
        super(VENDOR, options);
        settings = new TencentMeetingSettings(options);
        appId = settings.string("app-id", "200000001");
        secretId = settings.string("secret-id", "AKIDsimulatorTencentMeeting0001");
        secretKey = settings.string("secret-key", "simulator-secret-key-tencent-meeting");
        sdkId = settings.optional("sdk-id");
        organizer = settings.string("organizer", "tester");
        requireRegistered = settings.flag("require-registered", true);
        requireJson = settings.flag("require-json-content-type", true);
        perMinute = settings.number("rate-limit-per-minute", 0);
        perDay = settings.number("rate-limit-per-day", 0);
        statusOverrides = settings.statusOverrides();
        directory = new TencentMeetingDirectory(options.clock(), settings, seed());
        directory.users.add(organizer);
        meetings = new Meetings(directory, settings.flag("reject-past-start", true),
                settings.number("max-recurring-per-user", 50));
        webinars = new Webinars(directory, settings.number("webinar-min-lead-minutes", 30) * 60,
                settings.flag("webinar-strict-password", true), settings.flag("webinar-page-fields-need-activity-page", true));
        java.util.Random eventRandom = new java.util.Random(seed() ^ 0x5EED_E7E7L);
        events = new TencentMeetingEvents(settings.optional("event-token").orElseGet(() -> TencentMeetingEvents.newToken(eventRandom)),
                settings.optional("event-aes-key"), eventRandom);

        routes.add("POST", MEETINGS, Operation.CREATE, (r, id) -> {
                    JsonNode answer = meetings.create(body(r));
                    answer.path("meeting_info_list").forEach(i -> emit("meeting.created", i.path("meeting_id").asText()));
                    return answer;
                })
                .add("GET", MEETINGS, Operation.LIST, (r, id) -> {
                    Map<String, String> query = r.queryParameters();
                    return query.containsKey("meeting_code") ? meetings.getByCode(query.get("meeting_code"), query) : meetings.list(query);
                })
                .add("GET", MEETINGS + "/{id}", Operation.GET, (r, id) -> meetings.get(id, r.queryParameters()))
                .add("PUT", MEETINGS + "/{id}", Operation.UPDATE, emitting("meeting.updated", (r, id) -> meetings.modify(id, body(r))))
                .add("POST", MEETING_CANCEL, Operation.CANCEL, emitting("meeting.canceled", (r, id) -> meetings.cancel(id, body(r))))
                .add("POST", WEBINARS, Operation.CREATE, (r, id) -> {
                    JsonNode answer = webinars.create(body(r));
                    emit("meeting.created", answer.path("meeting_id").asText());
                    return answer;
                })
                .add("GET", WEBINARS, Operation.GET, (r, id) -> webinars.query(r.queryParameters()))
                .add("PUT", WEBINARS + "/{id}", Operation.UPDATE, emitting("meeting.updated", (r, id) -> webinars.modify(id, body(r))))
                .add("POST", WEBINARS + "/{id}/cancel", Operation.CANCEL, emitting("meeting.canceled", (r, id) -> webinars.cancel(id, body(r))));
    }

    /** An endpoint that changes the meeting or webinar its path names, then pushes {@code event} about it. */
    private Endpoint emitting(String event, Endpoint endpoint) {
        return (r, id) -> {
            JsonNode answer = endpoint.answer(r, id);
            emit(event, id);
            return answer;
        };
    }

    // ---- the vendor-neutral control surface ----

    @Override
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("convene.provider", VENDOR);
        p.put("convene.tencentmeeting.app-id", appId);
        sdkId.ifPresent(s -> p.put("convene.tencentmeeting.sdk-id", s));
        p.put("convene.tencentmeeting.secret-id", secretId);
        p.put("convene.tencentmeeting.secret-key", secretKey);
        p.put("convene.tencentmeeting.organizer", organizer);
        p.put("convene.tencentmeeting.instance-id", "1");
        p.put("convene.tencentmeeting.base-url", baseUrl().toString());
        // the client paces under what this fake enforces, and not at all when it enforces nothing
        p.put("convene.tencentmeeting.rate-limits", perMinute > 0 ? perMinute + "/PT1M" : "none");
        return p;
    }

    /** A SecretKey the app does not have: every request fails with 200003. */
    @Override
    public Map<String, String> propertiesWithBadCredentials() {
        Map<String, String> p = properties();
        p.put("convene.tencentmeeting.secret-key", secretKey + "-wrong");
        return p;
    }

    @Override
    public List<StoredSession> sessions() {
        return locked(() -> {
            List<StoredSession> out = new ArrayList<>();
            directory.meetings.values().forEach(m -> out.add(new StoredSession(m.id, m.enableLive ? "live_stream" : "meeting",
                    m.subject, Instant.ofEpochSecond(m.start), meetings.status(m), m.cancelled)));
            directory.webinars.values().forEach(w -> out.add(new StoredSession(w.id, "webinar",
                    w.subject, Instant.ofEpochSecond(w.start), webinars.status(w), w.cancelled)));
            return out;
        });
    }

    @Override
    public void revokeTokens() {
        // No tokens: every request is signed with the SecretKey.
    }

    @Override
    public void expireTokens() {
        // No tokens: every request is signed with the SecretKey.
    }

    // ---- Tencent-specific controls ----

    public String appId() {
        return appId;
    }

    public String secretId() {
        return secretId;
    }

    /** The userid {@link #properties()} configures as organizer. */
    public String organizer() {
        return organizer;
    }

    @Override
    protected TencentMeetingEvents eventChannel() {
        return events;
    }

    /** The host enters the meeting or webinar: {@code MEETING_STATE_STARTED}, {@code meeting.started}. */
    @Override
    public void hostStarts(String meetingId) {
        inApp(meetingId, "meeting.started", m -> m.someoneIn = true, w -> w.someoneIn = true);
    }

    /** The host ends the meeting or webinar: {@code MEETING_STATE_ENDED}, {@code meeting.end}. */
    @Override
    public void hostEnds(String meetingId) {
        inApp(meetingId, "meeting.end", m -> {
            m.someoneIn = false;
            m.endedByHost = true;
        }, w -> {
            w.someoneIn = false;
            w.endedByHost = true;
        });
    }

    /** {@code meeting.canceled}, the name events.md marks unconfirmed. */
    @Override
    public void hostCancels(String meetingId) {
        inApp(meetingId, "meeting.canceled", m -> m.cancelled = true, w -> w.cancelled = true);
    }

    @Override
    public void hostMoves(String meetingId, Instant start) {
        long to = start.getEpochSecond();
        inApp(meetingId, "meeting.updated", m -> {
            m.end = to + (m.end - m.start);
            m.start = to;
            m.modifiedMillis = directory.nextModifiedMillis();
        }, w -> {
            w.end = to + (w.end - w.start);
            w.start = to;
        });
    }

    /** Someone enters: the meeting or webinar is {@code MEETING_STATE_STARTED}, {@code meeting.participant-joined}. */
    @Override
    public void participantJoins(String meetingId, String participant) {
        inApp(meetingId, "meeting.participant-joined", m -> m.someoneIn = true, w -> w.someoneIn = true);
    }

    private void inApp(String meetingId, String event, java.util.function.Consumer<Meeting> meeting, java.util.function.Consumer<Webinar> webinar) {
        locked(() -> {
            Meeting m = directory.meetings.get(meetingId);
            if (m != null) {
                meeting.accept(m);
            } else {
                webinar.accept(webinars.find(meetingId));
            }
            emit(event, meetingId);
            return null;
        });
    }

    /** Pushes {@code event} about the meeting or webinar {@code id} as it is now; a webinar is meeting_type 6 in events. */
    private void emit(String event, String id) {
        Meeting m = directory.meetings.get(id);
        Webinar w = m == null ? directory.webinars.get(id) : null;
        if (m != null) {
            push(event, id, events.payload(event, m.creator, now(), id, m.code, m.subject, m.creator, m.hosts, m.meetingType, m.start, m.end));
        } else if (w != null) {
            push(event, id, events.payload(event, w.creator, now(), id, w.code, w.subject, w.creator, w.hosts, 6, w.start, w.end));
        }
    }

    /** Adds users to the enterprise address book. */
    public void addUsers(String... userids) {
        locked(() -> directory.users.addAll(List.of(userids)));
    }

    // ---- HTTP ----

    @Override
    protected Routes<Endpoint> routes() {
        return routes;
    }

    @Override
    protected SimResponse handle(RecordedRequest request) {
        Optional<Routes.Match<Endpoint>> route = routes.find(request.method(), request.rawPath());
        try {
            authenticate(request);
            countCall();
            Optional<VendorError> scripted = takeScriptedError(request.operation());
            if (scripted.isPresent()) {
                return scripted(route, scripted.get());
            }
            Routes.Match<Endpoint> found = route.orElseThrow(
                    () -> new TencentMeetingError(TencentMeetingError.INVALID_PARAMS, "no such API: " + request.method() + " " + request.rawPath()));
            return ok(found.handler().answer(request, found.param("id")));
        } catch (TencentMeetingError e) {
            return error(route, e.code, e.getMessage());
        }
    }

    /** A fault answers only what got past authentication, whose nonce is then used up like any other's. */
    @Override
    protected Optional<SimResponse> beforeFault(RecordedRequest request) {
        try {
            authenticate(request);
            return Optional.empty();
        } catch (TencentMeetingError e) {
            return Optional.of(error(routes.find(request.method(), request.rawPath()), e.code, e.getMessage()));
        }
    }

    @Override
    protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
        Optional<Routes.Match<Endpoint>> route = routes.find(request.method(), request.rawPath());
        return locked(() -> switch (kind) {
            case RATE_LIMITED -> error(route, TencentMeetingError.RATE_MINUTE, "api call frequency exceeds the per-minute limit");
            case BUSY -> error(route, TencentMeetingError.BUSY, "network error, please retry later");
            default -> error(route, TencentMeetingError.INTERNAL, "internal error");
        });
    }

    /** Spec §1 and "What a fake server must enforce" 1–4, in the order a gateway would check them. */
    private void authenticate(RecordedRequest r) {
        String key = r.header("X-TC-Key").orElse("");
        String app = r.header("AppId").orElse("");
        String sdk = r.header("SdkId").orElse("");
        if (!key.equals(secretId) || !app.equals(appId) || !sdk.equals(sdkId.orElse(""))) {
            throw new TencentMeetingError(TencentMeetingError.AUTH_FAILED, AUTH_MESSAGE);
        }
        String timestamp = r.header("X-TC-Timestamp").orElse("");
        if (!timestamp.matches("\\d{1,12}")) {
            throw new TencentMeetingError(TencentMeetingError.TIMESTAMP_WINDOW, "X-TC-Timestamp must be Unix seconds");
        }
        long now = now().getEpochSecond();
        long ts = Long.parseLong(timestamp);
        if (Math.abs(now - ts) > WINDOW_SECONDS) {
            throw new TencentMeetingError(TencentMeetingError.TIMESTAMP_WINDOW, "X-TC-Timestamp is more than 5 minutes away from server time");
        }
        String nonce = r.header("X-TC-Nonce").orElse("");
        if (!nonce.matches("[1-9]\\d{0,19}")) {
            throw TencentMeetingError.invalid("invalid header X-TC-Nonce: must be a positive integer");
        }
        String presented = r.header("X-TC-Signature").orElse("");
        byte[] toSign = TencentMeetingSignature.stringToSign(r.method(), key, nonce, timestamp, r.rawUri(), r.body());
        if (!TencentMeetingSignature.matches(TencentMeetingSignature.sign(secretKey, toSign), presented)) {
            throw new TencentMeetingError(TencentMeetingError.SIGNATURE_FAILED, SIGNATURE_MESSAGE);
        }
        while (!nonceExpiry.isEmpty() && nonceExpiry.peek().getValue() < now) {
            Map.Entry<String, Long> expired = nonceExpiry.poll();
            nonces.remove(expired.getKey(), expired.getValue());
        }
        String seen = key + "|" + timestamp + "|" + nonce;
        long until = Math.max(now, ts) + WINDOW_SECONDS;
        if (nonces.putIfAbsent(seen, until) != null) {
            throw new TencentMeetingError(TencentMeetingError.REPLAY, "request replayed: X-TC-Nonce and X-TC-Timestamp already used");
        }
        nonceExpiry.add(Map.entry(seen, until));
        if (requireRegistered && !"1".equals(r.header("X-TC-Registered").orElse(""))) {
            throw new TencentMeetingError(TencentMeetingError.SIGNATURE_FAILED, SIGNATURE_MESSAGE);
        }
        if (requireJson && !isJson(r.header("Content-Type").orElse(""))) {
            throw TencentMeetingError.invalid("Content-Type must be application/json");
        }
    }

    private static boolean isJson(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
    }

    /** Spec §5: 300 calls/minute and 200,000/day per app, when switched on. */
    private void countCall() {
        long now = now().getEpochSecond();
        if (now / 60 != minute) {
            minute = now / 60;
            callsThisMinute = 0;
        }
        if (now / 86_400 != day) {
            day = now / 86_400;
            callsToday = 0;
        }
        if (perMinute > 0 && callsThisMinute >= perMinute) {
            throw new TencentMeetingError(TencentMeetingError.RATE_MINUTE, "api call frequency exceeds the per-minute limit");
        }
        if (perDay > 0 && dailyLimitsOn() && callsToday >= perDay) {
            throw new TencentMeetingError(TencentMeetingError.RATE_DAY, "api call count exceeds the daily limit");
        }
        callsThisMinute++;
        callsToday++;
    }

    /**
     * A scripted failure, answered once the gateway's checks passed: {@code error_info} with the code (internal error
     * for a bare status) at the status given, else the one this fake's table gives the code.
     */
    private SimResponse scripted(Optional<Routes.Match<Endpoint>> route, VendorError e) {
        int code = e.code().orElse(TencentMeetingError.INTERNAL);
        SimResponse answer = error(route, code, e.message().orElse(e.code().isPresent() ? "scripted failure" : "internal error"));
        return e.status().isPresent() ? new SimResponse(e.status().getAsInt(), answer.headers(), answer.body()) : answer;
    }

    private Fields body(RecordedRequest r) {
        JsonNode node;
        try {
            node = mapper.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw TencentMeetingError.invalid("failed to unmarshal req body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw TencentMeetingError.invalid("failed to unmarshal req body: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw TencentMeetingError.invalid("failed to unmarshal req body: unexpected end of JSON input");
        }
        if (!node.isObject()) {
            throw TencentMeetingError.invalid("failed to unmarshal req body: json: cannot unmarshal " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                    + " into Go value of type request");
        }
        return Fields.of((ObjectNode) node);
    }

    private SimResponse ok(JsonNode body) {
        return SimResponse.json(200, body.toString()).withHeader("X-TC-Trace", nextTrace());
    }

    private SimResponse error(Optional<Routes.Match<Endpoint>> route, int code, String message) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.putObject("error_info")
                .put("error_code", code)
                .put("new_error_code", newErrorCode(code))
                .put("message", message);
        return SimResponse.json(httpStatus(route, code), info.toString()).withHeader("X-TC-Trace", nextTrace());
    }

    /**
     * Spec §2: parameter errors 400 (404 for a path no endpoint has), business and service errors 500, 9042 403 on
     * meeting cancel and 400 across webinars. Statuses of the auth codes are UNCONFIRMED: 400 (request errors) except
     * 200003, seen as 500. Settings {@code status.<code>} override the table.
     */
    int httpStatus(Optional<Routes.Match<Endpoint>> route, int code) {
        Integer override = statusOverrides.get(code);
        if (override != null) {
            return override;
        }
        String template = route.map(Routes.Match::template).orElse("");
        boolean webinar = template.startsWith(WEBINARS);
        return switch (code) {
            case TencentMeetingError.INVALID_PARAMS -> route.isEmpty() ? 404 : 400;
            case TencentMeetingError.TIMESTAMP_WINDOW, TencentMeetingError.REPLAY, TencentMeetingError.AUTH_FAILED, 500014 -> 400;
            case TencentMeetingError.NO_PERMISSION -> template.equals(MEETING_CANCEL) ? 403 : webinar ? 400 : 500;
            case TencentMeetingError.UNREGISTERED_USER -> webinar ? 400 : 500;
            default -> 500;
        };
    }

    /** The rule is UNCONFIRMED; these are the prefixes seen in real bodies (spec §1.5). */
    private static long newErrorCode(int code) {
        return code == TencentMeetingError.INVALID_PARAMS ? 1_000_190_004L : Long.parseLong("100" + code);
    }

    private String nextTrace() {
        return String.format("%032x", ++traces + 0x5e11a70000000000L);
    }

    @Override
    public String toString() {
        return "TencentMeetingSimulator[" + baseUrl() + ", app " + appId + "]";
    }
}
