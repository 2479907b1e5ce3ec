package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A provider jar dropped on the class path shows up in {@code providers}: built here from source, as a third party would. */
class PluginJarIT {
    static final String SOURCE = """
            package com.example.tiny;

            import dev.convene.*;
            import dev.convene.spi.*;
            import java.util.*;

            public final class TinyProvider implements SessionProvider {
                public String id() { return "tiny"; }
                public String displayName() { return "Tiny Meetings (third-party plugin)"; }
                public int spiVersion() { return SPI_VERSION; }
                public Capabilities capabilities() {
                    return Capabilities.builder().kind(SessionKind.MEETING, EnumSet.of(Operation.CREATE, Operation.GET),
                            EnumSet.of(Feature.DESCRIPTION), Limits.builder().maxTitleLength(42).maxDescriptionLength(2000)
                                    .duration(java.time.Duration.ofMinutes(1), java.time.Duration.ofHours(24))
                                    .maxHosts(0).maxInvitees(0).maxOccurrences(1).build()).build();
                }
                public List<String> requiredKeys() { return List.of("token"); }
                public VendorClient open(ProviderContext context) { throw new UnsupportedOperationException("not needed to list"); }
            }
            """;

    @TempDir
    static Path dir;
    static Path pluginJar;

    @BeforeAll
    static void buildPlugin() throws IOException {
        Path src = dir.resolve("src/com/example/tiny/TinyProvider.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "--release", "17", "-cp", CliProcess.jar().toString(), "-d", classes.toString(), src.toString());
        assertThat(rc).as("javac of the tiny plugin").isZero();
        pluginJar = dir.resolve("tiny-plugin.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(pluginJar))) {
            jar.putNextEntry(new JarEntry("com/example/tiny/TinyProvider.class"));
            jar.write(Files.readAllBytes(classes.resolve("com/example/tiny/TinyProvider.class")));
            jar.putNextEntry(new JarEntry("META-INF/services/dev.convene.spi.SessionProvider"));
            jar.write("com.example.tiny.TinyProvider\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPluginOnTheClassPathIsListed() {
        var r = CliProcess.run(Map.of(), List.of("-cp", CliProcess.jar() + java.io.File.pathSeparator + pluginJar, "dev.convene.cli.Main"),
                "providers", "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"id\": \"tiny\"").contains("Tiny Meetings (third-party plugin)").contains("\"maxCharacters\": 42");
    }

    @Test
    void aPluginOnThePluginPathIsListedInTheMatrix() {
        var r = CliProcess.run("--plugin-path", pluginJar.toString(), "providers");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("tiny — Tiny Meetings (third-party plugin)");
        var without = CliProcess.run("providers");
        assertThat(without.out()).doesNotContain("tiny");
    }

    @Test
    void aBrokenJarOnThePluginPathIsReportedOnceAndTheOthersAreStillListed() throws IOException {
        Path broken = dir.resolve("broken-plugin.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(broken))) {
            jar.putNextEntry(new JarEntry("META-INF/services/dev.convene.spi.SessionProvider"));
            jar.write("com.example.broken.MissingProvider\n".getBytes(StandardCharsets.UTF_8));
        }
        var r = CliProcess.run("--plugin-path", broken.toString(), "providers");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("zoom — Zoom");
        assertThat(r.err().lines().filter(l -> l.contains("com.example.broken.MissingProvider")).toList()).as(r.toString())
                .singleElement().asString().startsWith("warning: a provider could not be loaded and was skipped: ");
    }

    @Test
    void itsMissingConfigurationIsNamedWithExitCode4() {
        var r = CliProcess.run("--plugin-path", pluginJar.toString(), "--provider", "tiny", "list");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: missing configuration for tiny: convene.tiny.token");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

}
