package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    static final RetryPolicy NO_JITTER = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofSeconds(30));

    @Test
    void backoffDoublesPerAttemptUpToTheCap() {
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            delays.add(NO_JITTER.backoff(attempt, 0.75));
        }
        assertThat(delays).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void jitterTakesAtMostItsFractionOffTheDelay() {
        RetryPolicy half = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofSeconds(1), 0.5, Duration.ofSeconds(30));
        assertThat(half.backoff(2, 0)).isEqualTo(Duration.ofMillis(200));
        assertThat(half.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(150));
        assertThat(half.backoff(2, 0.999)).isBetween(Duration.ofMillis(100), Duration.ofMillis(101));
        // The cap is applied before the jitter, so capped delays still spread.
        assertThat(half.backoff(9, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(half.backoff(9, 0.5)).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void backoffNeverShrinksWhenTheDoublingOverflowsALong() {
        // One hour doubled 24 times no longer fits in a long of nanoseconds; a plain shift wrapped to smaller delays.
        Duration cap = Duration.ofDays(365L * 290);
        RetryPolicy hourly = new RetryPolicy(100, Duration.ofHours(1), cap, 0, Duration.ZERO);
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 100; attempt++) {
            Duration d = hourly.backoff(attempt, 0);
            assertThat(d).as("attempt " + attempt).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(cap);
            previous = d;
        }
        assertThat(previous).isEqualTo(cap);
        assertThat(new RetryPolicy(3, Duration.ofHours(1), Duration.ofDays(365L * 1000), 0, Duration.ZERO).backoff(80, 0))
                .as("a cap beyond a long of nanoseconds saturates").isEqualTo(Duration.ofNanos(Long.MAX_VALUE));
    }

    @Test
    void attemptsStartAtOneAndTheDrawIsBelowOne() {
        assertThatThrownBy(() -> NO_JITTER.backoff(0, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attempt ≥ 1");
        assertThatThrownBy(() -> NO_JITTER.backoff(1, 1.0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 ≤ random < 1");
        assertThatThrownBy(() -> NO_JITTER.backoff(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
