package dev.convene.tokenstore.redis;

import dev.convene.spi.token.TokenStore;
import dev.convene.spi.token.TokenStoreFactory;
import dev.convene.tokenstore.redis.internal.FallbackTokenStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Shares tokens across application instances through Redis; selected with
 * {@code convene.token-store=redis} and {@code convene.redis.url=redis://host:port}. Optional:
 * {@code convene.redis.key-prefix} (default {@code convene}), {@code convene.redis.timeout}
 * (default 2 s), {@code convene.redis.lock-lease} (default 15 s). While Redis is unreachable the
 * store keeps tokens in this instance's memory and tries Redis again after a back-off.
 *
 * <p>To build a store without {@link dev.convene.Convene}'s configuration, call
 * {@link #open(Map, Clock)} and hand the result to {@code Convene.builder().tokenStore(...)}.
 */
public final class RedisTokenStoreFactory implements TokenStoreFactory {

    @Override
    public String id() {
        return "redis";
    }

    @Override
    public List<String> configurationKeys() {
        return List.of("convene.redis.url", "convene.redis.key-prefix", "convene.redis.timeout", "convene.redis.lock-lease");
    }

    @Override
    public TokenStore open(Map<String, String> config, Clock clock) {
        return FallbackTokenStore.open(config, clock);
    }
}
