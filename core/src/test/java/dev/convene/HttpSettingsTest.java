package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import dev.convene.testing.SecondScriptedProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The convene.http.* keys reach the client a provider is given, and every provider and service shares one pool and dispatcher. */
class HttpSettingsTest {
    @TempDir
    Path plugins;

    /** Opens a service of {@code provider} and returns the client its provider was handed. */
    OkHttpClient clientGivenTo(String provider, Map<String, String> http, ClassLoader loader) {
        String name = UUID.randomUUID().toString();
        ScriptedVendor vendor = ScriptedProvider.register(name);
        Map<String, String> config = new HashMap<>(http);
        config.putAll(Map.of("convene.provider", provider, "convene." + provider + ".name", name, "convene." + provider + ".secret", "s3cr3t-value"));
        try (SessionService ignored = Convene.builder().properties(config).environment(Map.of()).systemProperties(false).classLoader(loader).build()) {
            return vendor.context().httpClient();
        }
    }

    @Test
    void theConfiguredLimitsAndTimeoutsAreTheProvidersClients() {
        OkHttpClient client = clientGivenTo("scripted", Map.of(
                "convene.http.max-requests", "33", "convene.http.max-requests-per-host", "7",
                "convene.http.connect-timeout", "PT3S", "convene.http.read-timeout", "4", "convene.http.call-timeout", "PT9S"), null);
        assertThat(client.dispatcher().getMaxRequests()).isEqualTo(33);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(7);
        assertThat(client.connectTimeoutMillis()).isEqualTo(3_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(4_000);
        assertThat(client.writeTimeoutMillis()).as("writes get the read timeout").isEqualTo(4_000);
        assertThat(client.callTimeoutMillis()).isEqualTo(9_000);
    }

    @Test
    void unconfiguredLimitsSuitASchedulerRatherThanOkHttpsFivePerHost() {
        OkHttpClient client = clientGivenTo("scripted", Map.of(), null);
        assertThat(client.dispatcher().getMaxRequestsPerHost()).isEqualTo(64);
        assertThat(client.dispatcher().getMaxRequests()).isEqualTo(256);
        assertThat(client.retryOnConnectionFailure()).as("only core decides what is repeated").isFalse();
    }

    @Test
    void twoProvidersAndTwoServicesShareOnePoolAndOneDispatcher() throws IOException {
        ClassLoader withSecond = withProvider(SecondScriptedProvider.class.getName());
        Map<String, String> http = Map.of("convene.http.max-requests-per-host", "11");
        OkHttpClient first = clientGivenTo("scripted", http, withSecond);
        OkHttpClient again = clientGivenTo("scripted", http, withSecond);
        OkHttpClient second = clientGivenTo(SecondScriptedProvider.ID, http, withSecond);
        assertThat(again.connectionPool()).isSameAs(first.connectionPool());
        assertThat(again.dispatcher()).isSameAs(first.dispatcher());
        assertThat(second.connectionPool()).isSameAs(first.connectionPool());
        assertThat(second.dispatcher()).isSameAs(first.dispatcher());
        assertThat(first.dispatcher().getMaxRequestsPerHost()).isEqualTo(11);
    }

    /** A class loader that finds one more provider, as a plugin jar would make it found. */
    ClassLoader withProvider(String className) throws IOException {
        Path services = plugins.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(dev.convene.spi.SessionProvider.class.getName()), className + "\n");
        return new URLClassLoader(new URL[]{plugins.toUri().toURL()}, getClass().getClassLoader());
    }
}
