package dev.convene.tokenstore.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.events.EventReceiver;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.simulator.SettableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Several instances of an application receiving the same vendor events, de-duplicated through one real
 * {@code redis-server} ({@code convene.events.dedup=redis}): each delivery is accepted by exactly one instance.
 */
class EventsAcrossInstancesTest {
    static final String SECRET = "zoom-webhook-secret-for-redis-test";
    static final int INSTANCES = 4;

    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final List<EventReceiver> instances = new ArrayList<>();
    private RedisServer redis;

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(EventReceiver.builder().properties(Map.of(
                            "convene.zoom.webhook-secret-token", SECRET,
                            "convene.events.dedup", "redis",
                            "convene.redis.url", redis.url()))
                    .environment(Map.of()).systemProperties(false).clock(clock).build());
        }
    }

    @AfterEach
    void stop() {
        instances.forEach(EventReceiver::close);
        redis.close();
    }

    @Test
    void theSameDeliveryToFourInstancesIsAcceptedExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try {
            for (int n = 0; n < 100; n++) {
                EventRequest delivery = zoom("meeting.started", 1000L + n);
                List<EventResult> results = deliverToAll(pool, delivery);
                assertThat(results.stream().filter(r -> r instanceof EventResult.Accepted).count()).as("delivery " + n).isEqualTo(1);
                assertThat(results.stream().filter(r -> r instanceof EventResult.Duplicate).count()).isEqualTo(INSTANCES - 1);
                assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
            }
        } finally {
            pool.shutdownNow();
        }
        // keys name the delivery, never a secret, and expire with the retention (2 hours by default)
        List<String> keys = redis.keys();
        assertThat(keys).hasSize(100).allSatisfy(k -> assertThat(k).startsWith("convene:event:zoom:meeting.started:").doesNotContain(SECRET));
        long ttl = redis.client().pttl(keys.get(0));
        assertThat(ttl).isBetween(Duration.ofMinutes(119).toMillis(), Duration.ofHours(2).toMillis());
    }

    @Test
    void withRedisDownEachInstanceStillAcceptsAndRemembersWhatItSaw() throws Exception {
        EventRequest before = zoom("meeting.ended", 1);
        assertThat(instances.get(0).receive(before)).isInstanceOf(EventResult.Accepted.class);

        redis.stop();
        // no event refused: the vendor would give up on it
        EventRequest during = zoom("meeting.ended", 2);
        assertThat(instances.get(0).receive(during)).isInstanceOf(EventResult.Accepted.class);
        assertThat(instances.get(0).receive(during)).as("a retry to the same instance").isInstanceOf(EventResult.Duplicate.class);
        assertThat(instances.get(0).receive(before)).as("seen before the outage").isInstanceOf(EventResult.Duplicate.class);

        redis.restart();
        clock.advance(Duration.ofSeconds(6));
        EventRequest after = zoom("meeting.ended", 3);
        assertThat(instances.get(1).receive(after)).isInstanceOf(EventResult.Accepted.class);
        assertThat(instances.get(2).receive(after)).as("shared again").isInstanceOf(EventResult.Duplicate.class);
    }

    private List<EventResult> deliverToAll(ExecutorService pool, EventRequest delivery) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<EventResult>> futures = new ArrayList<>();
        for (EventReceiver instance : instances) {
            futures.add(pool.submit(() -> {
                go.await();
                return instance.receive(delivery);
            }));
        }
        go.countDown();
        List<EventResult> results = new ArrayList<>();
        for (Future<EventResult> f : futures) {
            results.add(f.get());
        }
        return results;
    }

    /** A Zoom webhook as Zoom signs it (events.md §1), at the test clock's time. */
    private EventRequest zoom(String event, long meetingId) throws Exception {
        long ts = clock.instant().getEpochSecond();
        byte[] body = ("{\"event\":\"" + event + "\",\"event_ts\":" + (ts * 1000) + ",\"payload\":{\"object\":{\"id\":" + meetingId
                + ",\"uuid\":\"uuid-" + meetingId + "\"}}}").getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII));
        return EventRequest.builder("zoom").method("POST").header("x-zm-request-timestamp", Long.toString(ts))
                .header("x-zm-signature", "v0=" + HexFormat.of().formatHex(mac.doFinal(body))).body(body).build();
    }

}
