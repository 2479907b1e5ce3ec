package dev.convene.events.internal;

import com.google.common.base.Ticker;
import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import dev.convene.events.Deduplicator;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Keys in a bounded Guava cache that forgets each one {@code retention} after it was first seen. */
public final class InMemoryDeduplicator implements Deduplicator {
    private final Cache<String, Boolean> seen;

    public InMemoryDeduplicator(Duration retention, long maxKeys, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
        }
        this.seen = CacheBuilder.newBuilder()
                .expireAfterWrite(retention)
                .maximumSize(maxKeys)
                // the injected clock, so that expiry is tested without waiting
                .ticker(new Ticker() {
                    @Override
                    public long read() {
                        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                    }
                })
                .build();
    }

    @Override
    public boolean firstSeen(String key) {
        return seen.asMap().putIfAbsent(key, Boolean.TRUE) == null;
    }

    @Override
    public String toString() {
        return "InMemoryDeduplicator[" + seen.size() + " keys]";
    }
}
