package dev.convene.testkit.toy;

import com.squareup.moshi.Json;
import com.squareup.moshi.Moshi;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.NoToken;
import dev.convene.spi.http.ProviderHttp;
import dev.convene.spi.http.TokenInterceptor;
import dev.convene.spi.http.VendorErrors;
import dev.convene.spi.json.EpochSeconds;
import dev.convene.spi.json.JsonQuirks;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.http.Body;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The toy vendor's client: wire records, a Retrofit interface, token handling, error mapping. */
final class ToyClient implements VendorClient {

    public record TokenAnswer(@Json(name = "access_token") String accessToken, @Json(name = "expires_in") long expiresIn) {
    }

    public record WireSession(String id, String kind, String title, String description, @EpochSeconds Instant start,
                              Long minutes, String zone, String password, String rrule, String status) {
    }

    public record WirePage(List<WireSession> items, @Json(name = "next_cursor") String nextCursor) {
    }

    public record WireError(String error, String message) {
    }

    interface Api {
        @NoToken
        @FormUrlEncoded
        @POST("oauth/token")
        Exchange<TokenAnswer> token(@Field("key") String key, @Field("secret") String secret);

        @POST("v1/sessions")
        Exchange<WireSession> create(@Body WireSession session);

        @GET("v1/sessions/{id}")
        Exchange<WireSession> get(@Path("id") String id);

        @PATCH("v1/sessions/{id}")
        Exchange<WireSession> update(@Path("id") String id, @Body WireSession change);

        @POST("v1/sessions/{id}/cancel")
        Exchange<Void> cancel(@Path("id") String id);

        @GET("v1/sessions")
        Exchange<WirePage> list(@Query("kind") String kind, @Query("page_size") Integer pageSize, @Query("cursor") String cursor,
                                @Query("include_cancelled") Boolean includeCancelled);
    }

    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.toy");
    private final ProviderContext context;
    private final Api api;
    private final Exchange<Void> credentialCheck;
    /** The promises broken on purpose ({@code convene.toy.flaw}, comma-separated), for the testkit's own tests. */
    private final Set<String> flaws;

    ToyClient(ProviderContext context) {
        this.context = context;
        this.flaws = Set.of(context.config().get("flaw", "").split(","));
        String base = context.config().require("base-url");
        String key = context.config().require("key");
        String secret = context.config().require("secret");
        Moshi moshi = JsonQuirks.moshi().build();
        VendorErrors errors = errors(moshi);
        AtomicReference<TokenCache> tokens = new AtomicReference<>();
        this.api = ProviderHttp.endpoints(Api.class, context, base, moshi, errors, endpoints -> bearer(endpoints, base, key, secret, tokens));
        this.credentialCheck = tokens.get().obtain(context.httpClient().dispatcher().executorService()).map(token -> null);
    }

    /** Obtains a token through the cache, as every call does: a check never replaces a token other callers hold. */
    @Override
    public Exchange<Void> checkCredentials() {
        return credentialCheck;
    }

    /** Bearer tokens from the toy's own {@code @NoToken} endpoint; with the flaw "replays-creates", lost POSTs are sent again. */
    private Interceptor bearer(Api endpoints, String base, String key, String secret, AtomicReference<TokenCache> kept) {
        TokenCache tokens = new TokenCache(context.tokenStore(), TokenKey.of("toy", base, key, secret), () -> {
            TokenAnswer a = endpoints.token(key, secret).execute();
            return new AccessToken(a.accessToken(), context.clock().instant().plusSeconds(a.expiresIn()));
        }, context.clock(), Duration.ofMinutes(5), context.redactor());
        kept.set(tokens);
        TokenInterceptor bearer = new TokenInterceptor(tokens) {
            @Override
            protected Request authorize(Request request, AccessToken token) {
                if (flaws.contains("logs-token")) {
                    LOG.debug("authorizing {} with {}", request.url().encodedPath(), token.value());
                }
                return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
            }

            @Override
            protected boolean tokenRejected(Response response) {
                return response.code() == 401 && !flaws.contains("no-token-refresh");
            }
        };
        return flaws.contains("replays-creates") ? chain -> replayPosts(bearer, chain) : bearer;
    }

    /** The flaw "replays-creates": a POST whose connection failed is sent once more, answer lost or not. */
    private static Response replayPosts(Interceptor bearer, Interceptor.Chain chain) throws IOException {
        try {
            return bearer.intercept(chain);
        } catch (IOException e) {
            if (!chain.request().method().equals("POST")) {
                throw e;
            }
            return bearer.intercept(chain);
        }
    }

    private VendorErrors errors(Moshi moshi) {
        return (status, headers, body) -> {
            WireError e;
            try {
                e = moshi.adapter(WireError.class).fromJson(body);
            } catch (IOException | RuntimeException ex) {
                e = new WireError("", body);
            }
            java.util.function.Function<VendorError, VendorException> kind = switch (e == null ? "" : e.error()) {
                case "bad_credentials", "invalid_token" -> dev.convene.AuthenticationException::new;
                case "not_found" -> flaws.contains("unknown-as-unavailable") ? dev.convene.VendorUnavailableException::new
                        : dev.convene.SessionNotFoundException::new;
                case "already_cancelled" -> flaws.contains("already-cancelled-as-conflict") ? dev.convene.ConflictException::new
                        : dev.convene.AlreadyCancelledException::new;
                case "rate_limited" -> dev.convene.RateLimitedException::new;
                case "invalid" -> dev.convene.VendorRejectedException::new;
                default -> dev.convene.VendorUnavailableException::new;
            };
            String retryAfter = headers.get("Retry-After");
            String code = e == null || flaws.contains("loses-vendor-code") ? "" : e.error();
            return kind.apply(new VendorError("toy", status, code,
                    context.redactor().redact(e == null ? body : e.message()), null,
                    retryAfter == null ? null : Duration.ofSeconds(Long.parseLong(retryAfter))));
        };
    }

    @Override
    public Exchange<Session> create(SessionDraft d) {
        Instant start = flaws.contains("wrong-start") ? d.start().plus(Duration.ofHours(1)) : d.start();
        WireSession wire = new WireSession(null, d.kind().wireName(), d.title(),
                flaws.contains("drops-description") ? null : d.description(), start, d.duration().toMinutes(), d.timeZone().getId(),
                d.password(), d.recurrence() == null || flaws.contains("ignores-recurrence") ? null : d.recurrence().toRRule(), null);
        // The toy's answers never say who organizes a session; the one sent is known.
        return api.create(wire).map(w -> toSession(w).toBuilder().organizer(d.organizer()).build());
    }

    @Override
    public Exchange<Session> get(SessionId id) {
        return api.get(id.nativeId()).map(this::toSession);
    }

    @Override
    public Exchange<Session> update(SessionId id, SessionUpdate u) {
        WireSession change = new WireSession(null, null, u.title(), u.description(), u.start(),
                u.duration() == null ? null : u.duration().toMinutes(), u.timeZone() == null ? null : u.timeZone().getId(),
                u.password(), u.recurrence() == null ? null : u.recurrence().toRRule(), null);
        return api.update(id.nativeId(), change).map(this::toSession);
    }

    @Override
    public Exchange<Void> cancel(SessionId id) {
        return api.cancel(id.nativeId());
    }

    @Override
    public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
        Exchange<Page<Session>> page = api.list(kind.wireName(), query.pageSize() == 0 ? null : query.pageSize(), query.cursor(),
                        query.asksForCancelled() ? true : null)
                .map(p -> new Page<>(p.items().stream().map(this::toSession).toList(), p.nextCursor()));
        if (flaws.contains("short-later-page") && query.cursor() != null) {
            // a later page the vendor refused is taken for the end of the listing
            return page.recover(refused -> Exchange.completed(new Page<>(List.of(), null)));
        }
        return page;
    }

    @Override
    public String defaultOrganizer() {
        return context.config().get("organizer", "owner");
    }

    private Session toSession(WireSession w) {
        try {
            return Session.builder()
                    .id(SessionId.of("toy", SessionKind.parse(w.kind()), w.id()))
                    .title(w.title()).description(w.description()).start(w.start())
                    .duration(Duration.ofMinutes(w.minutes())).timeZone(w.zone() == null ? null : ZoneId.of(w.zone()))
                    .status("cancelled".equals(w.status()) && !flaws.contains("cancelled-as-scheduled") ? SessionStatus.CANCELLED : SessionStatus.SCHEDULED)
                    .password(w.password()).recurrence(w.rrule() == null ? null : Recurrence.parse(w.rrule()))
                    .build();
        } catch (InvalidSessionException e) {
            // The parse methods refuse text as the caller's invalid input; in a vendor's answer it makes the answer unreadable.
            throw new IllegalStateException("unreadable session in the answer: " + e.getMessage(), e);
        }
    }
}
