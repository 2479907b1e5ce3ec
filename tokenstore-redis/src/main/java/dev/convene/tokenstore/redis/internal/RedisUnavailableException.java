package dev.convene.tokenstore.redis.internal;

import dev.convene.spi.token.AccessToken;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Redis could not be used. Carries the token when it was fetched from the vendor before Redis
 * failed, so the caller can still use it instead of asking the vendor again.
 */
final class RedisUnavailableException extends RuntimeException {
    private final transient AccessToken fetched;

    RedisUnavailableException(JedisException cause, AccessToken fetched) {
        super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause, false, false);
        this.fetched = fetched;
    }

    Optional<AccessToken> fetched() {
        return Optional.ofNullable(fetched);
    }
}
