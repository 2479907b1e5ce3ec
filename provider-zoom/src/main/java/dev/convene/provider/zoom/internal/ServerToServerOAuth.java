package dev.convene.provider.zoom.internal;

import dev.convene.ConveneException;
import dev.convene.VendorException;
import dev.convene.AuthenticationException;
import dev.convene.provider.zoom.ZoomProvider;
import dev.convene.spi.Exchange;
import dev.convene.spi.MalformedResponseException;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.http.TokenInterceptor;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Zoom's Server-to-Server OAuth (spec §1): a bearer token from {@code POST <oauth-url>} with Basic auth
 * and the form {@code grant_type=account_credentials&account_id=…}, cached per credential through core's
 * token cache (one fetch however many callers, refreshed ahead of expiry), and replaced once when a call
 * comes back 401. The token endpoint is {@link ZoomApi#token}, sent without a bearer ({@code @NoToken}).
 */
final class ServerToServerOAuth {
    /** §1.4: refresh five minutes before expiry, as ZoomNet does, so a slow call never carries a dying token. */
    private static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    private ServerToServerOAuth() {
    }

    static TokenInterceptor bearer(ProviderContext context, ZoomApi oauth, String oauthUrl, String accountId, String clientId, String clientSecret) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        context.redactor().addFixedSecret(clientSecret);
        context.redactor().addFixedSecret(basic.substring(6));
        TokenCache tokens = new TokenCache(context.tokenStore(), TokenKey.of(ZoomProvider.ID, oauthUrl, accountId, clientId, clientSecret),
                () -> {
                    ZoomWire.Token t = oauth.token(oauthUrl, basic, "account_credentials", accountId)
                            .recover(ServerToServerOAuth::credentialsRefused).execute();
                    if (t == null || t.accessToken() == null || t.expiresIn() == null) {
                        throw new MalformedResponseException("Zoom's token answer lacks access_token or expires_in", null);
                    }
                    return new AccessToken(t.accessToken(), context.clock().instant().plusSeconds(t.expiresIn()));
                }, context.clock(), REFRESH_AHEAD, context.redactor());
        return new Bearer(tokens);
    }

    /**
     * The token endpoint refuses nothing but the credentials: any refusal other than a rate limit or an outage
     * means they are wrong, whatever status and body it came with.
     */
    private static Exchange<ZoomWire.Token> credentialsRefused(ConveneException refusal) {
        if (refusal instanceof VendorException e && e.httpStatus() != 429 && e.httpStatus() < 500 && !(e instanceof AuthenticationException)) {
            return Exchange.failed(new AuthenticationException(e.error()));
        }
        return Exchange.failed(refusal);
    }

    /** §1.3: any 401 means "refresh once, then fail", whatever the body says (Zoom has used several). */
    private static final class Bearer extends TokenInterceptor {
        Bearer(TokenCache tokens) {
            super(tokens);
        }

        @Override
        protected Request authorize(Request request, AccessToken token) {
            return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
        }

        @Override
        protected boolean tokenRejected(Response response) {
            return response.code() == 401;
        }
    }
}
