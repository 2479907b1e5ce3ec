package dev.convene.spi.token;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Makes a {@link TokenStore} selected by {@code convene.token-store=<id>}; found with
 * {@link java.util.ServiceLoader} in {@code META-INF/services/dev.convene.spi.token.TokenStoreFactory}.
 */
public interface TokenStoreFactory {
    String id();

    /** The full configuration keys this store reads (e.g. {@code convene.redis.url}), so that {@code CONVENE_*} variables can set them. */
    default List<String> configurationKeys() {
        return List.of();
    }

    /** @param config every {@code convene.*} key, after environment overrides */
    TokenStore open(Map<String, String> config, Clock clock);
}
