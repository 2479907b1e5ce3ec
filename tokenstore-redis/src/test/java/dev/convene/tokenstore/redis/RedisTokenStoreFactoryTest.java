package dev.convene.tokenstore.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.ConfigurationException;
import dev.convene.spi.token.TokenStoreFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RedisTokenStoreFactoryTest {

    @Test
    void isFoundByServiceLoaderUnderTheIdRedis() {
        List<String> ids = ServiceLoader.load(TokenStoreFactory.class).stream().map(p -> p.get().id()).toList();
        assertThat(ids).containsExactly("redis");
    }

    @Test
    void aMissingUrlIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> new RedisTokenStoreFactory().open(Map.of("convene.token-store", "redis"), Clock.systemUTC()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.missingKeys()).containsExactly("convene.redis.url"))
                .hasMessageContaining("convene.redis.url").hasMessageContaining("CONVENE_REDIS_URL");
    }

    @Test
    void aMalformedUrlIsRejectedWithoutEchoingItsPassword() {
        assertThatThrownBy(() -> new RedisTokenStoreFactory().open(Map.of("convene.redis.url", "http://:pa55word@127.0.0.1:6379"), Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("redis://host:port").hasMessageNotContaining("pa55word");
    }

    @Test
    void badDurationsAndPrefixesAreNamed() {
        assertThatThrownBy(() -> open("convene.redis.timeout", "soon")).hasMessageContaining("convene.redis.timeout");
        assertThatThrownBy(() -> open("convene.redis.lock-lease", "PT0S")).hasMessageContaining("convene.redis.lock-lease");
        assertThatThrownBy(() -> open("convene.redis.key-prefix", "a{b}")).hasMessageContaining("convene.redis.key-prefix");
    }

    @Test
    void opensWithoutContactingRedis() {
        // an application must start even when Redis is down; the store falls back on first use
        new RedisTokenStoreFactory().open(Map.of("convene.redis.url", "redis://127.0.0.1:1"), Clock.systemUTC()).close();
    }

    private static void open(String key, String value) {
        new RedisTokenStoreFactory().open(Map.of("convene.redis.url", "redis://127.0.0.1:6379", key, value), Clock.systemUTC()).close();
    }
}
