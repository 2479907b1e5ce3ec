package dev.convene.provider.wecom.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.http.TokenInterceptor;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Request;
import okhttp3.Response;

/**
 * WeCom's access token (spec §1), through core's token cache: fetched once for all concurrent callers,
 * refreshed {@link #REFRESH_AHEAD} before it expires, and on 40001/40014/42001 invalidated, fetched again
 * and the call replayed exactly once (core's {@link TokenInterceptor}). Tokens are per app, so the cache
 * key is the corp, the secret and the host.
 */
final class AccessTokens extends TokenInterceptor {
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);
    private static final long PEEK_LIMIT = 64 * 1024;

    private static final java.util.List<okio.ByteString> REJECTED_DIGITS = WeComErrors.TOKEN_REJECTED.stream()
            .map(code -> okio.ByteString.encodeUtf8(Integer.toString(code))).toList();

    private final JsonAdapter<Reply.Bare> envelope;

    private AccessTokens(TokenCache cache, Moshi moshi) {
        super(cache);
        this.envelope = moshi.adapter(Reply.Bare.class);
    }

    static AccessTokens create(ProviderContext context, WeComApi.Tokens api, Moshi moshi, String baseUrl, String corpId, String corpSecret) {
        TokenCache cache = new TokenCache(context.tokenStore(), TokenKey.of("wecom", baseUrl, corpId, corpSecret), () -> {
            TokenWire answer = api.gettoken(corpId, corpSecret).execute();
            if (answer.accessToken() == null || answer.expiresIn() == null) {
                throw new dev.convene.spi.MalformedResponseException("gettoken answered without access_token or expires_in", null);
            }
            return new AccessToken(answer.accessToken(), context.clock().instant().plusSeconds(answer.expiresIn()));
        }, context.clock(), REFRESH_AHEAD, context.redactor());
        return new AccessTokens(cache, moshi);
    }

    @Override
    protected Request authorize(Request request, AccessToken token) {
        return request.newBuilder().url(authorized(request.url(), token.value())).build();
    }

    /**
     * The URL with {@code ?access_token=}. Rebuilding a URL costs some 2 KB of garbage, and WeCom's POST
     * endpoints have one fixed URL each, so those are remembered per token (a dozen at most); URLs with a
     * query of their own (an id) are built every time.
     */
    private okhttp3.HttpUrl authorized(okhttp3.HttpUrl url, String token) {
        if (url.querySize() > 0) {
            return url.newBuilder().setQueryParameter("access_token", token).build();
        }
        Authorized known = this.known;
        if (known == null || !known.token.equals(token)) {
            known = new Authorized(token, new java.util.concurrent.ConcurrentHashMap<>());
            this.known = known;
        }
        return known.urls.computeIfAbsent(url, u -> u.newBuilder().setQueryParameter("access_token", token).build());
    }

    /** Fixed URLs with one token on them; replaced as a whole when the token changes. */
    private record Authorized(String token, java.util.Map<okhttp3.HttpUrl, okhttp3.HttpUrl> urls) {
    }

    private volatile Authorized known;

    /**
     * WeCom says "bad token" in an HTTP 200 body, so the body is looked at (never consumed) for its errcode.
     * It is first loaded into the body's own buffer and searched for the codes' digits: without them the
     * errcode cannot be one of them, and no copy is made. Only a body that has them is peeked and parsed;
     * a peek shares Okio's segments, which then never return to the pool (8 KB more garbage per call).
     */
    @Override
    protected boolean tokenRejected(Response response) throws IOException {
        if (!response.isSuccessful()) {
            return false;
        }
        okhttp3.ResponseBody body = response.body();
        if (body != null) {
            okio.BufferedSource source = body.source();
            source.request(PEEK_LIMIT);
            okio.Buffer loaded = source.getBuffer();
            boolean mentioned = false;
            for (okio.ByteString code : REJECTED_DIGITS) {
                long at = loaded.indexOf(code);
                if (at >= 0 && at < PEEK_LIMIT) {
                    mentioned = true;
                    break;
                }
            }
            if (!mentioned) {
                return false;
            }
        }
        try {
            Reply.Bare reply = envelope.fromJson(response.peekBody(PEEK_LIMIT).source());
            return reply != null && reply.errcode() != null && WeComErrors.TOKEN_REJECTED.contains(reply.errcode());
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
