package dev.convene.tokenstore.redis.internal;

import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The token records in Redis and the few atomic steps on them. Per credential there are two keys,
 * {@code <prefix>:token:{<provider>:<credential hash>}} (a hash: value, expiry in epoch millis, stale
 * flag) and the same with {@code :lock} (the refresh lock, holding its owner's random id). The braces
 * are a hash tag, so both keys live in one cluster slot and a script may touch them together.
 *
 * <p>Every step that reads and then writes is one Lua script, because Redis runs a script without
 * interleaving anything else: that is what makes the lock, the compare-and-set and the
 * compare-and-mark atomic across all instances. Scripts go with {@code EVAL} rather than
 * {@code EVALSHA}: they are a few hundred bytes, and a restarted Redis would otherwise answer
 * {@code NOSCRIPT} until they are loaded again.
 */
final class RedisTokens implements AutoCloseable {
    /**
     * Returns the stored token if usable until ARGV[3], else takes the lock for ARGV[1] (1) or reports it
     * taken (0). A record whose expiry is not a whole number (not written by this store) is not usable, so
     * the fetch that follows overwrites it.
     */
    private static final String ACQUIRE = """
            local t = redis.call('HMGET', KEYS[1], 'value', 'expires', 'stale')
            if t[1] and t[3] == '0' and t[2] and string.match(t[2], '^%d+$') and tonumber(t[2]) > tonumber(ARGV[3]) then
              return {t[1], t[2]}
            end
            if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then
              return 1
            end
            return 0
            """;

    /**
     * Writes a fetched token and releases the lock, only while ARGV[1] still holds the lock. A holder
     * whose lease ran out may have been overtaken by a newer fetch, so its older token must not land.
     */
    private static final String STORE = """
            if redis.call('GET', KEYS[2]) ~= ARGV[1] then
              return 0
            end
            redis.call('HSET', KEYS[1], 'value', ARGV[2], 'expires', ARGV[3], 'stale', '0')
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            redis.call('DEL', KEYS[2])
            return 1
            """;

    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    /**
     * Marks the token stale instead of deleting it, and only if it is still the rejected one: the
     * record stays until its replacement overwrites it, so no instance ever finds the key empty and
     * starts a fetch of its own, and a newer token is never touched.
     */
    private static final String MARK_STALE = """
            if redis.call('HGET', KEYS[1], 'value') == ARGV[1] then
              redis.call('HSET', KEYS[1], 'stale', '1')
              return 1
            end
            return 0
            """;

    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.tokenstore.redis");
    /** An expiry as this store writes it: epoch millis, digits only (what ACQUIRE also insists on). */
    private static final Pattern EXPIRY = Pattern.compile("\\d{1,18}");

    private final JedisPooled redis;
    private final String prefix;

    RedisTokens(RedisSettings settings) {
        this.redis = settings.pool("convene-tokens");
        this.prefix = settings.keyPrefix();
    }

    /** What Redis holds for {@code key}, if anything usable. */
    Optional<Stored> read(TokenKey key) {
        List<String> fields = redis.hmget(tokenKey(key), "value", "expires", "stale");
        if (fields.stream().allMatch(Objects::isNull)) {
            return Optional.empty();
        }
        String stale = fields.get(2);
        Optional<AccessToken> token = "0".equals(stale) || "1".equals(stale) ? token(fields.get(0), fields.get(1)) : Optional.empty();
        if (token.isEmpty()) {
            // Not as this store writes it (a hand edit, another program, a bug): taken for missing, so the refresh
            // that follows overwrites it. Only the key is logged; the record may hold a token.
            LOG.warn("token record {} in Redis is unusable (not in the form this store writes); a new token is fetched to replace it",
                    tokenKey(key));
            return Optional.empty();
        }
        return Optional.of(new Stored(token.get(), "1".equals(stale)));
    }

    /** Either the stored token (usable until {@code validUntil}), or the lock for {@code owner}, or neither. */
    Acquired acquire(TokenKey key, String owner, Duration lease, Instant validUntil) {
        Object reply = redis.eval(ACQUIRE, List.of(tokenKey(key), lockKey(key)),
                List.of(owner, Long.toString(lease.toMillis()), Long.toString(validUntil.toEpochMilli())));
        if (reply instanceof Long taken && (taken == 0 || taken == 1)) {
            return new Acquired(Optional.empty(), taken == 1);
        }
        if (reply instanceof List<?> fields && fields.size() == 2 && fields.get(0) instanceof String value
                && fields.get(1) instanceof String expires) {
            Optional<AccessToken> token = token(value, expires);
            if (token.isPresent()) {
                return new Acquired(token, false);
            }
        }
        // Not what the script returns: whatever answered is no Redis this store can rely on (a proxy, another server).
        throw new JedisDataException("unexpected reply to the token script: " + shape(reply));
    }

    /** Stores {@code token} and releases the lock, if {@code owner} still holds it; false when overtaken. */
    boolean store(TokenKey key, String owner, AccessToken token, Duration timeToLive) {
        Object reply = redis.eval(STORE, List.of(tokenKey(key), lockKey(key)), List.of(owner, token.value(),
                Long.toString(token.expiresAt().toEpochMilli()), Long.toString(Math.max(1000, timeToLive.toMillis()))));
        return Long.valueOf(1).equals(reply);
    }

    void release(TokenKey key, String owner) {
        redis.eval(RELEASE, List.of(lockKey(key)), List.of(owner));
    }

    void markStale(TokenKey key, AccessToken stale) {
        redis.eval(MARK_STALE, List.of(tokenKey(key)), List.of(stale.value()));
    }

    /**
     * Drops idle pooled connections. After an outage they point at a server that is gone, and the
     * first calls after Redis returns would fail on them one by one instead of reconnecting.
     */
    void dropIdleConnections() {
        redis.getPool().clear();
    }

    String tokenKey(TokenKey key) {
        return prefix + ":token:{" + key.provider() + ":" + key.credentialHash() + "}";
    }

    String lockKey(TokenKey key) {
        return tokenKey(key) + ":lock";
    }

    private static Optional<AccessToken> token(String value, String expiresMillis) {
        if (value == null || expiresMillis == null || !EXPIRY.matcher(expiresMillis).matches()) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(value, Instant.ofEpochMilli(Long.parseLong(expiresMillis))));
    }

    /** What kind of reply came, never its content (it may hold a token). */
    private static String shape(Object reply) {
        if (reply instanceof List<?> list) {
            return "a list of " + list.size() + " (" + list.stream().map(e -> e == null ? "nil" : e.getClass().getSimpleName()).toList() + ")";
        }
        return reply == null ? "nil" : reply.getClass().getSimpleName();
    }

    @Override
    public void close() {
        redis.close();
    }

    /** A token record; {@code stale} once a vendor rejected it and until its replacement is written. */
    record Stored(AccessToken token, boolean stale) {
        boolean usableUntil(Instant validUntil) {
            return !stale && token.isValidAt(validUntil);
        }
    }

    /** The outcome of {@link #acquire}: a usable token, or whether the lock is now ours. */
    record Acquired(Optional<AccessToken> token, boolean lock) {
    }
}
