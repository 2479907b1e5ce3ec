package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.spi.ProviderConfig;
import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A provider's *-url keys are checked before the provider is opened: a configuration error naming the key, not an HTTP library's message. */
class UrlConfigurationTest {
    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);

    Convene.Builder configured(String key, String value) {
        Map<String, String> config = new HashMap<>(Map.of("convene.provider", "scripted", "convene.scripted.name", name,
                "convene.scripted.secret", "s3cr3t-value"));
        config.put(key, value);
        return Convene.builder().properties(config).environment(Map.of()).systemProperties(false);
    }

    @Test
    void aProviderUrlThatIsNoUrlIsAConfigurationErrorNamingKeyAndRule() {
        assertThatThrownBy(() -> configured("convene.scripted.base-url", "notaurl").build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("convene.scripted.base-url (environment variable CONVENE_SCRIPTED_BASE_URL) must be an absolute http or https URL"
                        + " such as https://api.example.com/v2, was 'notaurl'");
        assertThat(vendor.context()).as("the provider was not opened").isNull();
    }

    @Test
    void everyKindOfWrongUrlIsCaught() {
        for (String wrong : new String[]{"api.zoom.us/v2", "ftp://files.example.com", "http://", "http:///v2", "https://exa mple.com", "mailto:a@b.c"}) {
            assertThatThrownBy(() -> configured("convene.scripted.oauth-url", wrong).build()).as(wrong)
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.scripted.oauth-url");
        }
        assertThat(vendor.context()).isNull();
    }

    @Test
    void theCredentialsInAWrongUrlAreNotRepeated() {
        assertThatThrownBy(() -> configured("convene.scripted.base-url", "ftp://admin:hunter2@files.example.com").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'ftp://***@files.example.com'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void goodUrlsAndOtherProvidersKeysPass() {
        try (SessionService s = configured("convene.scripted.base-url", "HTTP://127.0.0.1:8080/v2")
                .properties(Map.of("convene.other.base-url", "not checked: another provider's key", "convene.redis.url", "redis://h:6379"))
                .build()) {
            assertThat(s.provider()).isEqualTo("scripted");
        }
        ProviderConfig config = new ProviderConfig("zoom", Map.of("convene.zoom.base-url", " https://api.zoom.us/v2 "));
        assertThat(config.getUrl("base-url")).contains(URI.create("https://api.zoom.us/v2"));
        assertThat(config.getUrl("oauth-url")).isEmpty();
    }
}
