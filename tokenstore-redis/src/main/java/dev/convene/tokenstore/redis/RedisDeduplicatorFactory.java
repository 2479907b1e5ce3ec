package dev.convene.tokenstore.redis;

import dev.convene.events.Deduplicator;
import dev.convene.tokenstore.redis.internal.RedisDeduplicator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * De-duplicates received events across instances in the token store's Redis; selected with
 * {@code convene.events.dedup=redis} and the same {@code convene.redis.*} keys as
 * {@link RedisTokenStoreFactory}. Needs {@code convene-events} on the class path (this jar does not bring it).
 * While Redis is unreachable, each instance de-duplicates in its own memory and tries Redis again after a
 * few seconds.
 */
public final class RedisDeduplicatorFactory implements Deduplicator.Factory {

    @Override
    public String id() {
        return "redis";
    }

    @Override
    public List<String> configurationKeys() {
        return new RedisTokenStoreFactory().configurationKeys();
    }

    @Override
    public Deduplicator open(Map<String, String> config, Duration retention, Clock clock) {
        return RedisDeduplicator.open(config, retention, clock);
    }
}
