package dev.convene.tokenstore.redis.internal;

import dev.convene.internal.LocalCallBudgets;
import dev.convene.spi.CallBudgets;
import dev.convene.spi.RateLimit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * Call budgets every instance shares through the token store's Redis: Bucket4j's buckets kept in Redis by its
 * Jedis integration (compare-and-swap), one per vendor account and set of limits. While Redis cannot be used,
 * each instance paces in its own memory (one warning per outage) and tries Redis again after a back-off, so
 * an outage never fails a call.
 */
final class SharedCallBudgets implements CallBudgets, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.tokenstore.redis");
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final JedisPooled redis;
    private final ProxyManager<byte[]> buckets;
    private final String prefix;
    private final CallBudgets local = CallBudgets.local();
    private final Clock clock;
    private final String where;
    /** Null while Redis is usable; else when to try it again. */
    private final AtomicReference<Instant> outage = new AtomicReference<>();

    SharedCallBudgets(RedisSettings settings, Clock clock) {
        this.redis = settings.pool("convene-budgets");
        this.buckets = Bucket4jJedis.casBasedBuilder(redis)
                // a bucket left alone until it is full again holds nothing worth keeping
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        this.prefix = settings.keyPrefix();
        this.clock = clock;
        this.where = settings.safeUrl();
    }

    @Override
    public boolean tryTake(String account, List<RateLimit> limits, Duration maxWait) throws InterruptedException {
        Instant retryAt = outage.get();
        if (retryAt != null && clock.instant().isBefore(retryAt)) {
            return local.tryTake(account, limits, maxWait);
        }
        try {
            Bucket bucket = buckets.builder().build(key(account, limits), () -> configuration(limits));
            boolean taken = maxWait.isZero() ? bucket.tryConsume(1) : bucket.asBlocking().tryConsume(1, maxWait);
            if (retryAt != null && outage.compareAndSet(retryAt, null)) {
                LOG.info("Redis call budgets at {} are reachable again: calls are paced across instances again", where);
            }
            return taken;
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            Instant next = clock.instant().plus(RETRY_AFTER);
            if (outage.getAndSet(next) == null) {
                LOG.warn("Redis call budgets at {} are unreachable or unusable ({}); this instance paces calls in its own memory until Redis is back",
                        where, e.getClass().getSimpleName());
            }
            return local.tryTake(account, limits, maxWait);
        }
    }

    /** The limits are part of the key, so instances configured differently never read each other's bucket as their own. */
    private byte[] key(String account, List<RateLimit> limits) {
        return (prefix + ":budget:{" + account + "}:" + limits).getBytes(StandardCharsets.UTF_8);
    }

    private static BucketConfiguration configuration(List<RateLimit> limits) {
        ConfigurationBuilder b = BucketConfiguration.builder();
        limits.forEach(l -> b.addLimit(LocalCallBudgets.bandwidth(l)));
        return b.build();
    }

    @Override
    public void close() {
        redis.close();
    }
}
