package dev.convene.tokenstore.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/** The warning tells an overloaded instance (every pooled connection busy) from a Redis that does not answer. */
class RedisUnavailableExceptionTest {
    @Test
    void anExhaustedPoolIsNamedAsSuch() {
        JedisException busy = new JedisException("Could not get a resource from the pool", new NoSuchElementException("Timeout waiting for idle object"));

        assertThat(new RedisUnavailableException(busy, null).getMessage()).contains("pool exhausted", "convene.redis.timeout");
    }

    @Test
    void anUnreachableRedisKeepsJedissWords() {
        JedisException down = new JedisException("Could not get a resource from the pool", new JedisConnectionException("Connection refused"));

        assertThat(new RedisUnavailableException(down, null).getMessage())
                .isEqualTo("JedisException: Could not get a resource from the pool").doesNotContain("exhausted");
    }
}
