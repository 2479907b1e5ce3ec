package dev.convene.tokenstore.redis;

import static dev.convene.tokenstore.redis.Fixture.KEY;
import static dev.convene.tokenstore.redis.Fixture.concurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.AuthenticationException;
import dev.convene.VendorError;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/** Several independent store instances sharing one real Redis, as several application instances would. */
class SharedTokensTest {
    RedisServer redis;
    final Fixture fixture = new Fixture();

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterEach
    void stopRedis() {
        fixture.close();
        redis.close();
    }

    @Test
    void eightInstancesWithFiveHundredConcurrentFirstCallsFetchOnce() throws Exception {
        List<TokenCache> instances = fixture.instances(8, redis.url(), fixture.vendor(Duration.ofMillis(100)));

        List<String> tokens = concurrently(500, i -> instances.get(i % 8).current().value());

        assertThat(tokens).hasSize(500).containsOnly("token-1");
        assertThat(fixture.fetches).hasValue(1);
    }

    @Test
    void aRevokedTokenIsFetchedAgainOnceAcrossAllInstances() throws Exception {
        List<TokenCache> instances = fixture.instances(8, redis.url(), fixture.vendor(Duration.ofMillis(50)));
        AccessToken revoked = instances.get(0).current();

        // every caller holding the revoked token reports it, as TokenInterceptor does on a 401/40014, then asks again
        List<String> tokens = concurrently(400, i -> {
            TokenCache instance = instances.get(i % 8);
            AccessToken used = instance.current();
            if (used.value().equals(revoked.value())) {
                instance.invalidate(used);
            }
            return instance.current().value();
        });

        assertThat(tokens).containsOnly("token-2");
        assertThat(fixture.fetches).hasValue(2);
    }

    @Test
    void theTokenIsRefreshedAheadOfExpiryOnceAcrossAllInstances() throws Exception {
        List<TokenCache> instances = fixture.instances(8, redis.url(), fixture.vendor(Duration.ofMillis(50)));
        assertThat(instances.get(3).current().value()).isEqualTo("token-1");

        fixture.clock.advance(Duration.ofMinutes(110));
        assertThat(concurrently(200, i -> instances.get(i % 8).current().value())).containsOnly("token-1");
        fixture.clock.advance(Duration.ofMinutes(6)); // inside the five minutes before expiry

        assertThat(concurrently(200, i -> instances.get(i % 8).current().value())).containsOnly("token-2");
        assertThat(fixture.fetches).hasValue(2);
    }

    @Test
    void aLateInvalidationOfAnOldTokenKeepsTheNewOne() {
        List<TokenCache> instances = fixture.instances(2, redis.url(), fixture.vendor(Duration.ZERO));
        AccessToken first = instances.get(0).current();
        instances.get(0).invalidate(first);
        AccessToken second = instances.get(0).current();

        instances.get(1).invalidate(first); // a slow request on another instance reports the old token

        assertThat(instances.get(1).current().value()).isEqualTo(second.value()).isEqualTo("token-2");
        assertThat(fixture.fetches).hasValue(2);
    }

    @Test
    void anInvalidatedTokenStaysInRedisUntilItsReplacementIsWrittenAndOthersWaitForIt() throws Exception {
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger fetches = new AtomicInteger();
        List<TokenCache> instances = fixture.instances(2, redis.url(), () -> {
            int n = fetches.incrementAndGet();
            if (n == 2) {
                fetching.countDown();
                Fixture.await(answer);
            }
            return new AccessToken("token-" + n, fixture.clock.instant().plus(Duration.ofHours(2)));
        });
        AccessToken first = instances.get(0).current();
        String tokenKey = onlyKey();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            instances.get(0).invalidate(first);
            Future<AccessToken> refresher = callers.submit(instances.get(0)::current);
            assertThat(fetching.await(10, TimeUnit.SECONDS)).isTrue();
            // The refresher now holds the lock and waits for the vendor: every lock attempt from here on is the other instance's.
            try (LockAttempts attempts = LockAttempts.watch(redis)) {
                Future<AccessToken> other = callers.submit(instances.get(1)::current);
                assertThat(attempts.seen(2)).as("the other instance was refused the lock twice, so it is waiting").isTrue();

                // while the vendor is being asked, the record is still there, marked stale, and the lock is held
                assertThat(other).isNotDone();
                assertThat(redis.client().hgetAll(tokenKey)).containsEntry("value", "token-1").containsEntry("stale", "1");
                assertThat(redis.client().exists(tokenKey + ":lock")).isTrue();

                answer.countDown();
                assertThat(refresher.get(10, TimeUnit.SECONDS).value()).isEqualTo("token-2");
                assertThat(other.get(10, TimeUnit.SECONDS).value()).isEqualTo("token-2");
            }
            assertThat(redis.client().hgetAll(tokenKey)).containsEntry("value", "token-2").containsEntry("stale", "0");
            assertThat(redis.client().exists(tokenKey + ":lock")).isFalse();
            assertThat(fetches).hasValue(2);
        } finally {
            callers.shutdownNow();
        }
    }

    /**
     * A record not in the form the store writes (edited by hand, written by something else) is taken for
     * missing: one fetch replaces it, with one warning that names the key but shows no token, and no
     * exception reaches the caller.
     */
    @ParameterizedTest(name = "{0} set to {1}")
    @CsvSource({"expires, soon", "expires, 1e12", "expires, -5", "stale, maybe", "value, <deleted>"})
    void aCorruptTokenRecordIsReplacedByOneFetch(String field, String corruption) {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger("dev.convene.tokenstore.redis");
        log.start();
        logger.addAppender(log);
        try {
            TokenCache instance = fixture.cache(fixture.store(redis.url()), fixture.vendor(Duration.ZERO));
            assertThat(instance.current().value()).isEqualTo("token-1");
            if (corruption.equals("<deleted>")) {
                redis.client().hdel(onlyKey(), field);
            } else {
                redis.client().hset(onlyKey(), field, corruption);
            }

            assertThat(instance.current().value()).isEqualTo("token-2");
            assertThat(redis.client().hgetAll(onlyKey())).containsEntry("value", "token-2").containsEntry("stale", "0");
            assertThat(instance.current().value()).as("shared from Redis again, not fetched again").isEqualTo("token-2");
            assertThat(fixture.fetches).hasValue(2);
            List<String> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(warnings).singleElement().asString().contains("unusable", onlyKey()).doesNotContain("token-1");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void aRefresherOvertakenAfterItsLeaseRanOutCannotOverwriteTheNewerToken() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch slowAnswers = new CountDownLatch(1);
        TokenCache slow = fixture.cache(fixture.store(redis.url(), "convene.redis.lock-lease", "PT0.3S"), () -> {
            slowStarted.countDown();
            Fixture.await(slowAnswers);
            return new AccessToken("older", fixture.clock.instant().plus(Duration.ofHours(2)));
        });
        TokenCache fast = fixture.cache(fixture.store(redis.url(), "convene.redis.lock-lease", "PT0.3S"),
                () -> new AccessToken("newer", fixture.clock.instant().plus(Duration.ofHours(2))));

        CompletableFuture<AccessToken> slowCall = CompletableFuture.supplyAsync(slow::current);
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
        // the fast instance waits for the lock, takes it over when the lease expires and stores its token
        assertThat(fast.current().value()).isEqualTo("newer");
        slowAnswers.countDown();

        assertThat(slowCall.get(10, TimeUnit.SECONDS).value()).as("the overtaken caller gets the newer token").isEqualTo("newer");
        assertThat(redis.client().hget(onlyKey(), "value")).isEqualTo("newer");
        assertThat(slow.current().value()).isEqualTo("newer");
    }

    @Test
    void aLockLeftByADeadInstanceIsTakenOverWhenItsLeaseRunsOut() {
        TokenCache instance = fixture.cache(fixture.store(redis.url()), fixture.vendor(Duration.ZERO));
        String lockKey = "convene:token:{" + KEY.provider() + ":" + KEY.credentialHash() + "}:lock";
        redis.client().set(lockKey, "an-instance-that-died", SetParams.setParams().px(300));

        assertThat(instance.current().value()).isEqualTo("token-1");
        assertThat(fixture.fetches).hasValue(1);
    }

    @Test
    void aVendorRefusalReachesEveryWaitingCallerAndFreesTheLock() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<TokenCache> instances = fixture.instances(2, redis.url(), () -> {
            calls.incrementAndGet();
            Fixture.sleep(50);
            throw new AuthenticationException(new VendorError("wecom", 200, "40001", "invalid credential", null, null));
        });

        List<Throwable> failures = concurrently(40, i -> {
            try {
                instances.get(i % 2).current();
                return null;
            } catch (AuthenticationException e) {
                return e;
            }
        });

        assertThat(failures).hasSize(40).doesNotContainNull();
        assertThat(redis.keys()).isEmpty();
        assertThatThrownBy(instances.get(0)::current).isInstanceOf(AuthenticationException.class);
        assertThat(calls.get()).as("nothing is cached after a refusal, but callers share fetches").isBetween(2, 40);
    }

    @Test
    void keysAreNamespacedByProviderAndCredentialHashAndNeverHoldTheSecret() {
        TokenStore store = fixture.store(redis.url(), "convene.redis.key-prefix", "billing-app");
        TokenKey wecom = TokenKey.of("wecom", "https://qyapi.weixin.qq.com", "corp-1", "corp-secret-do-not-leak");
        TokenKey otherCorp = TokenKey.of("wecom", "https://qyapi.weixin.qq.com", "corp-2", "corp-secret-do-not-leak");
        TokenKey zoom = TokenKey.of("zoom", "https://zoom.us/oauth/token", "account", "client", "corp-secret-do-not-leak");
        fixture.cache(store, fixture.vendor(Duration.ZERO)).current();
        new TokenCache(store, wecom, fixture.vendor(Duration.ZERO), fixture.clock, Fixture.REFRESH_AHEAD, new dev.convene.spi.http.Redactor()).current();
        new TokenCache(store, otherCorp, fixture.vendor(Duration.ZERO), fixture.clock, Fixture.REFRESH_AHEAD, new dev.convene.spi.http.Redactor()).current();
        AccessToken zoomToken = new TokenCache(store, zoom, fixture.vendor(Duration.ZERO), fixture.clock, Fixture.REFRESH_AHEAD,
                new dev.convene.spi.http.Redactor()).current();

        assertThat(redis.keys()).containsExactlyInAnyOrder(
                "billing-app:token:{wecom:" + KEY.credentialHash() + "}",
                "billing-app:token:{wecom:" + wecom.credentialHash() + "}",
                "billing-app:token:{wecom:" + otherCorp.credentialHash() + "}",
                "billing-app:token:{zoom:" + zoom.credentialHash() + "}");
        assertThat(zoomToken.value()).isEqualTo("token-4");
        assertThat(fixture.fetches).hasValue(4);
        for (String key : redis.keys()) {
            assertThat(key).doesNotContain("secret", "corp-1");
            assertThat(redis.client().hgetAll(key).values()).noneMatch(v -> v.contains("secret"));
        }
    }

    @Test
    void aTokenRecordExpiresFromRedisWithTheToken() {
        TokenStore store = fixture.store(redis.url());
        fixture.cache(store, fixture.vendor(Duration.ZERO)).current();

        long ttlMillis = redis.client().pttl(onlyKey());

        assertThat(ttlMillis).isBetween(Duration.ofHours(2).minusMinutes(1).toMillis(), Duration.ofHours(2).toMillis());
        Map<String, String> record = redis.client().hgetAll(onlyKey());
        assertThat(Instant.ofEpochMilli(Long.parseLong(record.get("expires")))).isEqualTo(fixture.clock.instant().plus(Duration.ofHours(2)));
    }

    private String onlyKey() {
        assertThat(redis.keys()).hasSize(1);
        return redis.keys().get(0);
    }
}
