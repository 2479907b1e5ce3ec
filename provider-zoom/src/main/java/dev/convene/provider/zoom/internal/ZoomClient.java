package dev.convene.provider.zoom.internal;

import com.squareup.moshi.Moshi;
import dev.convene.Access;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderConfig;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.ProviderHttp;
import dev.convene.spi.http.TokenInterceptor;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.json.JsonQuirks;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Request;

/**
 * Zoom meetings and webinars for core: S2S OAuth through core's token cache (§1), every path under
 * {@code /accounts/{id}/} when a sub-account is configured (§3.7), and the neutral ↔ Zoom mapping.
 */
public final class ZoomClient implements VendorClient {
    /** One for every client: Moshi is thread-safe and caches its adapters, which every tenant's client would otherwise build again. */
    private static final Moshi WIRE_JSON = JsonQuirks.moshi().build();
    public static final String DEFAULT_BASE_URL = "https://api.zoom.us/v2";
    public static final String DEFAULT_OAUTH_URL = "https://zoom.us/oauth/token";

    private final ProviderContext context;
    private final ZoomApi api;
    private final ZoomMapper sessions;
    private final String organizer;
    private final Exchange<Void> credentialCheck;

    public ZoomClient(ProviderContext context) {
        this.context = context;
        // start_url carries the host's key (?zak=…): whoever holds it starts the session as host (§2).
        context.redactor().addSensitiveName("zak");
        // The passcode in its other forms (core masks "password"): dial-in and H.323 digits, and the join link's pwd.
        for (String name : new String[] {"h323_password", "pstn_password", "encrypted_password", "pwd"}) {
            context.redactor().addSensitiveName(name);
        }
        ProviderConfig config = context.config();
        String accountId = config.require("account-id");
        String clientId = config.require("client-id");
        String clientSecret = config.require("client-secret");
        String baseUrl = config.get("base-url", DEFAULT_BASE_URL);
        String oauthUrl = config.get("oauth-url", DEFAULT_OAUTH_URL);
        this.organizer = config.get("organizer", "me");
        this.sessions = new ZoomMapper(context.clock());

        Moshi moshi = WIRE_JSON;
        String sub = config.get("sub-account-id").orElse(null);
        String apiBase = sub == null ? baseUrl : trimSlash(baseUrl) + "/accounts/" + URLEncoder.encode(sub, StandardCharsets.UTF_8);
        AtomicReference<TokenCache> tokens = new AtomicReference<>();
        this.api = ProviderHttp.endpoints(ZoomApi.class, context, apiBase, moshi, ZoomErrors.api(moshi, context.clock(), context.redactor()),
                endpoints -> {
                    TokenInterceptor bearer = ServerToServerOAuth.bearer(context, endpoints, oauthUrl, accountId, clientId, clientSecret);
                    tokens.set(bearer.tokens());
                    return bearer;
                });
        // Through the cache, never a token of its own: a new S2S token may invalidate the one held (spec §1.3).
        this.credentialCheck = tokens.get().obtain(context.httpClient().dispatcher().executorService()).map(token -> null);
    }

    /** A token for account-id, client-id and client-secret from the OAuth endpoint, as the calls obtain it: the held one while it is valid. */
    @Override
    public Exchange<Void> checkCredentials() {
        return credentialCheck;
    }

    @Override
    public List<Violation> validate(SessionDraft d) {
        return ZoomRules.check(d);
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate u) {
        return ZoomRules.check(id, u);
    }

    // ---- operations ---------------------------------------------------------------------------

    @Override
    public Exchange<Session> create(SessionDraft d) {
        ZoomZone placed = ZoomZone.of(d.timeZone(), d.start(), d.recurrence());
        ZoomWire.Recurrence rule = placed.rule() == null ? null
                : ZoomRecurrences.toWire(placed.rule(), d.start(), placed.zone(), ZoomRecurrences.maxOccurrences(d.kind()));
        return api.create(d.organizer(), collection(d.kind()), ZoomMapper.create(d, placed.timezone(), rule))
                .then(w -> withHost(d, w));
    }

    /**
     * The create-meeting 201 documents {@code host_email}, not {@code host_id} (spec, corrections), while every
     * other answer names the host by id: without the id the organizer is named missing, for core's read after the
     * create, and meanwhile is the host's e-mail, or the organizer asked for.
     */
    private Exchange<Session> withHost(SessionDraft d, ZoomWire.Session created) {
        Session s = sessions.toSession(d.kind(), created);
        if (created.hostId() != null) {
            return Exchange.completed(s);
        }
        return Exchange.completed(s.toBuilder().organizer(created.hostEmail() != null ? created.hostEmail() : d.organizer())
                .missing(EnumSet.of(Session.Part.ORGANIZER)).build());
    }

    @Override
    public Exchange<Session> get(SessionId id) {
        return fetch(id).map(w -> sessions.toSession(id.kind(), w));
    }

    /**
     * PATCH answers 204, so the session is read first: the answer is it with the change applied, none of it
     * confirmed (core reads it back). A change of time, zone or rule needs it anyway: a weekly rule without days
     * and an end date depend on the start and zone, and a new time or zone of a recurring session restates its
     * recurrence (see {@link #recurrence}).
     */
    @Override
    public Exchange<Session> update(SessionId id, SessionUpdate u) {
        return fetch(id).then(cur -> {
            ZoomWire.Recurrence rule = recurrence(id.kind(), u, cur);
            return api.update(collection(id.kind()), id.nativeId(), ZoomMapper.update(id.kind(), u, timezone(u, rule), rule))
                    .map(ignored -> u.applyTo(sessions.toSession(id.kind(), cur)).toBuilder()
                            .missing(EnumSet.allOf(Session.Part.class)).build());
        });
    }

    /** The PATCH's {@code timezone}: the update's zone by name; a bare offset only when a rule goes with it, then UTC ({@link ZoomZone}). */
    private static String timezone(SessionUpdate u, ZoomWire.Recurrence rule) {
        if (u.timeZone() == null) {
            return null;
        }
        return ZoomTimes.bareOffset(u.timeZone()).isPresent() ? (rule == null ? null : "UTC") : ZoomTimes.zoneName(u.timeZone());
    }

    /**
     * The rule the PATCH carries: the update's own, or, when a recurring session gets a new time or zone,
     * the stored one restated, as Zoom ignores a new time of a recurring session without it (§4.3). A new
     * time alone restates the rule as Zoom stored it; a new zone re-expresses it there, because its end
     * date and weekdays are dates of the session's zone. Either way the series must still be one Zoom takes.
     */
    static ZoomWire.Recurrence recurrence(SessionKind kind, SessionUpdate u, ZoomWire.Session current) {
        if (current == null || u.removesRecurrence()) {
            return null;
        }
        boolean recurring = current.type() != null && (current.type() == 8 || current.type() == 9) && current.recurrence() != null;
        if (u.recurrence() == null && !(recurring && (u.start() != null || u.timeZone() != null))) {
            return null;
        }
        Instant storedStart = current.startTime() == null ? null : ZoomTimes.parse(current.startTime());
        Instant start = u.start() != null ? u.start() : storedStart;
        if (start == null) {
            throw new InvalidSessionException(List.of(new Violation("start", "is required to make a Zoom session without a fixed time recur")));
        }
        ZoneId zone = u.timeZone() != null ? u.timeZone() : storedZone(current);
        Recurrence rule = u.recurrence() != null ? u.recurrence()
                : ZoomRecurrences.fromWire(current.recurrence(), storedStart, storedZone(current));
        int longest = ZoomRecurrences.maxOccurrences(kind);
        requireFits(rule, start, zone, longest);
        if (u.recurrence() == null && u.timeZone() == null) {
            return current.recurrence();
        }
        ZoomZone placed = ZoomZone.of(zone, start, rule);
        return ZoomRecurrences.toWire(placed.rule(), start, placed.zone(), longest);
    }

    /**
     * The zone Zoom keeps the session in, for a change whose wire form depends on it. A zone this JDK does
     * not know is refused rather than guessed: a guess would move the rule's weekdays or end date.
     */
    private static ZoneId storedZone(ZoomWire.Session current) {
        return ZoomTimes.zone(current.timezone()).orElseThrow(() -> new InvalidSessionException(List.of(new Violation("timeZone",
                "must be given for this change: Zoom keeps the session in '" + current.timezone() + "', a zone this Java runtime does not know"))));
    }

    /** Refuses, before the PATCH, a series Zoom would refuse: none, or more than its kind's longest. */
    private static void requireFits(Recurrence rule, Instant start, ZoneId zone, int longest) {
        List<Violation> violations = ZoomRecurrences.fits(rule, start, zone, longest);
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
    }

    @Override
    public Exchange<Void> cancel(SessionId id) {
        return api.delete(collection(id.kind()), id.nativeId());
    }

    /**
     * Zoom pages its lists with {@code next_page_token}, but whether the webinar list honours it is
     * unconfirmed (§3.5), and some lists honour only the token, not the deprecated {@code page_number}
     * (§8.5). So every follow-up page names both, and this provider's cursor carries both; a list that
     * honours either pages correctly, and one that honours neither at least ends at its {@code page_count}
     * instead of handing out fresh tokens for ever (which core's repeated-cursor guard cannot see).
     */
    @Override
    public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
        Integer pageSize = query.pageSize() == 0 ? null : Math.min(query.pageSize(), 300);
        String user = query.organizer() == null ? organizer : query.organizer();
        ZoomCursor at = ZoomCursor.parse(query.cursor());
        return api.list(user, collection(kind), pageSize, at.isFirst() ? null : at.number(), at.token()).map(p -> {
            List<ZoomWire.Session> items = kind == SessionKind.WEBINAR ? p.webinars() : p.meetings();
            if (items == null) {
                // Zoom lists every page with its array, empty or not: a page without one is no page (spec §3.5, §4.5)
                throw new IllegalStateException("a list page without its '" + collection(kind) + "' array");
            }
            // Zoom filters lists by type, not by time: core keeps the page to from/to.
            List<Session> page = items.stream()
                    .map(w -> sessions.toSession(kind, w))
                    .toList();
            return new Page<>(page, at.next(p));
        });
    }

    @Override
    public String defaultOrganizer() {
        return organizer;
    }

    private Exchange<ZoomWire.Session> fetch(SessionId id) {
        return api.get(collection(id.kind()), id.nativeId());
    }

    private static String collection(SessionKind kind) {
        return switch (kind) {
            case MEETING -> "meetings";
            case WEBINAR -> "webinars";
            case LIVE_STREAM -> throw new IllegalArgumentException("Zoom has no live-stream sessions");
        };
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
