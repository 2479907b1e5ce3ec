package dev.convene.tokenstore.redis.internal;

import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Tokens shared by every instance through Redis, with no fallback: a Redis failure comes out as
 * {@link RedisUnavailableException}.
 *
 * <p>A refresh is single-flight at two levels. In this JVM, concurrent callers for one key share one
 * refresh, so an instance sends one caller to Redis, not hundreds. Across instances, the refresher
 * must take the key's Redis lock; the others poll until the new token appears or the lock is gone
 * (its holder failed or died), and then check again. The poll is a cheap loopback read, and unlike
 * pub/sub it survives reconnects without a backstop of its own.
 *
 * <p>Every call reads Redis (no near cache), so a refresh or invalidation by any instance is seen at
 * once; one round trip is small next to the vendor call the token is for.
 */
final class SharedTokenStore implements TokenStore {
    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(50);
    private static final Duration MIN_PATIENCE = Duration.ofSeconds(5);

    private final RedisTokens redis;
    private final Clock clock;
    private final Duration lease;
    private final ConcurrentMap<TokenKey, CompletableFuture<AccessToken>> refreshing = new ConcurrentHashMap<>();

    SharedTokenStore(RedisTokens redis, Clock clock, Duration lease) {
        this.redis = redis;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        Optional<RedisTokens.Stored> stored = redis(() -> redis.read(key));
        if (stored.isPresent() && stored.get().usableUntil(validUntil)) {
            return stored.get().token();
        }
        return refreshOnce(key, validUntil, fetcher);
    }

    @Override
    public void invalidate(TokenKey key, AccessToken stale) {
        redis(() -> {
            redis.markStale(key, stale);
            return null;
        });
    }

    private AccessToken refreshOnce(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        CompletableFuture<AccessToken> mine = new CompletableFuture<>();
        CompletableFuture<AccessToken> running = refreshing.putIfAbsent(key, mine);
        if (running != null) {
            return join(running);
        }
        try {
            AccessToken token = refresh(key, validUntil, fetcher);
            mine.complete(token);
            return token;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            refreshing.remove(key, mine);
        }
    }

    private AccessToken refresh(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
        String owner = UUID.randomUUID().toString();
        // Long enough for the holder's lease and a successor's after a takeover, never so short that
        // load alone turns waiting into errors. On the JVM's monotonic timer, not the injected clock,
        // because the lease runs on Redis's real time.
        long giveUpAt = System.nanoTime() + Math.max(2 * lease.toNanos(), MIN_PATIENCE.toNanos());
        Duration pause = FIRST_PAUSE;
        while (true) {
            RedisTokens.Acquired acquired = redis(() -> redis.acquire(key, owner, lease, validUntil));
            if (acquired.token().isPresent()) {
                return acquired.token().get();
            }
            if (acquired.lock()) {
                return fetchAndStore(key, owner, fetcher);
            }
            if (System.nanoTime() - giveUpAt > 0) {
                throw new IOException("gave up waiting for another instance to refresh the token for " + key);
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private AccessToken fetchAndStore(TokenKey key, String owner, TokenFetcher fetcher) throws IOException {
        AccessToken fresh;
        try {
            fresh = fetcher.fetch();
        } catch (IOException | RuntimeException | Error e) {
            try {
                redis.release(key, owner);
            } catch (JedisException releaseFailed) {
                // the lease frees the lock anyway; the vendor's answer is what the caller must see
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        try {
            if (redis.store(key, owner, fresh, Duration.between(clock.instant(), fresh.expiresAt()))) {
                return fresh;
            }
            // Our lease ran out during the fetch and a newer refresh may have stored its token: prefer
            // that one (Zoom may have revoked ours when it issued it).
            return redis.read(key).filter(s -> s.usableUntil(clock.instant())).map(RedisTokens.Stored::token).orElse(fresh);
        } catch (JedisException e) {
            throw new RedisUnavailableException(e, fresh);
        }
    }

    private static AccessToken join(CompletableFuture<AccessToken> running) throws IOException {
        try {
            return running.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a token refresh");
        }
    }

    private static void sleep(Duration pause) throws InterruptedIOException {
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a token refresh");
        }
    }

    private static <T> T redis(Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisException e) {
            throw new RedisUnavailableException(e, null);
        }
    }

    void dropIdleConnections() {
        redis.dropIdleConnections();
    }

    @Override
    public void close() {
        redis.close();
    }
}
