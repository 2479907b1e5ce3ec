package dev.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.simulator.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeduplicatorTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void aKeyIsSeenOnceUntilItsRetentionEnds() {
        Deduplicator d = Deduplicator.inMemory(Duration.ofHours(2), 1000, clock);
        assertThat(d.firstSeen("zoom:a")).isTrue();
        assertThat(d.firstSeen("zoom:a")).isFalse();
        assertThat(d.firstSeen("zoom:b")).isTrue();
        clock.advance(Duration.ofMinutes(119));
        assertThat(d.firstSeen("zoom:a")).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(d.firstSeen("zoom:a")).as("forgotten after two hours").isTrue();
        assertThat(d.firstSeen("zoom:a")).isFalse();
    }

    @Test
    void theOldestKeysGoFirstBeyondTheBound() {
        Deduplicator d = Deduplicator.inMemory(Duration.ofHours(2), 100, clock);
        for (int i = 0; i < 1000; i++) {
            d.firstSeen("k" + i);
        }
        assertThat(d.firstSeen("k999")).isFalse();
        assertThat(d.firstSeen("k0")).as("evicted").isTrue();
    }

    @Test
    void ofManyCallersWithOneKeyExactlyOneSeesItFirst() throws Exception {
        Deduplicator d = Deduplicator.inMemory(Duration.ofHours(2), 1000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 50; round++) {
                String key = "key-" + round;
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < 16; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return d.firstSeen(key);
                    }));
                }
                go.countDown();
                int first = 0;
                for (Future<Boolean> a : answers) {
                    first += a.get() ? 1 : 0;
                }
                assertThat(first).as(key).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonsenseBoundsAreRefused() {
        assertThatThrownBy(() -> Deduplicator.inMemory(Duration.ZERO, 10, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Deduplicator.inMemory(Duration.ofHours(1), 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }
}
