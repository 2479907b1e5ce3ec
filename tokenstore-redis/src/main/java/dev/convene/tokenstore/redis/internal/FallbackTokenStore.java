package dev.convene.tokenstore.redis.internal;

import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import dev.convene.spi.token.TokenStores;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared store while Redis answers, this instance's memory while it does not, so that calls
 * keep working through an outage (each instance then fetches its own token, as without Redis).
 *
 * <p>After a failure Redis is left alone for a back-off (1 s, doubling per failed try up to 30 s,
 * on the injected clock); then one caller tries it again while the others stay in memory, and its
 * success switches everyone back. One warning per outage, one note when it ends.
 */
public final class FallbackTokenStore implements TokenStore {
    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.tokenstore.redis");
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(30);

    private final SharedTokenStore shared;
    private final SharedCallBudgets budgets;
    private final TokenStore local;
    private final Clock clock;
    private final String where;
    /** Null while Redis is healthy. */
    private final AtomicReference<Outage> outage = new AtomicReference<>();

    /** The store {@code convene.token-store=redis} stands for, configured by the {@code convene.redis.*} keys. */
    public static TokenStore open(Map<String, String> config, Clock clock) {
        RedisSettings settings = RedisSettings.from(config);
        SharedTokenStore shared = new SharedTokenStore(new RedisTokens(settings), clock, settings.lockLease());
        return new FallbackTokenStore(shared, TokenStores.inMemory(), clock, settings.safeUrl(), new SharedCallBudgets(settings, clock));
    }

    private FallbackTokenStore(SharedTokenStore shared, TokenStore local, Clock clock, String where, SharedCallBudgets budgets) {
        this.budgets = budgets;
        this.shared = shared;
        this.local = local;
        this.clock = clock;
        this.where = where;
    }

    @Override
    public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        Outage seen = outage.get();
        Outage probe = null;
        if (seen != null) {
            probe = seen.probing(clock.instant());
            if (probe == null || !outage.compareAndSet(seen, probe)) {
                return local.obtain(key, validUntil, fetcher);
            }
            shared.dropIdleConnections();
        }
        boolean redisAnswered = true;
        try {
            return shared.obtain(key, validUntil, fetcher);
        } catch (RedisUnavailableException e) {
            redisAnswered = false;
            failed(probe, e);
            if (e.fetched().isPresent()) {
                AccessToken fetched = e.fetched().get();
                // keep the token the vendor just issued rather than ask for another one
                return local.obtain(key, fetched.expiresAt(), () -> fetched);
            }
            return local.obtain(key, validUntil, fetcher);
        } finally {
            // a vendor refusal during the probe still means Redis answered
            if (redisAnswered && probe != null && outage.compareAndSet(probe, null)) {
                LOG.info("Redis token store at {} is reachable again: tokens are shared across instances again", where);
            }
        }
    }

    @Override
    public void invalidate(TokenKey key, AccessToken stale) {
        local.invalidate(key, stale);
        if (outage.get() == null) {
            try {
                shared.invalidate(key, stale);
            } catch (RedisUnavailableException e) {
                // the stale token may survive in Redis; the next caller that uses it is refused and invalidates it again
                failed(null, e);
            }
        }
    }

    private void failed(Outage probe, RedisUnavailableException e) {
        Instant now = clock.instant();
        if (probe == null) {
            if (outage.compareAndSet(null, new Outage(now.plus(FIRST_BACKOFF), FIRST_BACKOFF))) {
                LOG.warn("Redis token store at {} is unreachable or unusable ({}); this instance keeps tokens in memory and fetches its own until Redis is back (next try in {}s)",
                        where, e.getMessage(), FIRST_BACKOFF.toSeconds());
            }
            return;
        }
        Outage next = probe.next(now);
        if (outage.compareAndSet(probe, next)) {
            LOG.debug("Redis token store at {} still unreachable ({}); next try in {}s", where, e.getMessage(), next.backoff().toSeconds());
        }
    }

    /** Bucket4j's buckets in the same Redis (convene.rate-limits.scope = cluster). */
    @Override
    public dev.convene.spi.CallBudgets callBudgets() {
        return budgets;
    }

    @Override
    public void close() {
        try {
            shared.close();
        } finally {
            local.close();
            budgets.close();
        }
    }

    /** Redis failed; try again at {@code retryAt}. A distinct instance marks the caller probing it. */
    private record Outage(Instant retryAt, Duration backoff) {
        /** The outage as the one caller trying Redis again sees it, or null while it is too early. */
        Outage probing(Instant now) {
            // others wait one more back-off while the probe runs: a probe against a hanging Redis takes the timeout
            return now.isBefore(retryAt) ? null : new Outage(now.plus(backoff), backoff);
        }

        Outage next(Instant now) {
            Duration longer = backoff.multipliedBy(2).compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : backoff.multipliedBy(2);
            return new Outage(now.plus(longer), longer);
        }
    }
}
