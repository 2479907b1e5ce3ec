package dev.convene.internal;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.ExecutionError;
import com.google.common.util.concurrent.UncheckedExecutionException;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.ExecutionException;

/**
 * Tokens in this JVM. Guava's cache gives the single flight: concurrent {@code get(key, loader)} calls
 * for one key run one loader and share its result. A stale token is removed only if it is still the
 * one stored (compare-and-remove), so a newer token fetched by someone else is never dropped.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final Cache<TokenKey, AccessToken> tokens = CacheBuilder.newBuilder().build();

    @Override
    public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        AccessToken stored = tokens.getIfPresent(key);
        if (stored != null && stored.isValidAt(validUntil)) {
            return stored;
        }
        if (stored != null) {
            tokens.asMap().remove(key, stored);
        }
        try {
            return tokens.get(key, fetcher::fetch);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (UncheckedExecutionException | ExecutionError e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public void invalidate(TokenKey key, AccessToken stale) {
        tokens.asMap().remove(key, stale);
    }
}
