package dev.convene.spi.token;

import dev.convene.ConveneException;
import dev.convene.VendorError;
import dev.convene.VendorUnavailableException;
import dev.convene.internal.Attempt;
import dev.convene.internal.CallScope;
import dev.convene.spi.Exchange;
import dev.convene.spi.http.Redactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One credential's token, as a provider uses it: {@link #current()} before each call (refreshing
 * {@code refreshAhead} before expiry, once for all concurrent callers) and {@link #invalidate} when
 * the vendor says the token is no good.
 */
public final class TokenCache {
    private final TokenStore store;
    private final TokenKey key;
    private final TokenFetcher fetcher;
    private final Clock clock;
    private final Duration refreshAhead;

    public TokenCache(TokenStore store, TokenKey key, TokenFetcher fetcher, Clock clock, Duration refreshAhead, Redactor redactor) {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.refreshAhead = refreshAhead;
        // A token's request is not part of the call that needs it: a write whose token could not be had was never sent.
        this.fetcher = told(() -> Attempt.within(null, () -> {
            AccessToken token = fetcher.fetch();
            redactor.addSecret(token.value());
            return token;
        }));
    }

    /** {@code fetcher}, telling the listeners of the call that needs the token (if any) how each fetch went. */
    private static TokenFetcher told(TokenFetcher fetcher) {
        return () -> {
            CallScope scope = CallScope.current();
            if (scope == null) {
                return fetcher.fetch();
            }
            long started = System.nanoTime();
            AccessToken token;
            try {
                token = fetcher.fetch();
            } catch (IOException | RuntimeException e) {
                scope.tokenFetched(Duration.ofNanos(System.nanoTime() - started), e);
                throw e;
            }
            scope.tokenFetched(Duration.ofNanos(System.nanoTime() - started), null);
            return token;
        };
    }

    /** A token valid for at least {@code refreshAhead}; vendor refusals come out as they are, transport failures as {@link VendorUnavailableException}. */
    public AccessToken current() {
        try {
            return store.obtain(key, clock.instant().plus(refreshAhead), fetcher);
        } catch (ConveneException e) {
            throw e;
        } catch (IOException e) {
            throw new VendorUnavailableException(new VendorError(key.provider(), 0, "", "token request failed: " + e.getClass().getSimpleName(), null, null), e);
        }
    }

    /**
     * Obtaining a token as an {@link Exchange}, for a credential check: exactly {@link #current()} (the held
     * token while it is valid, else one fetched once and kept), so a check never replaces a token other
     * callers hold. Run non-blocking, the fetch happens on {@code executor}.
     */
    public Exchange<AccessToken> obtain(Executor executor) {
        return new Exchange<>() {
            @Override
            public AccessToken execute() {
                return current();
            }

            @Override
            public CompletableFuture<AccessToken> enqueue() {
                return CompletableFuture.supplyAsync(TokenCache.this::current, executor);
            }
        };
    }

    public void invalidate(AccessToken stale) {
        store.invalidate(key, stale);
    }

    public TokenKey key() {
        return key;
    }
}
