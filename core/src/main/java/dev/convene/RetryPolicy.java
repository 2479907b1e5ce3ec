package dev.convene;

import java.time.Duration;

/**
 * How core retries calls that are safe to retry (gets, lists, cancels): at most {@code maxAttempts}
 * attempts in all, exponential backoff from {@code baseDelay} up to {@code maxDelay} with random
 * jitter, and the vendor's own retry hint honoured when it is no longer than {@code maxRetryAfter}
 * (a longer hint, like Zoom's "daily limit, come back at midnight", ends the retries). Creates and
 * updates are never retried.
 *
 * @param jitter the fraction (0–1) of each delay that is randomised, so that many clients do not retry in step
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5), 0.5, Duration.ofSeconds(30));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

    public RetryPolicy {
        Checks.required(baseDelay, "baseDelay");
        Checks.required(maxDelay, "maxDelay");
        Checks.required(maxRetryAfter, "maxRetryAfter");
        if (maxAttempts < 1 || jitter < 0 || jitter > 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxAttempts ≥ 1, 0 ≤ jitter ≤ 1 and 0 ≤ baseDelay ≤ maxDelay are required");
        }
    }

    /**
     * The backoff before attempt {@code attempt + 1}, given a random draw in [0, 1): {@code baseDelay}
     * doubled per attempt, never above {@code maxDelay}, less up to {@code jitter} of itself.
     */
    public Duration backoff(int attempt, double random) {
        if (attempt < 1 || !(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("attempt ≥ 1 and 0 ≤ random < 1 are required, were " + attempt + " and " + random);
        }
        long cap = nanos(maxDelay);
        int doublings = Math.min(attempt - 1, Long.SIZE - 2);
        long base = nanos(baseDelay);
        // Saturate instead of shifting bits out: an overflowed shift would come out small or negative.
        long grown = base > cap >> doublings ? cap : base << doublings;
        return Duration.ofNanos((long) (grown * (1 - jitter * random)));
    }

    /** Nanoseconds, saturated: durations beyond about 292 years do not fit a long. */
    private static long nanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }
}
