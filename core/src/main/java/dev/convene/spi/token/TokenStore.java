package dev.convene.spi.token;

import java.io.IOException;
import java.time.Instant;

/**
 * Where tokens live. The default keeps them in this JVM; a cluster shares one store so that all its
 * instances use, refresh and invalidate one token per credential.
 *
 * <p>Implementations must be thread-safe and guarantee single flight: however many callers (in this
 * JVM, or across all instances sharing the store) need a new token for one key at the same time, the
 * fetcher runs once and they all get its result.
 */
public interface TokenStore extends AutoCloseable {

    /**
     * A token for {@code key} still valid after {@code validUntil}; when the stored one is missing or
     * expires earlier, fetches a new one (once, for all concurrent callers) and stores it. A freshly
     * fetched token is returned even if the vendor gave it a shorter life than asked for.
     */
    AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException;

    /**
     * The vendor rejected {@code stale}: drop it, but only if it is still the stored token, so that a
     * newer token someone else fetched in the meantime survives.
     */
    void invalidate(TokenKey key, AccessToken stale);

    /**
     * Call budgets shared by every instance that uses this store (with {@code convene.rate-limits.scope = cluster}),
     * or {@code null} when the store shares nothing (then only {@code instance} scope is possible). Default: {@code null}.
     */
    default dev.convene.spi.CallBudgets callBudgets() {
        return null;
    }

    @Override
    default void close() {
    }
}
