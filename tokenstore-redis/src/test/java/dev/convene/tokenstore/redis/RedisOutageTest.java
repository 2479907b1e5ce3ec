package dev.convene.tokenstore.redis;

import static dev.convene.tokenstore.redis.Fixture.concurrently;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** Redis going away and coming back: calls keep working, and sharing resumes without hammering Redis meanwhile. */
class RedisOutageTest {
    final Fixture fixture = new Fixture();
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger("dev.convene.tokenstore.redis");

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        fixture.close();
    }

    @Test
    void withRedisUnreachableFromTheStartCallsWorkFromMemoryWithOneWarningThatHidesThePassword() throws Exception {
        String url = "redis://:hunter2-password@127.0.0.1:" + RedisServer.freePort();
        TokenCache instance = fixture.cache(fixture.store(url), fixture.vendor(Duration.ZERO));

        List<String> tokens = concurrently(50, i -> instance.current().value());

        assertThat(tokens).containsOnly("token-1");
        assertThat(fixture.fetches).hasValue(1);
        List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).getFormattedMessage()).contains("unreachable", "127.0.0.1").doesNotContain("hunter2");
    }

    @Test
    void redisStoppedMidRunFailsNoCallAndOnceBackTokensAreSharedAgain() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            List<TokenCache> instances = fixture.instances(8, redis.url(), fixture.vendor(Duration.ofMillis(20)));
            assertThat(concurrently(80, i -> instances.get(i % 8).current().value())).containsOnly("token-1");

            // eight instances keep calling while Redis stops under them
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicInteger callsAfterStop = new AtomicInteger();
            List<Throwable> failures = new CopyOnWriteArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(16);
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                TokenCache instance = instances.get(t % 8);
                running.add(callers.submit(() -> {
                    for (int n = 0; n < 5_000 && callsAfterStop.get() < 2_000; n++) {
                        try {
                            instance.current();
                            if (stopped.get()) {
                                callsAfterStop.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            Thread.sleep(100);
            redis.stop();
            stopped.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            callers.shutdown();
            assertThat(failures).isEmpty();
            assertThat(callsAfterStop.get()).isPositive();
            assertThat(log.list.stream().filter(e -> e.getLevel() == Level.WARN)).hasSizeBetween(1, 8);
            int fetchesDuringOutage = fixture.fetches.get();
            assertThat(fetchesDuringOutage).as("at most one local fetch per instance").isBetween(1, 1 + 8);

            redis.restart();
            // still inside the back-off: no instance has looked at Redis yet, so it stays empty
            assertThat(concurrently(80, i -> instances.get(i % 8).current().value())).hasSize(80);
            assertThat(redis.keys()).isEmpty();

            fixture.clock.advance(Duration.ofSeconds(1));
            List<String> afterRecovery = concurrently(400, i -> instances.get(i % 8).current().value());
            assertThat(fixture.fetches.get()).as("one shared fetch into the empty Redis").isEqualTo(fetchesDuringOutage + 1);
            String shared = "token-" + fixture.fetches.get();
            assertThat(redis.client().hget(redis.keys().get(0), "value")).isEqualTo(shared);
            assertThat(concurrently(80, i -> instances.get(i % 8).current().value())).containsOnly(shared);
            assertThat(afterRecovery).contains(shared);
            assertThat(log.list.stream().filter(e -> e.getLevel() == Level.INFO && e.getFormattedMessage().contains("reachable again")))
                    .hasSize(8);

            // and a later refresh is single-flight across the instances again
            fixture.clock.advance(Duration.ofMinutes(116));
            assertThat(concurrently(400, i -> instances.get(i % 8).current().value())).containsOnly("token-" + (fetchesDuringOutage + 2));
            assertThat(fixture.fetches.get()).isEqualTo(fetchesDuringOutage + 2);
        }
    }

    @Test
    void aTokenFetchedJustBeforeRedisFailedIsKeptNotFetchedAgain() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            AtomicInteger fetches = new AtomicInteger();
            TokenCache instance = fixture.cache(fixture.store(redis.url()), () -> {
                fetches.incrementAndGet();
                stop(redis); // Redis goes away while the vendor is answering
                return new AccessToken("issued-during-outage", fixture.clock.instant().plus(Duration.ofHours(2)));
            });

            assertThat(concurrently(20, i -> instance.current().value())).containsOnly("issued-during-outage");
            assertThat(instance.current().value()).isEqualTo("issued-during-outage");
            assertThat(fetches).hasValue(1);
        }
    }

    @Test
    void aHangingRedisIsTriedOncePerBackOffNotOncePerCall() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.start();
            TokenCache instance = fixture.cache(fixture.store("redis://127.0.0.1:" + silent.getLocalPort(), "convene.redis.timeout", "PT0.2S"),
                    fixture.vendor(Duration.ZERO));

            AccessToken first = instance.current();
            assertThat(connections).hasValue(1);
            for (int i = 0; i < 100; i++) {
                assertThat(instance.current()).isEqualTo(first);
            }
            assertThat(connections).as("no retry before the back-off").hasValue(1);

            fixture.clock.advance(Duration.ofSeconds(1));
            assertThat(instance.current()).isEqualTo(first);
            assertThat(connections).hasValue(2);

            fixture.clock.advance(Duration.ofSeconds(1));
            instance.current();
            assertThat(connections).as("the back-off doubled after a failed retry").hasValue(2);
            fixture.clock.advance(Duration.ofSeconds(1));
            instance.current();
            assertThat(connections).hasValue(3);
            assertThat(fixture.fetches).hasValue(1);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * A reply the store's lock script never gives (from a proxy or something that only looks like Redis)
     * means Redis cannot be relied on: calls work from memory with one warning, instead of an exception
     * from decoding it or a wait for a lock that was never taken.
     */
    @ParameterizedTest(name = "EVAL answered {0}")
    @ValueSource(strings = {"a list holding a number", "a plain string", "a number other than 0 and 1"})
    void anUnexpectedScriptReplyIsServedFromMemoryWithOneWarning(String what) throws Exception {
        String reply = switch (what) {
            case "a list holding a number" -> "*1\r\n:7\r\n";
            case "a plain string" -> "$5\r\nhello\r\n";
            default -> ":2\r\n";
        };
        try (FakeRedis fake = new FakeRedis(reply)) {
            TokenCache instance = fixture.cache(fixture.store(fake.url()), fixture.vendor(Duration.ZERO));

            assertThat(concurrently(20, i -> instance.current().value())).containsOnly("token-1");
            assertThat(fixture.fetches).hasValue(1);
            List<ILoggingEvent> warnings = log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
            assertThat(warnings).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("unusable", "unexpected reply");
        }
    }

    private static void stop(RedisServer redis) {
        try {
            redis.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
