package dev.convene.provider.wecom.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.convene.provider.wecom.WeComProvider;
import dev.convene.spi.MalformedResponseException;
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

    private final JsonAdapter<WeComWire.Reply.Bare> envelope;

    private AccessTokens(TokenCache cache, Moshi moshi) {
        super(cache);
        this.envelope = moshi.adapter(WeComWire.Reply.Bare.class);
    }

    static AccessTokens create(ProviderContext context, WeComApi api, Moshi moshi, String baseUrl, String corpId, String corpSecret) {
        TokenCache cache = new TokenCache(context.tokenStore(), TokenKey.of(WeComProvider.ID, baseUrl, corpId, corpSecret), () -> {
            WeComWire.Token answer = api.gettoken(corpId, corpSecret).execute();
            if (answer.accessToken() == null || answer.expiresIn() == null) {
                throw new MalformedResponseException("gettoken answered without access_token or expires_in", null);
            }
            return new AccessToken(answer.accessToken(), context.clock().instant().plusSeconds(answer.expiresIn()));
        }, context.clock(), REFRESH_AHEAD, context.redactor());
        return new AccessTokens(cache, moshi);
    }

    @Override
    protected Request authorize(Request request, AccessToken token) {
        return request.newBuilder().url(request.url().newBuilder().setQueryParameter("access_token", token.value()).build()).build();
    }

    /** WeCom says "bad token" in an HTTP 200 body, so the body is peeked at (never consumed) for its errcode. */
    @Override
    protected boolean tokenRejected(Response response) throws IOException {
        if (!response.isSuccessful()) {
            return false;
        }
        try {
            WeComWire.Reply.Bare reply = envelope.fromJson(response.peekBody(PEEK_LIMIT).source());
            return reply != null && reply.errcode() != null && WeComErrors.TOKEN_REJECTED.contains(reply.errcode());
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }
}
