package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

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

    /** What an endpoint does once the caller's token, scopes, account and rate were checked. */
    private interface Endpoint {
        SimResponse answer(RecordedRequest request, String accountId, Routes.Match<Api> route);
    }

    /** An endpoint and the kind of session it serves, whose scopes the caller needs; {@code null} for the OAuth endpoint. */
    private record Api(Kind kind, Endpoint endpoint) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final ZoomSettings settings;
    private final ZoomDirectory directory = new ZoomDirectory();
    private final ZoomTokens tokens;
    private final java.util.concurrent.atomic.AtomicInteger newApps = new java.util.concurrent.atomic.AtomicInteger();
    private final ZoomLimits limits;
    private final Sessions sessions;
    private final Paging paging;
    private final Routes<Api> routes = new Routes<>();
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
        this.limits = new ZoomLimits(settings, options.clock(), this::dailyLimitsOn);
        this.sessions = new Sessions(json, settings, directory, limits, options.clock(), new Random(seed()), this::emit);
        this.paging = new Paging(json, settings, directory, sessions, options.clock());
        sessions.loadSeedWebinar();

        routes.add("*", "/oauth/token", Operation.TOKEN, new Api(null, (r, account, route) -> tokens.token(r, now(), baseUrl().toString())));
        for (String prefix : List.of("/v2", "/v2/accounts/{account}")) {
            for (Kind kind : Kind.values()) {
                String noun = kind == Kind.WEBINAR ? "/webinars" : "/meetings";
                String byUser = prefix + "/users/{user}" + noun;
                String one = prefix + noun + "/{id}";
                routes.add("GET", byUser, Operation.LIST, new Api(kind, (r, account, route) -> paging.list(kind, user(route, account), account, r)))
                        .add("POST", byUser, Operation.CREATE, new Api(kind, (r, account, route) -> sessions.create(kind, user(route, account), account, r)))
                        .add("*", byUser, Operation.OTHER, new Api(kind, (r, account, route) -> {
                            user(route, account);
                            throw methodNotAllowed();
                        }))
                        .add("GET", one, Operation.GET, new Api(kind, (r, account, route) -> sessions.get(kind, route.param("id"), account, r)))
                        .add("PATCH", one, Operation.UPDATE, new Api(kind, (r, account, route) -> sessions.update(kind, route.param("id"), account, r)))
                        .add("DELETE", one, Operation.CANCEL, new Api(kind, (r, account, route) -> sessions.delete(kind, route.param("id"), account, r)))
                        .add("*", one, Operation.OTHER, new Api(kind, (r, account, route) -> {
                            throw methodNotAllowed();
                        }))
                        .add("PUT", one + "/status", Operation.OTHER, new Api(kind, (r, account, route) -> sessions.status(kind, route.param("id"), account, r)))
                        .add("*", one + "/status", Operation.OTHER, new Api(kind, (r, account, route) -> {
                            throw methodNotAllowed();
                        }));
            }
        }
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
        return locked(() -> sessions.all().values().stream()
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
            ZoomSession s = Sessions.NUMERIC.matcher(nativeId).matches() ? sessions.all().get(Long.parseLong(nativeId)) : null;
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
    protected Routes<Api> routes() {
        return routes;
    }

    @Override
    protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
        return switch (kind) {
            case RATE_LIMITED -> (dailyRateLimitFaults ? limits.dailyLimited("Light", 6000) : limits.qpsLimited("Light")).toResponse(json);
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
            Routes.Match<Api> route = routes.find(request.method(), request.rawPath())
                    .orElseThrow(() -> ZoomError.of(404, 404, "The requested resource was not found."));
            Api api = route.handler();
            if (api.kind() == null) {
                return api.endpoint().answer(request, null, route);
            }
            ZoomTokens.Token token = tokens.check(request, now());
            requireScope(token, api.kind(), route.operation());
            String accountId = account(route.param("account"));
            limits.qpsCheck(accountId, api.kind(), route.operation());
            return api.endpoint().answer(request, accountId, route);
        } catch (ZoomError e) {
            return e.toResponse(json);
        }
    }

    // ---------------------------------------------------------------- what every API endpoint checks

    private static ZoomError methodNotAllowed() {
        return ZoomError.of(405, 405, "Method not allowed.");
    }

    private void requireScope(ZoomTokens.Token token, Kind kind, Operation operation) {
        String family = kind == Kind.WEBINAR ? "webinar" : "meeting";
        String access = operation == Operation.GET || operation == Operation.LIST ? "read" : "write";
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
        String id = Sessions.decode(segment);
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

    /** The user the path names ({@code me}: the account's owner), who must belong to the account addressed. */
    private User user(Routes.Match<Api> route, String accountId) {
        String userId = Sessions.decode(route.param("user"));
        Optional<User> user = userId.equals("me") ? Optional.of(directory.owner(accountId)) : directory.user(userId);
        return user.filter(u -> u.accountId().equals(accountId))
                .orElseThrow(() -> ZoomError.of(404, 1001, "User " + userId + " does not exist or does not belong to this account."));
    }
}
