package dev.convene.tokenstore.redis.internal;

import dev.convene.spi.token.AccessToken;
import java.util.NoSuchElementException;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis could not be used. Carries the token when it was fetched from the vendor before Redis
 * failed, so the caller can still use it instead of asking the vendor again.
 */
final class RedisUnavailableException extends RuntimeException {
    private final transient AccessToken fetched;

    RedisUnavailableException(JedisException cause, AccessToken fetched) {
        super(describe(cause), cause, false, false);
        this.fetched = fetched;
    }

    /**
     * Tells a busy pool (every connection in use for the whole timeout: this instance is overloaded, Redis
     * may be fine) from a Redis that does not answer; both are served from memory meanwhile.
     */
    static String describe(JedisException cause) {
        if (cause.getCause() instanceof NoSuchElementException) {
            return "every pooled connection to Redis stayed busy for the whole convene.redis.timeout (pool exhausted)";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    Optional<AccessToken> fetched() {
        return Optional.ofNullable(fetched);
    }
}
