package dev.convene.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.convene.spi.CallBudgets;
import dev.convene.spi.RateLimit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Bucket4j's in-memory buckets, one per account and set of limits, forgotten a day after their last use. */
public final class LocalCallBudgets implements CallBudgets {
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1)).build();

    private record Key(String account, List<RateLimit> limits) {
    }

    @Override
    public boolean tryTake(String account, List<RateLimit> limits, Duration maxWait) throws InterruptedException {
        Bucket bucket = buckets.get(new Key(account, List.copyOf(limits)), k -> bucket(k.limits()));
        return maxWait.isZero() ? bucket.tryConsume(1) : bucket.asBlocking().tryConsume(1, maxWait);
    }

    /**
     * Each limit as a bucket of its size refilled whole at the end of each period, so that no period holds more
     * calls than the vendor allows (a greedy refill would add calls within the period on top of a full bucket).
     * The periods are the clock's own (whole seconds, minutes, UTC days), as the vendors count theirs: a period
     * begun at the first call would straddle two of the vendor's and could fill both halves of one.
     */
    public static Bucket bucket(List<RateLimit> limits) {
        LocalBucketBuilder b = Bucket.builder();
        limits.forEach(l -> b.addLimit(bandwidth(l)));
        return b.build();
    }

    public static Bandwidth bandwidth(RateLimit l) {
        long period = l.period().toMillis();
        Instant nextBoundary = Instant.ofEpochMilli((System.currentTimeMillis() / period + 1) * period);
        return Bandwidth.builder().capacity(l.calls()).refillIntervallyAligned(l.calls(), l.period(), nextBoundary).build();
    }
}
