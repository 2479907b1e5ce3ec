package dev.convene.internal;

import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens in this JVM, one per key, each held as the future of its fetch. That future is the single
 * flight: the caller that finds no usable token puts a new future in the map and fetches; whoever
 * arrives meanwhile waits for the same future and gets its token (or its failure). A failed fetch leaves
 * nothing behind, and a stale token is removed only if it is still the one stored (compare-and-remove),
 * so a newer token fetched by someone else is never dropped.
 *
 * <p>A map of futures rather than Guava's cache: nothing here expires or is evicted, and loading the
 * cache's hundred-odd classes was a sixth of the time from {@code main()} to a first call.
 */
public final class InMemoryTokenStore implements TokenStore {
    private final ConcurrentHashMap<TokenKey, CompletableFuture<AccessToken>> tokens = new ConcurrentHashMap<>();

    @Override
    public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        for (;;) {
            CompletableFuture<AccessToken> stored = tokens.get(key);
            if (stored == null) {
                CompletableFuture<AccessToken> mine = new CompletableFuture<>();
                if (tokens.putIfAbsent(key, mine) == null) {
                    return fetch(key, mine, fetcher);
                }
            } else if (!stored.isDone()) {
                // A fetch is under way: its token is fresh, even if the vendor gave it a shorter life than asked.
                return await(stored);
            } else {
                AccessToken token = stored.isCompletedExceptionally() ? null : stored.getNow(null);
                if (token != null && token.isValidAt(validUntil)) {
                    return token;
                }
                // Expiring (or a failure its fetcher is about to remove): whoever removes it fetches the next.
                tokens.remove(key, stored);
            }
        }
    }

    private AccessToken fetch(TokenKey key, CompletableFuture<AccessToken> mine, TokenFetcher fetcher) throws IOException {
        try {
            AccessToken token = fetcher.fetch();
            mine.complete(token);
            return token;
        } catch (IOException | RuntimeException | Error e) {
            tokens.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The flight's token, or its failure as the fetcher threw it. */
    private static AccessToken await(CompletableFuture<AccessToken> flight) throws IOException {
        try {
            return flight.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
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
        CompletableFuture<AccessToken> stored = tokens.get(key);
        if (stored != null && !stored.isCompletedExceptionally() && stale.equals(stored.getNow(null))) {
            tokens.remove(key, stored);
        }
    }
}
