package dev.convene.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.internal.ConfigLayers;
import dev.convene.spi.SessionProvider;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata the build writes (IDE completion for application.properties) names every key Convene
 * reads, and hints every provider for {@code convene.provider} and {@code convene.providers}.
 */
class ConfigurationMetadataTest {
    static JsonNode metadata() throws Exception {
        try (InputStream in = ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the processor's output").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyKeyOfEveryProviderAndOfCoreIsDescribed() throws Exception {
        Set<String> described = new HashSet<>();
        metadata().get("properties").forEach(p -> {
            described.add(p.get("name").asText());
            assertThat(p.get("description").asText()).as(p.get("name").asText()).isNotBlank();
        });
        List<String> expected = new ArrayList<>(ConfigLayers.GLOBAL_KEYS);
        for (SessionProvider p : ServiceLoader.load(SessionProvider.class)) {
            p.requiredKeys().forEach(k -> expected.add("convene." + p.id() + "." + k));
            p.optionalKeys().forEach(k -> expected.add("convene." + p.id() + "." + k));
            List.of("proxy", "local-address", "rate-limits").forEach(k -> expected.add("convene." + p.id() + "." + k));
        }
        expected.addAll(List.of("convene.redis.url", "convene.events.path", "convene.events.dedup", "convene.health.max-age",
                "convene.zoom.webhook-secret-token", "convene.wecom.callback-token", "convene.tencentmeeting.event-token"));
        assertThat(expected).hasSizeGreaterThan(40);
        assertThat(described).containsAll(expected);
    }

    @Test
    void providerValuesAreHinted() throws Exception {
        List<String> ids = ServiceLoader.load(SessionProvider.class).stream().map(p -> p.get().id()).toList();
        assertThat(ids).contains("wecom", "tencentmeeting", "zoom");
        for (String key : List.of("convene.provider", "convene.providers")) {
            List<String> hinted = new ArrayList<>();
            metadata().get("hints").forEach(h -> {
                if (h.get("name").asText().equals(key)) {
                    h.get("values").forEach(v -> hinted.add(v.get("value").asText()));
                }
            });
            assertThat(hinted).as(key).containsExactlyInAnyOrderElementsOf(ids);
        }
    }
}
