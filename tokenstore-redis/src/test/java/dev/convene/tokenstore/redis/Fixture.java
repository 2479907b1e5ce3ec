package dev.convene.tokenstore.redis;

import dev.convene.simulator.SettableClock;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the store tests share: a settable clock, a vendor that counts its token fetches, stores
 * opened the way {@code convene.token-store=redis} opens them, and a way to start many callers at once.
 */
final class Fixture implements AutoCloseable {
    static final TokenKey KEY = TokenKey.of("wecom", "http://127.0.0.1:1", "corp-1", "corp-secret-do-not-leak");
    static final Duration REFRESH_AHEAD = Duration.ofMinutes(5);

    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final AtomicInteger fetches = new AtomicInteger();
    private final List<TokenStore> stores = new ArrayList<>();

    /** A vendor answering after {@code delay} with token-N, valid for two hours. */
    TokenFetcher vendor(Duration delay) {
        return () -> {
            int n = fetches.incrementAndGet();
            sleep(delay.toMillis());
            return new AccessToken("token-" + n, clock.instant().plus(Duration.ofHours(2)));
        };
    }

    TokenStore store(String redisUrl, String... extraConfig) {
        Map<String, String> config = new HashMap<>();
        config.put("convene.redis.url", redisUrl);
        for (int i = 0; i < extraConfig.length; i += 2) {
            config.put(extraConfig[i], extraConfig[i + 1]);
        }
        TokenStore store = new RedisTokenStoreFactory().open(config, clock);
        stores.add(store);
        return store;
    }

    /** Each an independent instance: its own store, pool and in-JVM single flight. */
    List<TokenCache> instances(int count, String redisUrl, TokenFetcher vendor, String... extraConfig) {
        List<TokenCache> caches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            caches.add(cache(store(redisUrl, extraConfig), vendor));
        }
        return caches;
    }

    TokenCache cache(TokenStore store, TokenFetcher vendor) {
        return new TokenCache(store, KEY, vendor, clock, REFRESH_AHEAD, new Redactor());
    }

    /** Runs {@code calls} tasks released together, task i getting i; returns their results in order. */
    static <T> List<T> concurrently(int calls, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    go.await();
                    return task.run(index);
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    interface IndexedTask<T> {
        T run(int index) throws Exception;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** For fetchers, which may throw only IOException. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stores.forEach(TokenStore::close);
    }
}
