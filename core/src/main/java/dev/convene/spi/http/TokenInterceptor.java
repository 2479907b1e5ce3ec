package dev.convene.spi.http;

import dev.convene.ConveneException;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts the current token on every request and, when the vendor says the token is invalid or expired,
 * invalidates it, fetches a new one and replays the call exactly once. A second rejection is returned
 * as the vendor's answer (the provider maps it to an authentication error): never a loop. Replaying is
 * safe even for creates, because a vendor that rejects the token has not acted on the request.
 * Requests of endpoints marked {@link NoToken} pass through untouched.
 */
public abstract class TokenInterceptor implements Interceptor {
    private final TokenCache tokens;

    protected TokenInterceptor(TokenCache tokens) {
        this.tokens = tokens;
    }

    /** The tokens this interceptor puts on requests, e.g. for a credential check ({@link TokenCache#obtain}). */
    public final TokenCache tokens() {
        return tokens;
    }

    /** The request carrying {@code token} (as a header or query parameter). */
    protected abstract Request authorize(Request request, AccessToken token);

    /** Whether the vendor rejected the token; peek at the body if needed, never consume it. */
    protected abstract boolean tokenRejected(Response response) throws IOException;

    @Override
    public final Response intercept(Chain chain) throws IOException {
        if (ProviderHttp.endpointAnnotation(chain.request(), NoToken.class).isPresent()) {
            return chain.proceed(chain.request());
        }
        AccessToken token = current();
        Response response = chain.proceed(authorize(chain.request(), token));
        if (!tokenRejected(response)) {
            return response;
        }
        response.close();
        tokens.invalidate(token);
        return chain.proceed(authorize(chain.request(), current()));
    }

    private AccessToken current() throws VendorCallException {
        try {
            return tokens.current();
        } catch (ConveneException e) {
            throw new VendorCallException(e);
        }
    }
}
