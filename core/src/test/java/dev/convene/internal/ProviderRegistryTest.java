package dev.convene.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Capabilities;
import dev.convene.ConfigurationException;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.SessionProvider;
import dev.convene.spi.VendorClient;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProviderRegistryTest {
    static class Fake implements SessionProvider {
        final String id;
        final int version;

        Fake(String id, int version) {
            this.id = id;
            this.version = version;
        }

        @Override public String id() { return id; }
        @Override public String displayName() { return id; }
        @Override public int spiVersion() { return version; }
        @Override public Capabilities capabilities() { return Capabilities.builder().build(); }
        @Override public List<String> requiredKeys() { return List.of(); }
        @Override public VendorClient open(ProviderContext context) { throw new UnsupportedOperationException(); }
    }

    static class OtherFake extends Fake {
        OtherFake(String id) {
            super(id, SessionProvider.SPI_VERSION);
        }
    }

    @Test
    void findsByIdAndListsWhatExistsOnAMiss() {
        ProviderRegistry r = ProviderRegistry.from(List.of(new Fake("a", 1), new Fake("b", 1)), List.of());
        assertThat(r.byId("b").id()).isEqualTo("b");
        assertThatThrownBy(() -> r.byId("zoom")).isInstanceOf(ConfigurationException.class)
                .hasMessage("unknown provider 'zoom'; providers found: a, b");
    }

    @Test
    void duplicateIdsFailNamingBothClasses() {
        assertThatThrownBy(() -> ProviderRegistry.from(List.of(new Fake("a", 1), new OtherFake("a")), List.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'a' by " + Fake.class.getName() + " and " + OtherFake.class.getName());
    }

    @Test
    void aProviderForAnotherSpiVersionIsSetAsideAndExplained() {
        ProviderRegistry r = ProviderRegistry.from(List.of(new Fake("old", 0), new Fake("b", 1)), List.of());
        assertThat(r.all()).extracting(SessionProvider::id).containsExactly("b");
        assertThatThrownBy(() -> r.byId("old")).hasMessageContaining("built for SPI version 0").hasMessageContaining("speaks version 1");
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void aProviderThatCannotDescribeItselfIsSkipped() {
        Fake broken = new Fake("x", 1) {
            @Override public String id() { throw new IllegalStateException("boom"); }
        };
        ProviderRegistry r = ProviderRegistry.from(List.of(broken, new Fake("b", 1)), List.of());
        assertThat(r.all()).extracting(SessionProvider::id).containsExactly("b");
        assertThat(r.problems()).singleElement().asString().contains("boom");
    }

    @Test
    void aBrokenJarIsReportedAndTheRestStillLoad(@TempDir Path jar) throws Exception {
        Path services = jar.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SessionProvider.class.getName()), "com.example.DoesNotExist\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, getClass().getClassLoader())) {
            ProviderRegistry r = ProviderRegistry.load(loader);
            assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("com.example.DoesNotExist"));
            assertThat(r.all()).extracting(SessionProvider::id).contains("scripted");
        }
    }
}
