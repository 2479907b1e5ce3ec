package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {

    @Test
    void namesEveryMissingKeyWithItsEnvironmentVariable() {
        assertThatThrownBy(() -> Convene.builder().properties(Map.of("convene.provider", "scripted")).environment(Map.of())
                .systemProperties(false).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.missingKeys())
                        .containsExactly("convene.scripted.name", "convene.scripted.secret"))
                .hasMessageContaining("CONVENE_SCRIPTED_SECRET");
    }

    @Test
    void aMissingProviderKeyIsNamed() {
        assertThatThrownBy(() -> Convene.builder().environment(Map.of()).systemProperties(false).build())
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.missingKeys()).containsExactly("convene.provider"))
                .hasMessageContaining("scripted");
    }

    @Test
    void anUnknownProviderListsTheOnesFound() {
        assertThatThrownBy(() -> Convene.builder().provider("nope").environment(Map.of()).systemProperties(false).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown provider 'nope'; providers found: scripted");
    }

    @Test
    void environmentOverridesFilesAndSystemProperties(@TempDir Path dir) throws Exception {
        ScriptedVendor fromEnv = ScriptedProvider.register("from-env");
        ScriptedProvider.register("from-file");
        Path file = dir.resolve("convene.properties");
        Files.writeString(file, "convene.provider=scripted\nconvene.scripted.name=from-file\nconvene.scripted.secret=abcdefgh\n");
        try (SessionService s = Convene.builder().propertiesFile(file)
                .environment(Map.of("CONVENE_SCRIPTED_NAME", "from-env", "CONVENE_SCRIPTED_EXTRA_KEY", "x")).systemProperties(false).build()) {
            assertThat(s.provider()).isEqualTo("scripted");
            assertThat(fromEnv.context()).isNotNull();
            assertThat(fromEnv.context().config().get("extra-key")).contains("x");
            assertThat(fromEnv.context().config().toString()).doesNotContain("abcdefgh");
        }
    }

    @Test
    void anUnknownTokenStoreIsAConfigurationError() {
        ScriptedProvider.register("ts");
        assertThatThrownBy(() -> Convene.builder().properties(Map.of("convene.provider", "scripted", "convene.scripted.name", "ts",
                "convene.scripted.secret", "abcdefgh", "convene.token-store", "etcd")).environment(Map.of()).systemProperties(false).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown token store 'etcd'");
    }

    @Test
    void credentialsInsideUrlsAreTreatedAsSecrets() {
        ScriptedVendor vendor = ScriptedProvider.register("url-secret");
        try (SessionService s = Convene.builder().properties(Map.of("convene.provider", "scripted", "convene.scripted.name", "url-secret",
                "convene.scripted.secret", "abcdefgh", "convene.scripted.base-url", "https://svc:p4ssw0rd-xyz@vendor.example/api"))
                .environment(Map.of()).systemProperties(false).build()) {
            assertThat(vendor.context().redactor().redact("connect to https://svc:p4ssw0rd-xyz@vendor.example failed"))
                    .doesNotContain("p4ssw0rd-xyz");
        }
    }

    @Test
    void providersAreListedWithoutOpeningThem() {
        assertThat(Convene.providers()).extracting(ProviderInfo::id).contains("scripted");
    }
}
