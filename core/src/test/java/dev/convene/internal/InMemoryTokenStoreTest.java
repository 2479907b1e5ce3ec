package dev.convene.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.AuthenticationException;
import dev.convene.VendorError;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import dev.convene.testing.TestClock;
import org.junit.jupiter.api.Test;

class InMemoryTokenStoreTest {
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    final InMemoryTokenStore store = new InMemoryTokenStore();
    final AtomicInteger fetches = new AtomicInteger();
    final TokenKey key = TokenKey.of("wecom", "http://x", "corp", "secret");

    TokenCache cache(Duration lifetime) {
        return new TokenCache(store, key, () -> {
            int n = fetches.incrementAndGet();
            sleep(50);
            return new AccessToken("token-" + n, clock.instant().plus(lifetime));
        }, clock, Duration.ofMinutes(5), new Redactor());
    }

    @Test
    void aThousandConcurrentFirstCallersCauseOneFetch() throws Exception {
        TokenCache cache = cache(Duration.ofHours(2));
        ExecutorService pool = Executors.newFixedThreadPool(1000);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return cache.current();
            }));
        }
        go.countDown();
        for (Future<AccessToken> f : results) {
            assertThat(f.get().value()).isEqualTo("token-1");
        }
        pool.shutdown();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refreshesAheadOfExpiryOnce() {
        TokenCache cache = cache(Duration.ofHours(2));
        assertThat(cache.current().value()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(110));
        assertThat(cache.current().value()).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(6));
        assertThat(cache.current().value()).isEqualTo("token-2");
        assertThat(cache.current().value()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void invalidatingAStaleTokenKeepsANewerOne() {
        TokenCache cache = cache(Duration.ofHours(2));
        AccessToken first = cache.current();
        cache.invalidate(first);
        AccessToken second = cache.current();
        assertThat(second.value()).isEqualTo("token-2");
        cache.invalidate(first); // a slow caller reporting the old token must not drop the new one
        assertThat(cache.current()).isEqualTo(second);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aVendorRefusalDuringFetchComesOutAsItIsAndNothingIsCached() {
        AtomicInteger calls = new AtomicInteger();
        TokenCache cache = new TokenCache(store, key, () -> {
            calls.incrementAndGet();
            throw new AuthenticationException(new VendorError("wecom", 0, "40001", "invalid credential", null, null));
        }, clock, Duration.ofMinutes(5), new Redactor());
        assertThatThrownBy(cache::current).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(cache::current).isInstanceOf(AuthenticationException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void fetchedTokensAreRegisteredAsSecrets() {
        Redactor redactor = new Redactor();
        TokenCache cache = new TokenCache(store, key, () -> new AccessToken("tok-abcdef123", clock.instant().plusSeconds(7200)),
                clock, Duration.ofMinutes(5), redactor);
        cache.current();
        assertThat(redactor.redact("used tok-abcdef123 here")).isEqualTo("used **** here");
        assertThat(cache.current().toString()).doesNotContain("tok-abcdef123");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
