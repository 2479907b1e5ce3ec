package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Convene;
import dev.convene.Operation;
import dev.convene.ProviderInfo;
import dev.convene.SessionKind;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: the built jar in its own process. */
class CommandLineIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> VENDORS = List.of("tencentmeeting", "wecom", "zoom");

    @TempDir
    Path dir;

    static String tomorrow() {
        return ZonedDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).truncatedTo(ChronoUnit.HOURS).withHour(10).toOffsetDateTime().toString();
    }

    static List<ProviderInfo> providers() {
        List<ProviderInfo> found = Convene.providers().stream().filter(p -> VENDORS.contains(p.id())).toList();
        assertThat(found).extracting(ProviderInfo::id).as("all three providers are on the class path").containsExactlyInAnyOrderElementsOf(VENDORS);
        return found;
    }

    Path configFor(VendorSimulator sim) throws IOException {
        Path file = dir.resolve(sim.vendor() + ".properties");
        StringBuilder b = new StringBuilder();
        sim.properties().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void demoToursEveryProviderAndExitsZero() {
        var r = CliProcess.run("demo");
        assertThat(r.exit()).as(r.toString()).isZero();
        for (String vendor : VENDORS) {
            assertThat(r.out()).contains("== " + vendor + " ");
        }
        assertThat(r.out()).contains("create  →").contains("cancel  →").contains("rejected input").contains("vendor error");
        assertThat(r.err()).doesNotContain("Exception");
    }

    @Test
    void simulateThenEveryProviderAndKindRoundTripsThroughTheCommandLine() throws Exception {
        Process simulate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                CliProcess.jar().toString(), "simulate", "--write-config", dir.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(simulate.getInputStream(), StandardCharsets.UTF_8));
            String line;
            List<String> seen = new ArrayList<>();
            while ((line = out.readLine()) != null && !line.startsWith("ready:")) {
                seen.add(line);
            }
            assertThat(line).as("simulate printed: " + seen).startsWith("ready: 3 simulators");
            for (ProviderInfo p : providers()) {
                assertThat(seen).anySatisfy(s -> assertThat(s).startsWith(p.id() + " simulator at http://127.0.0.1:"));
                String config = dir.resolve(p.id() + ".properties").toString();
                for (SessionKind kind : p.capabilities().supportedKinds()) {
                    roundTrip(config, p, kind);
                }
            }
        } finally {
            simulate.destroy();
            simulate.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void roundTrip(String config, ProviderInfo p, SessionKind kind) throws IOException {
        String what = p.id() + " " + kind.wireName();
        var created = CliProcess.run("--config", config, "create", kind.wireName(), "--title", "CLI " + kind.wireName().substring(0, 4),
                "--start", tomorrow(), "--zone", "Asia/Shanghai", "--duration", "60", "--json");
        assertThat(created.exit()).as(what + " create: " + created).isZero();
        JsonNode c = JSON.readTree(created.out());
        String id = c.get("id").asText();
        assertThat(c.get("provider").asText()).isEqualTo(p.id());
        assertThat(c.get("kind").asText()).isEqualTo(kind.wireName());
        assertThat(c.get("status").asText()).isEqualTo("scheduled");

        var got = CliProcess.run("--config", config, "get", id, "--json");
        assertThat(got.exit()).as(what + " get: " + got).isZero();
        JsonNode g = JSON.readTree(got.out());
        assertThat(g.get("title").asText()).isEqualTo("CLI " + kind.wireName().substring(0, 4));
        assertThat(g.get("start").asText()).isEqualTo(c.get("start").asText());
        assertThat(g.get("end").asText()).isEqualTo(c.get("end").asText());

        if (p.capabilities().supports(kind, Operation.UPDATE)) {
            var updated = CliProcess.run("--config", config, "update", id, "--title", "CLI moved", "--json");
            assertThat(updated.exit()).as(what + " update: " + updated).isZero();
            assertThat(JSON.readTree(updated.out()).get("title").asText()).isEqualTo("CLI moved");
        }
        if (p.capabilities().supports(kind, Operation.LIST)) {
            var listed = CliProcess.run("--config", config, "list", "--kind", kind.wireName(), "--json");
            assertThat(listed.exit()).as(what + " list: " + listed).isZero();
            List<String> ids = new ArrayList<>();
            JSON.readTree(listed.out()).forEach(n -> ids.add(n.get("id").asText()));
            assertThat(ids).as(what + " list").contains(id);
        }
        if (p.capabilities().supports(kind, Operation.CANCEL)) {
            var cancelled = CliProcess.run("--config", config, "cancel", id);
            assertThat(cancelled.exit()).as(what + " cancel: " + cancelled).isZero();
            assertThat(cancelled.out()).contains("cancelled " + id);
        }
    }

    @Test
    void badInputExitsWith2AndSendsNothing() throws Exception {
        for (ProviderInfo p : providers()) {
            try (VendorSimulator sim = Simulators.start(p.id())) {
                Path config = configFor(sim);
                SessionKind kind = p.capabilities().supportedKinds().stream().sorted().findFirst().orElseThrow();
                var r = CliProcess.run("--config", config.toString(), "create", kind.wireName(), "--title", "x".repeat(1000),
                        "--start", "2001-01-01T10:00+08:00", "--duration", "PT1H");
                assertThat(r.exit()).as(r.toString()).isEqualTo(2);
                assertThat(r.err()).startsWith("error: invalid input (nothing was sent):").contains("- title").contains("- start");
                assertThat(r.err()).doesNotContain("\tat ");
                assertThat(sim.requests()).as(p.id() + ": nothing reached the vendor").isEmpty();

                var badTime = CliProcess.run("--config", config.toString(), "create", kind.wireName(), "--title", "t",
                        "--start", "tomorrow", "--duration", "60");
                assertThat(badTime.exit()).isEqualTo(2);
                assertThat(badTime.err()).contains("--start 'tomorrow' is not an ISO-8601 time");
                assertThat(sim.requests()).isEmpty();
            }
        }
    }

    @Test
    void aVendorRefusalExitsWith3NamingTheVendorCode() throws Exception {
        for (ProviderInfo p : providers()) {
            try (VendorSimulator sim = Simulators.start(p.id())) {
                SessionKind kind = p.capabilities().supportedKinds().stream().sorted().findFirst().orElseThrow();
                var r = CliProcess.run("--config", configFor(sim).toString(), "get", p.id() + ":" + kind.wireName() + ":98765432101");
                assertThat(r.exit()).as(r.toString()).isEqualTo(3);
                assertThat(r.err()).as(p.id()).containsPattern("^error: " + p.id() + " refused with vendor code [^ (]+");
                assertThat(r.err()).doesNotContain("\tat ");
            }
        }
    }

    @Test
    void missingConfigurationExitsWith4NamingTheKey() {
        var r = CliProcess.run("--provider", "zoom", "list");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("convene.zoom.account-id").contains("CONVENE_ZOOM_CLIENT_SECRET");

        var env = CliProcess.run(Map.of("CONVENE_PROVIDER", "wecom"), List.of("-jar", CliProcess.jar().toString()), "list");
        assertThat(env.exit()).isEqualTo(4);
        assertThat(env.err()).contains("convene.wecom.corp-secret");
    }

    @Test
    void anUnsupportedKindExitsWith5() throws Exception {
        Optional<ProviderInfo> lacking = providers().stream().filter(p -> p.capabilities().supportedKinds().size() < 3).findFirst();
        assertThat(lacking).as("some provider lacks a kind (Zoom has no live streams)").isPresent();
        ProviderInfo p = lacking.get();
        SessionKind missing = List.of(SessionKind.values()).stream().filter(k -> !p.capabilities().supports(k)).findFirst().orElseThrow();
        try (VendorSimulator sim = Simulators.start(p.id())) {
            var r = CliProcess.run("--config", configFor(sim).toString(), "create", missing.wireName(), "--title", "t",
                    "--start", tomorrow(), "--duration", "60");
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).startsWith("error: " + p.id() + " does not support");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void verboseShowsTheStackTraceAndMaskedHttp() throws Exception {
        try (VendorSimulator sim = Simulators.start("zoom")) {
            var r = CliProcess.run("--config", configFor(sim).toString(), "--verbose", "get", "zoom:meeting:98765432101");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("\tat ").contains("--> GET");
            for (String secretKey : List.of("convene.zoom.client-secret")) {
                assertThat(r.err()).doesNotContain(sim.properties().get(secretKey));
            }
        }
    }
}
