package dev.convene.simulator.wecom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.EventCrypto;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.HttpSimulator;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.Routes;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.StoredSession;
import dev.convene.simulator.VendorError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of WeCom's server API for access tokens, scheduled meetings, webinars and living, written from
 * {@code shared/specs/wecom.md} (its §8 checklist) and seeds 000, 001, 003. Every business call needs
 * {@code ?access_token=}; every answer is HTTP 200 with {@code {errcode, errmsg, ...}}, errors carrying
 * WeCom's {@code "<text>, hint: [<id>], from ip: <ip>, more info at ...?e=<code>"} message shape.
 *
 * <p>The corp has two self-built apps: the default one ({@link #properties()}) and a second one
 * ({@link #propertiesForOtherApp()}); each sees only what it created. Users: every userid of the seeds
 * ({@code zhangsan, lisi, wangwu, lis, USERID}) plus {@code zhaoliu, sunqi, zhouba, wujiu, zhengshi}, all
 * visible, and {@code outsider}, who exists outside the apps' visible range.
 *
 * <p>Settings ({@link SimulatorOptions#settings()}), each with its default; where the spec is
 * unconfirmed the default is the stricter reading:
 * <ul>
 * <li>{@code corp-id} ({@code wwc0nvene5im0001}), {@code corp-secret} ({@code sim-wecom-app-secret}),
 *     {@code agent-id} ({@code 1000002}): the default app's credentials.</li>
 * <li>{@code token-ttl-seconds} (7200): {@code expires_in} of issued tokens.</li>
 * <li>{@code reuse-token-while-valid} (false): the older doc said a refetch within the lifetime returns the
 *     same token; unconfirmed today, so by default every gettoken issues a fresh token (older ones stay valid).</li>
 * <li>{@code expired-token-errcode} (42001): what a token past its lifetime gets; 40014 is also seen in the wild.</li>
 * <li>{@code invalid-parameter-errcode} (40058): body validation failures, JSON type mismatches included.</li>
 * <li>{@code unknown-id-errcode} (40058): no code for "no such meeting/webinar/living" is documented, so the
 *     generic invalid-parameter code is used; also for another app's id, which this app may not see.</li>
 * <li>{@code wrong-state-errcode} (40058): likewise for update/cancel of something no longer upcoming.</li>
 * <li>{@code meeting-api} ({@code basic} | {@code advanced}): basic titles are at most 40 bytes or 20 characters
 *     and create returns only {@code meetingid}; the 高级管理 edition allows 1–255 characters, returns
 *     {@code meeting_code}/{@code meeting_link} from create and {@code meeting_type}/{@code sub_meetings}
 *     (sub_meetingid = the occurrence's start, Unix seconds, as a string) from get_info.</li>
 * <li>{@code paid-corp} (true): invitees up to 300 and hosts allowed; false: 100 invitees, no hosts.</li>
 * <li>{@code update-omitted-invitees} ({@code clear} | {@code keep}): unconfirmed; an update without
 *     {@code invitees} clears them by default, so a client must resend the list it wants kept.</li>
 * <li>{@code list-includes-webinars} (false): whether get_user_meetingid also lists webinar ids.</li>
 * <li>{@code webinar-start-min-offset-seconds} (1800): webinar {@code start_time} must be at least now plus this
 *     ("不能少于当前时间戳半小时以上" read strictly as "at least half an hour ahead"; -1800 is the lenient reading).</li>
 * <li>{@code webinar-get-names} ({@code alternate} | {@code title} | {@code subject}): webinar/get names the title
 *     {@code title} and the mute switch {@code media_setting.enable_enter_mute} as create does, or {@code subject} and
 *     {@code mute_enable_join} as doc 98860's table and example do (spec, corrections); by default the two spellings
 *     alternate from one get to the next.</li>
 * <li>{@code living-start-in-future} (true): living_start must be later than now (unconfirmed for living).</li>
 * <li>{@code education-corp} (false): living types 1 and 2 (classes) are refused unless true.</li>
 * <li>{@code api-calls-per-minute} (10000): per API; beyond it 45009 and the API is blocked for 60 s.</li>
 * <li>{@code gettoken-failures-per-hour} (2000): failed gettoken calls within an hour before gettoken itself
 *     answers 45009 for the rest of that hour.</li>
 * </ul>
 *
 * <p>Status is driven by the clock: meetings 1 → 2 during → 3 (someone joined, see {@link #participantJoins}; or the host ended it, {@link #hostEnds})
 * or 5 (nobody did), 4 when cancelled; living 0 → 1 → 2 or 3, 4 when cancelled; webinars INIT →
 * ABOUT_TO_START or STARTED → RECYCLED or ENDED, CANCELLED. Occurrences of recurring meetings are laid
 * out on the Asia/Shanghai calendar.
 */
public final class WeComSimulator extends HttpSimulator {
    static final String OTHER_APP_SECRET = "sim-wecom-other-app-secret";
    private final java.util.concurrent.atomic.AtomicInteger newApps = new java.util.concurrent.atomic.AtomicInteger();
    static final int OTHER_APP_AGENT_ID = 1000003;
    /** Where every request comes from: the fake listens on the loopback interface only. */
    static final String CALLER_IP = "127.0.0.1";
    private static final Map<Integer, String> TEXTS = Map.of(
            -1, "system busy",
            45009, "api freq out of limit",
            45033, "api concurrent out of limit",
            48002, "api forbidden",
            40014, "invalid access_token",
            42001, "access_token expired",
            60020, "not allow to access from your ip");

    private interface Endpoint {
        ObjectNode answer(RecordedRequest request, WeComTokens.App app, long now);
    }

    /** An endpoint and its API family ({@code meeting}, which includes webinars, {@code living}, or {@code token}), which an app may be denied. */
    private record Api(String family, Endpoint endpoint) {
    }

    private interface BodyEndpoint {
        ObjectNode answer(JsonBody body, WeComTokens.App app, long now);
    }

    private static final class Window {
        long minute;
        int calls;
        long blockedUntil;
    }

    private final WeComSettings settings;
    private final WeComTokens tokens;
    private final WeComTokens.App app;
    private final WeComTokens.App otherApp;
    private final WeComDirectory directory = new WeComDirectory();
    private final Meetings meetings;
    private final Webinars webinars;
    private final Livings livings;
    private final Routes<Api> routes = new Routes<>();
    private final Map<String, Window> windows = new HashMap<>();
    private final Deque<Long> gettokenFailures = new ArrayDeque<>();
    private final AtomicLong hints = new AtomicLong();
    /** {@code null}: no trusted-IP list, every caller may call. */
    private Set<String> trustedIps;
    private final WeComEvents events;

    public WeComSimulator(SimulatorOptions options) {
        super("wecom", options);
        this.settings = WeComSettings.from(options);
        Random random = new Random(seed());
        this.tokens = new WeComTokens(settings.corpId(), settings.tokenTtl(), settings.reuseTokenWhileValid(),
                settings.expiredTokenErrcode(), random.nextLong());
        this.app = tokens.addApp("default", settings.corpSecret(), settings.agentId());
        this.otherApp = tokens.addApp("other", OTHER_APP_SECRET, OTHER_APP_AGENT_ID);
        String links = baseUrl().toString();
        int unknown = settings.unknownIdErrcode();
        this.meetings = new Meetings(settings, directory, new Ledger<>(unknown, new Random(random.nextLong()), "hy"), links);
        this.webinars = new Webinars(settings, directory, new Ledger<>(unknown, new Random(random.nextLong()), "wb"), links);
        this.livings = new Livings(settings, directory, new Ledger<>(unknown, new Random(random.nextLong()), "lv"), links);

        routes.add("GET", "/cgi-bin/gettoken", Operation.TOKEN, new Api("token", (r, a, now) -> gettoken(r, now)))
                .add("POST", "/cgi-bin/meeting/create", Operation.CREATE, meeting((r, a, now) -> meetings.create(body(r), a, now)))
                .add("POST", "/cgi-bin/meeting/update", Operation.UPDATE, meeting(changing(meetings::update, "meetingid", "modify_meeting")))
                .add("POST", "/cgi-bin/meeting/cancel", Operation.CANCEL, meeting(changing(meetings::cancel, "meetingid", "cancel_meeting")))
                .add("POST", "/cgi-bin/meeting/get_info", Operation.GET, meeting((r, a, now) -> meetings.getInfo(body(r), a, now)))
                .add("POST", "/cgi-bin/meeting/get_user_meetingid", Operation.LIST, meeting(this::userMeetings))
                .add("POST", "/cgi-bin/meeting/webinar/create", Operation.CREATE, meeting((r, a, now) -> webinars.create(body(r), a, now)))
                .add("POST", "/cgi-bin/meeting/webinar/update", Operation.UPDATE, meeting(changing(webinars::update, "meetingid", "modify_meeting")))
                .add("POST", "/cgi-bin/meeting/webinar/cancel", Operation.CANCEL, meeting(changing(webinars::cancel, "meetingid", "cancel_meeting")))
                .add("POST", "/cgi-bin/meeting/webinar/get", Operation.GET, meeting((r, a, now) -> webinars.get(body(r), a, now)))
                .add("POST", "/cgi-bin/living/create", Operation.CREATE, living((r, a, now) -> livings.create(body(r), a, now)))
                .add("POST", "/cgi-bin/living/modify", Operation.UPDATE, living((r, a, now) -> livings.modify(body(r), a, now)))
                .add("POST", "/cgi-bin/living/cancel", Operation.CANCEL, living(changing(livings::cancel, "livingid", null)))
                .add("GET", "/cgi-bin/living/get_living_info", Operation.GET, living((r, a, now) -> livings.info(r.queryParameters(), a, now)))
                .add("POST", "/cgi-bin/living/get_user_all_livingid", Operation.LIST, living(this::userLivings));
        Random eventRandom = new Random(random.nextLong());
        this.events = new WeComEvents(options.setting("callback-token").orElseGet(() -> Long.toString(eventRandom.nextLong() & Long.MAX_VALUE, 36)),
                options.setting("callback-aes-key").orElseGet(() -> EventCrypto.newEncodingAesKey(eventRandom)), settings.corpId(),
                settings.agentId(), eventRandom);
    }

    /**
     * An endpoint that changes the session named by {@code idField}, then pushes its callback: {@code meeting_change}
     * with {@code changeType}, or for a living ({@code changeType} null) {@code living_status_change} with its status.
     */
    private Endpoint changing(BodyEndpoint endpoint, String idField, String changeType) {
        return (r, a, now) -> {
            JsonBody body = body(r);
            ObjectNode out = endpoint.answer(body, a, now);
            String id = body.requiredString(idField);
            if (changeType == null) {
                livingChanged(id, a);
            } else {
                meetingChanged(changeType, id, a);
            }
            return out;
        };
    }

    /** WeCom calls back only the app that created the session (spec, events.md §2): the default app's URL here. */
    private void meetingChanged(String changeType, String id, WeComTokens.App owner) {
        if (owner == app) {
            push("meeting_change/" + changeType, id, events.meetingChange(changeType, id, now()));
        }
    }

    private void livingChanged(String id, WeComTokens.App owner) {
        if (owner == app) {
            int status = livings.status(livings.ledger().all().get(id), now().getEpochSecond());
            push("living_status_change/" + status, id, events.livingStatus(id, status, now()));
        }
    }

    @Override
    protected WeComEvents eventChannel() {
        return events;
    }

    private static Api meeting(Endpoint endpoint) {
        return new Api("meeting", endpoint);
    }

    private static Api living(Endpoint endpoint) {
        return new Api("living", endpoint);
    }

    // ---- HttpSimulator --------------------------------------------------------------------------

    @Override
    protected Routes<Api> routes() {
        return routes;
    }

    @Override
    protected SimResponse handle(RecordedRequest request) {
        long now = now().getEpochSecond();
        String path = request.rawPath();
        try {
            Optional<VendorError> scripted = takeScriptedError(request.operation());
            if (scripted.isPresent()) {
                return scripted(scripted.get());
            }
            Optional<Routes.Match<Api>> route = routes.find(request.method(), path);
            if (route.isEmpty()) {
                Set<String> methods = routes.methods(path);
                if (methods.isEmpty()) {
                    return SimResponse.json(404, "{\"errcode\":404,\"errmsg\":\"not found\"}");
                }
                throw methods.contains("GET") ? new WeComError(43001, "require GET method") : new WeComError(43002, "require POST method");
            }
            if (trustedIps != null && !trustedIps.contains(CALLER_IP)) {
                throw new WeComError(60020, TEXTS.get(60020));
            }
            Api api = route.get().handler();
            if (api.family().equals("token")) {
                return ok(api.endpoint().answer(request, null, now));
            }
            WeComTokens.App caller = tokens.authenticate(request.query("access_token"), now());
            boolean allowed = api.family().equals("living") ? caller.livingApi : caller.meetingApi;
            if (!allowed) {
                throw new WeComError(48002, "api forbidden");
            }
            throttle(path, now);
            return ok(api.endpoint().answer(request, caller, now));
        } catch (WeComError e) {
            return error(e.errcode(), e.text());
        }
    }

    @Override
    protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
        return switch (kind) {
            case BUSY -> error(-1, TEXTS.get(-1));
            case RATE_LIMITED -> error(45009, TEXTS.get(45009));
            default -> new SimResponse(503, Map.of("Content-Type", "text/html"),
                    "<html><body>503 Service Temporarily Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));
        };
    }

    // ---- VendorSimulator ------------------------------------------------------------------------

    @Override
    public Map<String, String> properties() {
        return properties(settings.corpSecret(), settings.agentId());
    }

    @Override
    public Map<String, String> propertiesWithBadCredentials() {
        return properties("sim-wecom-wrong-secret", settings.agentId());
    }

    /** A new app of the corp: its own secret, agent id and tokens; it sees only the sessions it creates. */
    @Override
    public Map<String, String> propertiesForNewCredentials() {
        int n = newApps.incrementAndGet();
        String secret = "sim-wecom-app-secret-" + n;
        int agentId = 2_000_000 + n;
        underLock(() -> tokens.addApp("app-" + n, secret, agentId));
        return properties(secret, agentId);
    }

    /** Credentials of the corp's second app, which sees none of the default app's sessions. */
    public Map<String, String> propertiesForOtherApp() {
        return properties(OTHER_APP_SECRET, OTHER_APP_AGENT_ID);
    }

    private Map<String, String> properties(String secret, int agentId) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("convene.provider", "wecom");
        p.put("convene.wecom.corp-id", settings.corpId());
        p.put("convene.wecom.corp-secret", secret);
        p.put("convene.wecom.agent-id", Integer.toString(agentId));
        p.put("convene.wecom.organizer", "zhangsan");
        p.put("convene.wecom.base-url", baseUrl().toString());
        // the fake's limits are per API (api-calls-per-minute), far above what a test sends: the client need not pace
        p.put("convene.wecom.rate-limits", "none");
        return Map.copyOf(p);
    }

    @Override
    public List<StoredSession> sessions() {
        return locked(() -> {
            long now = now().getEpochSecond();
            List<StoredSession> out = new ArrayList<>();
            meetings.ledger().all().forEach((id, m) -> out.add(new StoredSession(id, "meeting", m.title(),
                    Instant.ofEpochSecond(m.start()), Integer.toString(meetings.status(m, now)), m.cancelled)));
            webinars.ledger().all().forEach((id, w) -> out.add(new StoredSession(id, "webinar", w.fields.get("title").textValue(),
                    Instant.ofEpochSecond(w.start()), webinars.status(w, now), w.cancelled)));
            livings.ledger().all().forEach((id, l) -> out.add(new StoredSession(id, "live_stream", l.theme(),
                    Instant.ofEpochSecond(l.start()), Integer.toString(livings.status(l, now)), l.cancelled)));
            return out;
        });
    }

    @Override
    public void revokeTokens() {
        underLock(tokens::revokeAll);
    }

    @Override
    public void expireTokens() {
        underLock(() -> tokens.expireAll(now()));
    }

    /** {@link #locked} for actions without a result. */
    private void underLock(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    // ---- WeCom-specific controls ----------------------------------------------------------------

    /** How many access tokens gettoken has handed out, over both apps. */
    public int tokensIssued() {
        return locked(() -> app.tokenRequests + otherApp.tokenRequests);
    }

    /** Turns an API family ({@code meeting}, which includes webinars, or {@code living}) on or off for the default app: 48002 when off. */
    public void allowApi(String family, boolean allowed) {
        underLock(() -> {
            switch (family) {
                case "meeting" -> app.meetingApi = allowed;
                case "living" -> app.livingApi = allowed;
                default -> throw new IllegalArgumentException("family must be meeting or living, was " + family);
            }
        });
    }

    @Override
    public void hostStarts(String nativeId) {
        inApp(nativeId, m -> m.startedInApp = true, w -> w.startedInApp = true, l -> l.startedInApp = true, "meeting_start");
    }

    @Override
    public void hostEnds(String nativeId) {
        inApp(nativeId, m -> m.endedInApp = true, w -> w.endedInApp = true, l -> l.endedInApp = true, "meeting_end");
    }

    @Override
    public void hostCancels(String nativeId) {
        inApp(nativeId, m -> m.cancelled = true, w -> w.cancelled = true, l -> l.cancelled = true, "cancel_meeting");
    }

    /** A meeting, webinar or living gets a new start and keeps its length. */
    @Override
    public void hostMoves(String nativeId, Instant start) {
        long to = start.getEpochSecond();
        inApp(nativeId, m -> m.fields.put("meeting_start", to),
                w -> {
                    long length = w.end() - w.start();
                    w.fields.put("start_time", to);
                    w.fields.put("end_time", to + length);
                },
                l -> l.fields.put("living_start", to), "modify_meeting");
    }

    /** Someone joins: once its time is over the session reads as ended rather than expired. */
    @Override
    public void participantJoins(String nativeId, String participant) {
        inApp(nativeId, m -> m.attended = true, w -> w.attended = true, l -> l.attended = true, "join_meeting");
    }

    /**
     * Applies what the host did to the meeting, webinar or living {@code nativeId}, then pushes its callback: a
     * meeting's or webinar's {@code changeType}, a living's new status when it has one (WeCom sends no living event
     * for a move or a viewer).
     */
    private void inApp(String nativeId, java.util.function.Consumer<Meetings.Meeting> meeting, java.util.function.Consumer<Webinars.Webinar> webinar,
                       java.util.function.Consumer<Livings.Living> living, String changeType) {
        underLock(() -> {
            Meetings.Meeting m = meetings.ledger().all().get(nativeId);
            Webinars.Webinar w = webinars.ledger().all().get(nativeId);
            Livings.Living l = livings.ledger().all().get(nativeId);
            if (m != null) {
                meeting.accept(m);
                meetingChanged(changeType, nativeId, m.owner());
            } else if (w != null) {
                webinar.accept(w);
                meetingChanged(changeType, nativeId, w.owner());
            } else if (l != null) {
                int before = livings.status(l, now().getEpochSecond());
                living.accept(l);
                if (livings.status(l, now().getEpochSecond()) != before) {
                    livingChanged(nativeId, l.owner());
                }
            } else {
                throw new IllegalArgumentException("no session " + nativeId);
            }
        });
    }

    /** Adds a visible member to the corp directory. */
    public void addUser(String userid) {
        underLock(() -> directory.add(userid));
    }

    /**
     * The member has no meeting account: a paid corp's meeting create and update still invite it, and name it
     * in {@code excess_users} (spec §2.1, §2.2).
     */
    public void removeMeetingAccount(String userid) {
        underLock(() -> directory.removeMeetingAccount(userid));
    }

    /**
     * The apps' trusted-IP list (spec §8 item 5): a call from an IP not on it, gettoken included, is refused with
     * 60020. The fake listens on loopback, so every caller is {@value #CALLER_IP}; no argument removes the list.
     */
    public void trustIps(String... ips) {
        underLock(() -> trustedIps = ips.length == 0 ? null : Set.of(ips));
    }

    // ---- request handling -----------------------------------------------------------------------

    private JsonBody body(RecordedRequest request) {
        return JsonBody.parse(request.body(), settings.invalidParameterErrcode());
    }

    private ObjectNode gettoken(RecordedRequest request, long now) {
        while (!gettokenFailures.isEmpty() && gettokenFailures.peekFirst() <= now - 3600) {
            gettokenFailures.removeFirst();
        }
        if (gettokenFailures.size() >= settings.gettokenFailuresPerHour()) {
            throw new WeComError(45009, TEXTS.get(45009));
        }
        try {
            String token = tokens.issue(request.query("corpid"), request.query("corpsecret"), now());
            ObjectNode out = JsonBody.JSON.createObjectNode();
            out.put("access_token", token);
            out.put("expires_in", tokens.ttlSeconds());
            return out;
        } catch (WeComError e) {
            gettokenFailures.addLast(now);
            throw e;
        }
    }

    private ObjectNode userMeetings(RecordedRequest request, WeComTokens.App caller, long now) {
        JsonBody body = body(request);
        String userid = body.requiredString("userid");
        directory.requireVisible("userid", userid);
        List<Meetings.Listed> candidates = new ArrayList<>(meetings.candidates(caller, userid));
        if (settings.listIncludesWebinars()) {
            candidates.addAll(webinars.candidates(caller, userid));
        }
        return Paging.page(body, Meetings.listFilter(body, candidates, now), "meetingid_list");
    }

    private ObjectNode userLivings(RecordedRequest request, WeComTokens.App caller, long now) {
        JsonBody body = body(request);
        String userid = body.requiredString("userid");
        directory.requireVisible("userid", userid);
        return Paging.page(body, livings.ids(caller, userid), "livingid_list");
    }

    /**
     * A scripted failure, answered before anything else is looked at: an errcode in WeCom's 200 answer (its usual text
     * unless given), or for a bare status the HTML page of the gateway in front of WeCom.
     */
    private SimResponse scripted(VendorError e) {
        if (e.code().isPresent()) {
            int code = e.code().getAsInt();
            return error(code, e.message().orElse(TEXTS.getOrDefault(code, "scripted failure")));
        }
        int status = e.status().getAsInt();
        return new SimResponse(status, Map.of("Content-Type", "text/html"),
                ("<html><body>" + status + " " + e.message().orElse("Service Temporarily Unavailable") + "</body></html>").getBytes(StandardCharsets.UTF_8));
    }

    /** Per-API calls per minute; a breach answers 45009 and blocks the API for 60 s (spec §1, page 90454). */
    private void throttle(String path, long now) {
        Window w = windows.computeIfAbsent(path, p -> new Window());
        if (now < w.blockedUntil) {
            throw new WeComError(45009, TEXTS.get(45009));
        }
        if (w.minute != now / 60) {
            w.minute = now / 60;
            w.calls = 0;
        }
        if (++w.calls > settings.apiCallsPerMinute()) {
            w.blockedUntil = now + 60;
            throw new WeComError(45009, TEXTS.get(45009));
        }
    }

    private SimResponse ok(ObjectNode payload) {
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("errcode", 0);
        out.put("errmsg", "ok");
        out.setAll(payload);
        return json(out);
    }

    private SimResponse error(int errcode, String text) {
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.put("errcode", errcode);
        out.put("errmsg", text + ", hint: [" + now().getEpochSecond() + "_sim" + hints.incrementAndGet()
                + "], from ip: " + CALLER_IP + ", more info at https://open.work.weixin.qq.com/devtool/query?e=" + errcode);
        return json(out);
    }

    private static SimResponse json(ObjectNode node) {
        try {
            return SimResponse.json(200, JsonBody.JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
