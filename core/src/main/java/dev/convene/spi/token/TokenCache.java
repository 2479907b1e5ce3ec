package dev.convene.spi.token;

import dev.convene.ConveneException;
import dev.convene.VendorError;
import dev.convene.VendorUnavailableException;
import dev.convene.spi.http.Redactor;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

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
        this.fetcher = () -> {
            AccessToken token = fetcher.fetch();
            redactor.addSecret(token.value());
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

    public void invalidate(AccessToken stale) {
        store.invalidate(key, stale);
    }

    public TokenKey key() {
        return key;
    }
}
