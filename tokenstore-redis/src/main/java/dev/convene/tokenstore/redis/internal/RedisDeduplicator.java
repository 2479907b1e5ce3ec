package dev.convene.tokenstore.redis.internal;

import dev.convene.events.Deduplicator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Delivery keys in the token store's Redis, so that of several instances receiving the same event exactly
 * one accepts it: {@code SET key 1 NX PX retention} is atomic in Redis, and only its winner sees "OK".
 *
 * <p>While Redis is unreachable or unusable the instance remembers keys in its own memory (a retry that
 * reaches the same instance is still caught; one that reaches another may be accepted twice) rather than
 * refuse events the vendor might then drop. Redis is tried again after a back-off.
 */
public final class RedisDeduplicator implements Deduplicator {
    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.tokenstore.redis");
    static final Duration BACKOFF = Duration.ofSeconds(5);
    /** Keys longer than this are stored as their hash. */
    private static final int LONGEST_KEY = 200;

    private final JedisPooled redis;
    private final String prefix;
    private final long retentionMillis;
    private final Deduplicator local;
    private final Clock clock;
    private final String where;
    /** Null while Redis answers; else when to try it again. */
    private volatile Instant retryAt;

    RedisDeduplicator(JedisPooled redis, String prefix, Duration retention, Deduplicator local, Clock clock, String where) {
        this.redis = redis;
        this.prefix = prefix;
        this.retentionMillis = retention.toMillis();
        this.local = local;
        this.clock = clock;
        this.where = where;
    }

    /** The store {@code convene.events.dedup=redis} stands for, on the {@code convene.redis.*} keys the token store reads. */
    public static Deduplicator open(Map<String, String> config, Duration retention, Clock clock) {
        RedisSettings settings = RedisSettings.from(config);
        return new RedisDeduplicator(settings.pool("convene-events"), settings.keyPrefix(), retention,
                Deduplicator.inMemory(retention, 100_000, clock), clock, settings.safeUrl());
    }

    @Override
    public boolean firstSeen(String key) {
        Instant pause = retryAt;
        if (pause != null && clock.instant().isBefore(pause)) {
            return local.firstSeen(key);
        }
        try {
            boolean first = redis.set(redisKey(key), "1", SetParams.setParams().nx().px(retentionMillis)) != null;
            if (pause != null) {
                retryAt = null;
                LOG.info("Redis at {} is reachable again: event deliveries are de-duplicated across instances again", where);
            }
            // keep the local memory current too, so an outage starting now still catches this key's retries here
            local.firstSeen(key);
            return first;
        } catch (JedisException e) {
            if (pause == null) {
                LOG.warn("Redis at {} is unreachable or unusable ({}); this instance de-duplicates events in its own memory until it is back "
                        + "(another instance may accept a delivery this one saw)", where, RedisUnavailableException.describe(e));
            }
            retryAt = clock.instant().plus(BACKOFF);
            return local.firstSeen(key);
        }
    }

    String redisKey(String key) {
        return prefix + ":event:" + (key.length() <= LONGEST_KEY ? key : sha256(key));
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisDeduplicator[" + where + "]";
    }
}
