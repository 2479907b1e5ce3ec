package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.spi.SessionProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryProblemsTest {
    @Test
    void aBrokenPluginIsReportedForThePluginLoaderAsked(@TempDir Path jar) throws Exception {
        Path services = jar.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SessionProvider.class.getName()), "com.example.BrokenPlugin\n");
        try (URLClassLoader plugins = new URLClassLoader(new URL[]{jar.toUri().toURL()}, getClass().getClassLoader())) {
            assertThat(Convene.discoveryProblems(plugins)).singleElement().asString().contains("com.example.BrokenPlugin");
            assertThat(Convene.providers(plugins)).extracting(ProviderInfo::id).contains("scripted");
        }
        assertThat(Convene.discoveryProblems()).noneMatch(p -> p.contains("com.example.BrokenPlugin"));
    }
}
