package dev.convene.tokenstore.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis pool follows the HTTP client's concurrency, so that async calls at full tilt never find it exhausted. */
class RedisSettingsTest {
    static final String URL = "redis://127.0.0.1:6379";

    @Test
    void thePoolHoldsAsManyConnectionsAsTheHttpClientRunsCalls() {
        assertThat(RedisSettings.from(Map.of(RedisSettings.URL, URL)).poolSize()).as("core's default max-requests").isEqualTo(256);
        assertThat(RedisSettings.from(Map.of(RedisSettings.URL, URL, "convene.http.max-requests", "400")).poolSize()).isEqualTo(400);
    }

    @Test
    void thePoolNeverShrinksBelowSixteen() {
        assertThat(RedisSettings.from(Map.of(RedisSettings.URL, URL, "convene.http.max-requests", "4")).poolSize()).isEqualTo(16);
    }

    @Test
    void aMalformedMaxRequestsIsLeftToCoreToReport() {
        assertThat(RedisSettings.from(Map.of(RedisSettings.URL, URL, "convene.http.max-requests", "many")).poolSize()).isEqualTo(256);
    }
}
