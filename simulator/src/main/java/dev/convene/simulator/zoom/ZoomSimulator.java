package dev.convene.simulator.zoom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.HttpSimulator;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.StoredSession;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomSession.Occurrence;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A faithful fake of Zoom's REST API v2 for meetings and webinars, written from
 * {@code shared/specs/zoom.md} (its closing checklist, §10) and seed 004. One port serves both the
 * OAuth endpoint ({@code <base>/oauth/token}) and the API ({@code <base>/v2/...}), including the
 * primary-account mirrors {@code /v2/accounts/{accountId}/...}.
 *
 * <p>Directory: the S2S app ({@link #CLIENT_ID}) belongs to {@link #PRIMARY_ACCOUNT_ID}, whose owner is
 * {@link #OWNER_EMAIL}; it owns the sub-account {@link #SEED_ACCOUNT_ID} of seed 004's webinar host
 * {@link #SEED_HOST_EMAIL}, where webinar {@link #SEED_WEBINAR_ID} is preloaded with the seed's example
 * object. {@link #FOREIGN_ACCOUNT_ID} belongs to somebody else. {@link #NO_WEBINAR_PLAN_EMAIL} lacks the
 * webinar add-on (400 / 200), {@link #CANNOT_HOST_EMAIL} may not host (400 / 3161). {@code me} means the
 * owner of the account addressed ({@code /accounts/me/...} is the primary account itself).
 *
 * <p>Settings ({@link SimulatorOptions#settings()}); every one concerns something the spec marks
 * UNCONFIRMED or plan-dependent, and the default is the stricter reading:
 * <ul>
 *   <li>{@code max-live-tokens}: how many tokens stay valid at once, oldest revoked first; {@code 1} is
 *       "a new token revokes the old one"; default {@code 10}, or {@code unlimited} (§1.3).</li>
 *   <li>{@code token-ttl-seconds}: {@code expires_in}, default 3599 (§1.1).</li>
 *   <li>{@code token-query-form}: {@code reject} (default) answers a query-string-only token request 400;
 *       {@code accept} takes it (§1.1).</li>
 *   <li>{@code token-messages}: {@code distinct} (default) answers an expired token "Access token is
 *       expired." and an unknown one "Invalid access token.", both code 124; {@code uniform} uses the latter
 *       for both (§1.3).</li>
 *   <li>{@code scopes}: space-separated scopes of issued tokens (default all of
 *       {@code meeting|webinar:read|write:admin}); a call outside them answers 400 / 4711 (§5.2).</li>
 *   <li>{@code unknown-account-code}: {@code 1010} (default; seed 004 documents only 1010 for the account
 *       path) or {@code 2001} (404 "account does not exist") for an {@code accountId} that is not the
 *       caller's own sub-account (§3.7).</li>
 *   <li>{@code user-daily-write-limit}: create+update requests per host user per UTC day, default 100,
 *       {@code 0} switches it off, and so do {@link SimulatorOptions#dailyLimits()} false and {@link #dailyLimits(boolean)}; {@code user-daily-limit-answer}: {@code 429} (default) or {@code 300}
 *       (400 with the older spec's text) (§6).</li>
 *   <li>{@code qps-limits}: {@code off} (default) or {@code on}: Pro-plan per-second buckets per account,
 *       Light 30/s, Medium 20/s, counted per second of the simulator clock (§6).</li>
 *   <li>{@code retry-after}: {@code timestamp} (default, ISO-8601 UTC as documented for daily limits),
 *       {@code seconds}, or {@code none} (no Retry-After at all, which a client must survive);
 *       {@code retry-after-seconds}: how far a per-second 429 asks to wait, default 1. Zoom documents
 *       Retry-After only for daily limits; unless told {@code none}, the fake sends it on every 429.</li>
 *   <li>{@code rate-limit-fault}: what an injected {@link FaultKind#RATE_LIMITED} answers: {@code qps}
 *       (default) or {@code daily} (also switchable with {@link #rateLimitFaultsAreDaily}).</li>
 *   <li>{@code max-end-times} (default 60) and {@code max-webinar-end-times} (default 50): the most
 *       {@code end_times} of a meeting and of a webinar, per the OpenAPI document (spec, corrections); a series
 *       ending by date with more occurrences than that answers 400 / 300 "Invalid recurrence settings.".</li>
 *   <li>{@code webinar-agenda-max}: no limit is documented for webinars; default 2000 like meetings.</li>
 *   <li>{@code meeting-get-accepts-uuid}: {@code false} (default): {@code GET /meetings/{id}} takes the
 *       numeric id only (§4.2).</li>
 *   <li>{@code webinar-list-next-page-token}: {@code honoured} (default) or {@code ignored} (then only
 *       {@code page_number} pages the webinar list) (§3.5).</li>
 *   <li>{@code page-token-ttl-minutes}: default 15 (§3.5).</li>
 *   <li>{@code clock-drives-status}: {@code true} (default): sessions are live inside their scheduled
 *       slot and ended after it; {@code false}: only {@link #hostStarts}/{@link #hostEnds} move them.</li>
 * </ul>
 * Not modelled: registrants, panelists, polls, templates, simulive recordings, the "not the host" (3003)
 * answer (an account-level S2S token may manage every host of its account) and PMI/PAC deletion.
 */
public final class ZoomSimulator extends HttpSimulator {
    public static final String PRIMARY_ACCOUNT_ID = "pRmAcc8XyQ0v2Tn4Lk6WzA";
    public static final String SEED_ACCOUNT_ID = "sUbAcc3JqR7w9Zm1Pb5NcE";
    public static final String FOREIGN_ACCOUNT_ID = "fOrAcc6HtY2k8Vr0Qm4SdG";
    public static final String CLIENT_ID = "zoomSimClientId01";
    public static final String CLIENT_SECRET = "zoom-sim-client-secret-01";
    public static final String OWNER_EMAIL = "owner@convene.example";
    /** The owner's Zoom user id, which Zoom answers as {@code host_id} of the owner's sessions. */
    public static final String OWNER_ID = "KdYF7a1bQ2uY0gPzQ8w1Aa";
    public static final String SECOND_HOST_EMAIL = "host@convene.example";
    public static final String NO_WEBINAR_PLAN_EMAIL = "nowebinar@convene.example";
    public static final String CANNOT_HOST_EMAIL = "nohost@convene.example";
    public static final String SEED_HOST_EMAIL = "jchill@example.com";
    public static final String SEED_HOST_ID = "30R7kT7bTIKSNUFEuH_Qlg";
    /** A second host inside the seed's sub-account. */
    public static final String SUB_ACCOUNT_HOST_EMAIL = "subhost@convene.example";
    public static final long SEED_WEBINAR_ID = 97871060099L;

    private static final Pattern NUMERIC = Pattern.compile("\\d{1,19}");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Set<String> WEBINAR_LIST_TYPES = Set.of("scheduled", "upcoming");
    private static final Set<String> MEETING_LIST_TYPES = Set.of("scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings");

    private record Route(Operation operation, Kind kind, String accountSegment, String userSegment, String idSegment, boolean status) {
    }

    private record PageCursor(String userId, String accountId, Kind kind, String filter, int pageSize, List<Long> ids,
                              int offset, Instant issuedAt) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ZoomSettings settings;
    private final ZoomDirectory directory = new ZoomDirectory();
    private final ZoomTokens tokens;
    private final java.util.concurrent.atomic.AtomicInteger newApps = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<Long, ZoomSession> sessions = new LinkedHashMap<>();
    private final Map<String, PageCursor> cursors = new HashMap<>();
    private final Map<String, int[]> dailyWrites = new HashMap<>();
    private final Map<String, long[]> qpsBuckets = new HashMap<>();
    private final Random random = new Random(seed());
    private volatile boolean dailyRateLimitFaults;
    private final ZoomEvents events;

    public ZoomSimulator(SimulatorOptions options) {
        super("zoom", options);
        this.settings = ZoomSettings.from(options);
        this.tokens = new ZoomTokens(json, settings);
        this.dailyRateLimitFaults = settings.rateLimitFaultIsDaily();
        Random eventRandom = new Random(seed() ^ 0x5EED_E7E7L);
        this.events = new ZoomEvents(json, options.setting("webhook-secret-token")
                .orElseGet(() -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(eventRandom, 16))), eventRandom);
        loadSeedWebinar();
    }

    // ---------------------------------------------------------------- control surface

    @Override
    public Map<String, String> properties() {
        return properties(CLIENT_ID, CLIENT_SECRET);
    }

    /** A new S2S app on the primary account: its own client id, secret and tokens. */
    @Override
    public Map<String, String> propertiesForNewCredentials() {
        String n = Integer.toString(newApps.incrementAndGet());
        String id = "zoomSimApp" + n;
        String secret = "zoom-sim-app-secret-" + n;
        locked(() -> {
            tokens.addApp(id, secret);
            return null;
        });
        return properties(id, secret);
    }

    private Map<String, String> properties(String clientId, String clientSecret) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("convene.provider", "zoom");
        p.put("convene.zoom.account-id", PRIMARY_ACCOUNT_ID);
        p.put("convene.zoom.client-id", clientId);
        p.put("convene.zoom.client-secret", clientSecret);
        if (!settings.qpsLimits()) {
            // the fake enforces no per-second limit, so the client need not pace (qps-limits=on leaves Zoom's default)
            p.put("convene.zoom.rate-limits", "none");
        }
        p.put("convene.zoom.organizer", OWNER_EMAIL);
        p.put("convene.zoom.base-url", baseUrl() + "/v2");
        p.put("convene.zoom.oauth-url", baseUrl() + "/oauth/token");
        return Map.copyOf(p);
    }

    /** {@link #properties()} for the seed's sub-account: every path under {@code /accounts/{id}/}, organizer its host. */
    public Map<String, String> propertiesForSubAccount() {
        Map<String, String> p = new LinkedHashMap<>(properties());
        p.put("convene.zoom.sub-account-id", SEED_ACCOUNT_ID);
        p.put("convene.zoom.organizer", SEED_HOST_EMAIL);
        return Map.copyOf(p);
    }

    @Override
    public Map<String, String> propertiesWithBadCredentials() {
        Map<String, String> p = new LinkedHashMap<>(properties());
        p.put("convene.zoom.client-secret", "not-the-secret");
        return Map.copyOf(p);
    }

    @Override
    public List<StoredSession> sessions() {
        return locked(() -> sessions.values().stream()
                .map(s -> new StoredSession(Long.toString(s.id), s.kind.name().toLowerCase(Locale.ROOT), s.topic, s.start,
                        s.statusWord(now(), settings.clockDrivesStatus()), s.deleted))
                .toList());
    }

    @Override
    public void revokeTokens() {
        locked(() -> {
            tokens.revokeAll();
            return null;
        });
    }

    @Override
    public void expireTokens() {
        locked(() -> {
            tokens.expireAll(now());
            return null;
        });
    }

    /** Requests that reached {@code /oauth/token}, successful or not. */
    public int tokenRequests() {
        return locked(tokens::requests);
    }

    public int tokensIssued() {
        return locked(tokens::issued);
    }

    /** Switches between "a new token revokes the previous one" and the configured number of live tokens. */
    public void newTokenRevokesOld(boolean revokes) {
        maxLiveTokens(revokes ? 1 : settings.maxLiveTokens());
    }

    public void maxLiveTokens(int max) {
        locked(() -> {
            tokens.maxLive(max);
            return null;
        });
    }

    /** Whether injected {@link FaultKind#RATE_LIMITED} faults answer as the daily limit instead of the per-second one. */
    public void rateLimitFaultsAreDaily(boolean daily) {
        dailyRateLimitFaults = daily;
    }

    @Override
    protected ZoomEvents eventChannel() {
        return events;
    }

    /** The host starts the session now (it is live until {@link #hostEnds}): {@code meeting.started}. */
    @Override
    public void hostStarts(String nativeId) {
        inApp(nativeId, s -> {
            s.startedByHand = now();
            emit("started", s, null);
        });
    }

    /** The session ends now, as {@code PUT …/status {"action":"end"}} does: {@code meeting.ended}. */
    @Override
    public void hostEnds(String nativeId) {
        inApp(nativeId, s -> {
            s.endedByHand = now();
            emit("ended", s, null);
        });
    }

    /** The host deletes the session in the app: {@code meeting.deleted}. */
    @Override
    public void hostCancels(String nativeId) {
        inApp(nativeId, s -> {
            s.deleted = true;
            emit("deleted", s, null);
        });
    }

    /** The host gives the session (a single one, or each occurrence alike) a new start: {@code meeting.updated}. */
    @Override
    public void hostMoves(String nativeId, Instant start) {
        inApp(nativeId, s -> {
            Duration by = Duration.between(s.start, start);
            s.start = start;
            s.occurrences.forEach(o -> o.start = o.start.plus(by));
            s.verbatim = null;
            emit("updated", s, null);
        });
    }

    /** Someone joins: {@code meeting.participant_joined} with the participant. */
    @Override
    public void participantJoins(String nativeId, String participant) {
        inApp(nativeId, s -> {
            ObjectNode who = json.createObjectNode();
            who.put("user_id", Integer.toString(participant.hashCode() & 0x7fffffff));
            who.put("user_name", participant);
            who.put("participant_uuid", new java.util.UUID(participant.hashCode(), s.id).toString());
            who.put("join_time", ZoomTimes.format(now()));
            ObjectNode extra = json.createObjectNode();
            extra.set("participant", who);
            emit("participant_joined", s, extra);
        });
    }

    private void inApp(String nativeId, java.util.function.Consumer<ZoomSession> action) {
        locked(() -> {
            ZoomSession s = NUMERIC.matcher(nativeId).matches() ? sessions.get(Long.parseLong(nativeId)) : null;
            if (s == null || s.deleted) {
                throw new IllegalArgumentException("no session " + nativeId);
            }
            action.accept(s);
            return null;
        });
    }

    /** Pushes {@code meeting.<action>} (or {@code webinar.<action>}) about {@code s}, its host the operator; {@code extra} joins the object. */
    private void emit(String action, ZoomSession s, ObjectNode extra) {
        String operator = directory.userById(s.hostId).map(User::email).orElse(OWNER_EMAIL);
        String payload = events.payload(action, s, operator, now(), extra);
        push((s.kind == Kind.WEBINAR ? "webinar." : "meeting.") + action, Long.toString(s.id), payload);
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- HttpSimulator hooks

    @Override
    protected Operation classify(String method, String rawPath) {
        if (rawPath.equals("/oauth/token")) {
            return Operation.TOKEN;
        }
        return route(method, rawPath).map(Route::operation).orElse(Operation.OTHER);
    }

    @Override
    protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
        return switch (kind) {
            case RATE_LIMITED -> (dailyRateLimitFaults ? dailyLimited("Light", 6000) : qpsLimited("Light")).toResponse(json);
            case BUSY -> ZoomError.of(503, 503, "Service temporarily unavailable. Please try again later.").toResponse(json);
            default -> ZoomError.of(500, 500, "Internal server error.").toResponse(json);
        };
    }

    @Override
    protected SimResponse handle(RecordedRequest request) {
        try {
            Optional<VendorError> scripted = takeScriptedError(request.operation());
            if (scripted.isPresent()) {
                // e.g. 401 / 124, or Zoom's documented "200 with an error code in the body"
                VendorError e = scripted.get();
                int status = e.status().orElse(400);
                return ZoomError.of(status, e.code().orElse(status), e.message().orElse("")).toResponse(json);
            }
            if (request.operation() == Operation.TOKEN) {
                return tokens.token(request, now(), baseUrl().toString());
            }
            return api(request);
        } catch (ZoomError e) {
            return e.toResponse(json);
        }
    }

    // ---------------------------------------------------------------- routing

    private static Optional<Route> route(String method, String rawPath) {
        if (!rawPath.startsWith("/v2/")) {
            return Optional.empty();
        }
        List<String> seg = new ArrayList<>(Arrays.asList(rawPath.substring(4).split("/", -1)));
        String account = null;
        if (seg.size() >= 3 && seg.get(0).equals("accounts")) {
            account = seg.get(1);
            seg = seg.subList(2, seg.size());
        }
        if (seg.size() == 3 && seg.get(0).equals("users") && (seg.get(2).equals("webinars") || seg.get(2).equals("meetings"))) {
            Kind kind = seg.get(2).equals("webinars") ? Kind.WEBINAR : Kind.MEETING;
            Operation op = switch (method) {
                case "GET" -> Operation.LIST;
                case "POST" -> Operation.CREATE;
                default -> Operation.OTHER;
            };
            return Optional.of(new Route(op, kind, account, seg.get(1), null, false));
        }
        if ((seg.size() == 2 || (seg.size() == 3 && seg.get(2).equals("status")))
                && (seg.get(0).equals("webinars") || seg.get(0).equals("meetings"))) {
            Kind kind = seg.get(0).equals("webinars") ? Kind.WEBINAR : Kind.MEETING;
            boolean status = seg.size() == 3;
            Operation op = status ? Operation.OTHER : switch (method) {
                case "GET" -> Operation.GET;
                case "PATCH" -> Operation.UPDATE;
                case "DELETE" -> Operation.CANCEL;
                default -> Operation.OTHER;
            };
            return Optional.of(new Route(op, kind, account, null, seg.get(1), status));
        }
        return Optional.empty();
    }

    private SimResponse api(RecordedRequest r) {
        Route route = route(r.method(), r.rawPath())
                .orElseThrow(() -> ZoomError.of(404, 404, "The requested resource was not found."));
        ZoomTokens.Token token = tokens.check(r, now());
        requireScope(token, route);
        String accountId = account(route.accountSegment());
        qpsCheck(accountId, route);
        String method = r.method();
        if (route.status()) {
            require(method, "PUT");
            return status(route, accountId, r);
        }
        if (route.userSegment() != null) {
            User user = user(route.userSegment(), accountId);
            if (method.equals("GET")) {
                return list(route.kind(), user, accountId, r);
            }
            require(method, "POST");
            return create(route.kind(), user, accountId, r);
        }
        return switch (method) {
            case "GET" -> get(route, accountId, r);
            case "PATCH" -> update(route, accountId, r);
            case "DELETE" -> delete(route, accountId, r);
            default -> throw ZoomError.of(405, 405, "Method not allowed.");
        };
    }

    private static void require(String method, String expected) {
        if (!method.equals(expected)) {
            throw ZoomError.of(405, 405, "Method not allowed.");
        }
    }

    private void requireScope(ZoomTokens.Token token, Route route) {
        String family = route.kind() == Kind.WEBINAR ? "webinar" : "meeting";
        String access = route.operation() == Operation.GET || route.operation() == Operation.LIST ? "read" : "write";
        String needed = family + ":" + access + ":admin";
        if (!token.scopes().contains(needed) && !token.scopes().contains(family + ":" + access)) {
            throw ZoomError.of(400, 4711, "Invalid access token, does not contain scopes:[" + needed + "].");
        }
    }

    /** The account a path addresses: the caller's own for plain paths, else one of its sub-accounts (§3.7). */
    private String account(String segment) {
        if (segment == null) {
            return PRIMARY_ACCOUNT_ID;
        }
        String id = decode(segment);
        if (id.equals("me") || id.equals(PRIMARY_ACCOUNT_ID)) {
            return PRIMARY_ACCOUNT_ID;
        }
        boolean ours = directory.account(id).map(a -> PRIMARY_ACCOUNT_ID.equals(a.parentId())).orElse(false);
        if (!ours) {
            throw settings.unknownAccountCode() == 2001
                    ? ZoomError.of(404, 2001, "This account does not exist or does not belong to you.")
                    : ZoomError.of(400, 1010, "User does not belong to this account:" + id + ".");
        }
        return id;
    }

    private User user(String segment, String accountId) {
        String userId = decode(segment);
        Optional<User> user = userId.equals("me") ? Optional.of(directory.owner(accountId)) : directory.user(userId);
        return user.filter(u -> u.accountId().equals(accountId))
                .orElseThrow(() -> ZoomError.of(404, 1001, "User " + userId + " does not exist or does not belong to this account."));
    }

    /**
     * A stored session by id (or UUID where allowed), or the documented "not found or has expired" (§3.2,
     * §4.2); a session hosted in another account than the one addressed is 400 / 1010.
     */
    private ZoomSession find(Route route, String accountId, boolean allowUuid, boolean includeDeleted) {
        String key = decodeId(route.idSegment());
        Optional<ZoomSession> found;
        if (NUMERIC.matcher(key).matches()) {
            found = Optional.ofNullable(sessions.get(Long.parseLong(key)));
        } else if (allowUuid) {
            found = sessions.values().stream().filter(s -> s.uuid.equals(key)).findFirst();
        } else {
            found = Optional.empty();
        }
        ZoomSession s = found.filter(x -> includeDeleted || (!x.deleted && !x.expired(now(), settings.clockDrivesStatus())))
                .orElseThrow(() -> notFound(route.kind(), key));
        if (s.kind != route.kind()) {
            // §4.2: asking the meeting endpoints about a webinar is "Cannot access webinar info."
            throw s.kind == Kind.WEBINAR ? ZoomError.of(400, 3000, "Cannot access webinar info.") : notFound(route.kind(), key);
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

    // ---------------------------------------------------------------- operations

    private SimResponse create(Kind kind, User user, String accountId, RecordedRequest r) {
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
        countWrite(host);
        ZoomSession s = new ZoomSession(kind, newId(), newUuid(), accountId, now(), secret());
        s.hostId = host.id();
        s.type = body.path("type").asInt(kind == Kind.WEBINAR ? 5 : 2);
        s.topic = body.path("topic").asText(kind == Kind.WEBINAR ? "Zoom Webinar" : "Zoom Meeting");
        s.timezone = body.path("timezone").asText(host.timezone());
        ZoneId zone = ZoneId.of(s.timezone);
        s.start = body.has("start_time") && !s.instant()
                ? ZoomTimes.parse(body.get("start_time").asText(), zone).orElseThrow()
                : now();
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
        sessions.put(s.id, s);
        emit("created", s, null);
        return SimResponse.json(201, s.render(json, host, now(), settings.clockDrivesStatus(), false, null, false).toString());
    }

    private SimResponse get(Route route, String accountId, RecordedRequest r) {
        boolean uuid = route.kind() == Kind.WEBINAR || settings.meetingGetAcceptsUuid();
        ZoomSession s = find(route, accountId, uuid, false);
        boolean showPrevious = booleanQuery(r, "show_previous_occurrences");
        Occurrence occurrence = r.query("occurrence_id").map(id -> s.occurrence(id)
                .orElseThrow(() -> ZoomError.of(400, 3000, "Invalid occurrence_id."))).orElse(null);
        User host = directory.userById(s.hostId).orElseThrow();
        return SimResponse.json(200, s.render(json, host, now(), settings.clockDrivesStatus(), true, occurrence, showPrevious).toString());
    }

    private SimResponse update(Route route, String accountId, RecordedRequest r) {
        ZoomSession s = find(route, accountId, false, false);
        ObjectNode body = body(r);
        User host = directory.userById(s.hostId).orElseThrow();
        requirePlan(s.kind, host);
        Optional<String> occurrenceId = r.query("occurrence_id");
        ZoomRules.check(s.kind, settings, body, occurrenceId.isPresent());
        refuseIfStarted(s);
        countWrite(host);
        if (occurrenceId.isPresent()) {
            Occurrence o = s.occurrence(occurrenceId.get()).orElseThrow(() -> ZoomError.of(400, 3000, "Invalid occurrence_id."));
            if (body.has("start_time")) {
                o.start = ZoomTimes.parse(body.get("start_time").asText(), ZoneId.of(s.timezone)).orElseThrow();
            }
            o.duration = body.path("duration").asInt(o.duration);
            o.agenda = body.has("agenda") ? body.get("agenda").asText() : o.agenda;
            mergeSettings(s, body);
            s.verbatim = null;
            emit("updated", s, null);
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
                    && (start.isBefore(now()) || (draft.recurringWithFixedTime() && !body.has("recurrence")));
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
        sessions.put(draft.id, draft);
        emit("updated", draft, null);
        return SimResponse.empty(204);
    }

    private SimResponse delete(Route route, String accountId, RecordedRequest r) {
        ZoomSession s = find(route, accountId, false, false);
        for (String flag : List.of("cancel_webinar_reminder", "cancel_meeting_reminder", "schedule_for_reminder")) {
            booleanQuery(r, flag);
        }
        Instant now = now();
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
            emit("deleted", s, gone);
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
        emit("deleted", s, null);
        return SimResponse.empty(204);
    }

    private SimResponse status(Route route, String accountId, RecordedRequest r) {
        ObjectNode body = body(r);
        String action = body.path("action").isTextual() ? body.get("action").asText() : "";
        Set<String> allowed = route.kind() == Kind.WEBINAR ? Set.of("end") : Set.of("end", "recover");
        if (!allowed.contains(action)) {
            throw ZoomError.invalidField("action");
        }
        ZoomSession s = find(route, accountId, false, action.equals("recover"));
        if (action.equals("recover")) {
            s.deleted = false;
            emit("recovered", s, null);
        } else {
            if (s.deleted) {
                throw notFound(s.kind, Long.toString(s.id));
            }
            s.endedByHand = now();
            emit("ended", s, null);
        }
        return SimResponse.empty(204);
    }

    private SimResponse list(Kind kind, User user, String accountId, RecordedRequest r) {
        requirePlan(kind, user);
        String filter = r.query("type").orElse("scheduled");
        if (!(kind == Kind.WEBINAR ? WEBINAR_LIST_TYPES : MEETING_LIST_TYPES).contains(filter)) {
            throw ZoomError.invalidField("type");
        }
        int pageSize = intQuery(r, "page_size", 30, 1, 300);
        int pageNumber = intQuery(r, "page_number", 1, 1, Integer.MAX_VALUE);
        Optional<String> token = r.query("next_page_token").filter(t -> !t.isEmpty());
        boolean honourToken = kind == Kind.MEETING || settings.webinarListHonoursPageToken();
        List<Long> ids;
        int offset;
        if (token.isPresent() && honourToken) {
            PageCursor c = cursors.get(token.get());
            boolean valid = c != null && c.userId().equals(user.id()) && c.accountId().equals(accountId) && c.kind() == kind
                    && c.filter().equals(filter) && c.pageSize() == pageSize
                    && now().isBefore(c.issuedAt().plus(Duration.ofMinutes(settings.pageTokenTtlMinutes())));
            if (!valid) {
                throw ZoomError.of(400, 300, "The next page token is invalid or expired.");
            }
            ids = c.ids();
            offset = c.offset();
        } else {
            ids = matching(kind, user, filter);
            offset = (int) Math.min((long) (pageNumber - 1) * pageSize, ids.size());
        }
        List<Long> page = ids.subList(offset, Math.min(ids.size(), offset + pageSize));
        String next = "";
        if (offset + pageSize < ids.size()) {
            next = secret() + secret();
            cursors.put(next, new PageCursor(user.id(), accountId, kind, filter, pageSize, ids, offset + pageSize, now()));
        }
        ObjectNode out = json.createObjectNode();
        out.put("page_size", pageSize);
        out.put("page_count", (ids.size() + pageSize - 1) / pageSize);
        out.put("page_number", offset / pageSize + 1);
        out.put("total_records", ids.size());
        out.put("next_page_token", next);
        ArrayNode items = out.putArray(kind == Kind.WEBINAR ? "webinars" : "meetings");
        for (Long id : page) {
            ZoomSession s = sessions.get(id);
            if (s != null && !s.deleted) {
                items.add(s.listItem(json, directory.userById(s.hostId).orElseThrow()));
            }
        }
        return SimResponse.json(200, out.toString());
    }

    /** §3.5 / §4.5: unexpired sessions of the host, no instant meetings, filtered by {@code type}, by start. */
    private List<Long> matching(Kind kind, User user, String filter) {
        Instant now = now();
        boolean clock = settings.clockDrivesStatus();
        return sessions.values().stream()
                .filter(s -> s.kind == kind && s.hostId.equals(user.id()) && !s.deleted && !s.instant() && !s.expired(now, clock))
                .filter(s -> switch (filter) {
                    case "live" -> s.live(now, clock);
                    case "upcoming", "upcoming_meetings" -> !s.ended(now, clock);
                    case "previous_meetings" -> s.ended(now, clock);
                    default -> true;
                })
                .sorted(Comparator.comparing((ZoomSession s) -> s.start).thenComparing(s -> s.id))
                .map(s -> s.id)
                .toList();
    }

    // ---------------------------------------------------------------- rules shared by the operations

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

    private static void requirePlan(Kind kind, User user) {
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
        Instant now = now();
        boolean clock = settings.clockDrivesStatus();
        if (s.kind == Kind.WEBINAR && s.simulive && (s.live(now, clock) || s.ended(now, clock))) {
            throw ZoomError.of(400, 3000, "You cannot update or delete simulive webinars that have started using this method.");
        }
        if (s.kind == Kind.MEETING && s.live(now, clock)) {
            throw ZoomError.of(400, 3000, "You cannot update or delete meetings that have started using this method.");
        }
    }

    /** §6: 100 create+update requests per host user per UTC day. */
    private void countWrite(User host) {
        if (settings.userDailyWriteLimit() == 0 || !dailyLimitsOn()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        int[] count = dailyWrites.computeIfAbsent(host.id() + "/" + day, k -> new int[1]);
        if (count[0] >= settings.userDailyWriteLimit()) {
            if (!settings.userDailyLimitAs429()) {
                throw ZoomError.of(400, 300, "A maximum of " + settings.userDailyWriteLimit()
                        + " meetings and webinars can be created and updated for a single user in one day.");
            }
            throw dailyLimited("Light", settings.userDailyWriteLimit());
        }
        count[0]++;
    }

    /** §6: per-account per-second buckets by rate-limit label, only when {@code qps-limits=on}. */
    private void qpsCheck(String accountId, Route route) {
        if (!settings.qpsLimits()) {
            return;
        }
        boolean medium = route.operation() == Operation.LIST || (route.operation() == Operation.CREATE && route.kind() == Kind.MEETING);
        String label = medium ? "Medium" : "Light";
        long second = now().getEpochSecond();
        long[] bucket = qpsBuckets.computeIfAbsent(accountId + "/" + label, k -> new long[] {second, 0});
        if (bucket[0] != second) {
            bucket[0] = second;
            bucket[1] = 0;
        }
        if (++bucket[1] > (medium ? 20 : 30)) {
            throw qpsLimited(label);
        }
    }

    private ZoomError qpsLimited(String category) {
        return ZoomError.of(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
                .withHeaders(Map.of("X-RateLimit-Category", category, "X-RateLimit-Type", "QPS"))
                .withHeaders(retryAfter(now().plusSeconds(settings.retryAfterSeconds())));
    }

    private ZoomError dailyLimited(String category, int limit) {
        Instant midnight = LocalDate.ofInstant(now(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ZoomError.of(429, 429, "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.")
                .withHeaders(Map.of("X-RateLimit-Category", category, "X-RateLimit-Type", "Daily-limit",
                        "X-RateLimit-Limit", Integer.toString(limit), "X-RateLimit-Remaining", "0"))
                .withHeaders(retryAfter(midnight));
    }

    private Map<String, String> retryAfter(Instant when) {
        return switch (settings.retryAfter()) {
            case TIMESTAMP -> Map.of("Retry-After", ZoomTimes.format(when));
            case SECONDS -> Map.of("Retry-After", Long.toString(Math.max(0, Duration.between(now(), when).toSeconds())));
            case NONE -> Map.of();
        };
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

    private static int intQuery(RecordedRequest r, String name, int fallback, int min, int max) {
        Optional<String> v = r.query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!NUMERIC.matcher(v.get()).matches() || v.get().length() > 9) {
            throw ZoomError.invalidField(name);
        }
        int n = Integer.parseInt(v.get());
        if (n < min || n > max) {
            throw ZoomError.invalidField(name);
        }
        return n;
    }

    private static String decode(String segment) {
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
        } while (sessions.containsKey(id));
        return id;
    }

    private String newUuid() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private String secret() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private void loadSeedWebinar() {
        try {
            ObjectNode seed = (ObjectNode) json.readTree(ZoomSeed.WEBINAR_97871060099);
            ZoomSession s = new ZoomSession(Kind.WEBINAR, seed.get("id").asLong(), seed.get("uuid").asText(), SEED_ACCOUNT_ID,
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
            sessions.put(s.id, s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("seed 004 example does not parse", e);
        }
    }
}
