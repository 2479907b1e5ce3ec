package dev.convene.spi;

import dev.convene.spi.http.Redactor;
import dev.convene.spi.token.TokenStore;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * What core hands a provider when it opens one.
 *
 * @param httpClient the shared root client: derive yours with {@code newBuilder()} (or
 *                   {@link dev.convene.spi.http.ProviderHttp}) so every provider shares one pool and dispatcher
 * @param clock      the only source of "now": token expiry, timestamps, "start in the future"
 * @param tokenStore where access tokens live (in memory, or shared by a cluster)
 * @param redactor   register every secret with it; logs and messages pass through it
 * @param reads      core's retry policy for a read inside a call (each get after a page of ids)
 */
public record ProviderContext(String providerId, ProviderConfig config, OkHttpClient httpClient, Clock clock,
                              TokenStore tokenStore, Redactor redactor, ReadRetries reads) {
    public ProviderContext {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(httpClient, "httpClient");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenStore, "tokenStore");
        Objects.requireNonNull(redactor, "redactor");
        Objects.requireNonNull(reads, "reads");
    }

    /** A context whose reads inside a call are not retried ({@link ReadRetries#NONE}), e.g. for a provider's own tests. */
    public ProviderContext(String providerId, ProviderConfig config, OkHttpClient httpClient, Clock clock, TokenStore tokenStore,
                           Redactor redactor) {
        this(providerId, config, httpClient, clock, tokenStore, redactor, ReadRetries.NONE);
    }
}
