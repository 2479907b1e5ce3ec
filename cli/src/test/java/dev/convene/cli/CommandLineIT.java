package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Convene;
import dev.convene.Feature;
import dev.convene.KindCapabilities;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.ProviderInfo;
import dev.convene.Recurrence;
import dev.convene.SessionKind;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: the built jar in its own process. */
class CommandLineIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> VENDORS = List.of("tencentmeeting", "wecom", "zoom");

    /** Far ahead, so that no result depends on today's date; a Tuesday in winter, so Berlin is at +01:00. */
    static final String START = "2099-01-06T10:00+08:00";
    /** START, and its end an hour later, as the contract prints them: in the session's zone, with that zone's offset. */
    static final Map<String, List<String>> START_AND_END_IN = Map.of(
            "Europe/Berlin", List.of("2099-01-06T03:00:00+01:00", "2099-01-06T04:00:00+01:00"),
            "Asia/Shanghai", List.of("2099-01-06T10:00:00+08:00", "2099-01-06T11:00:00+08:00"));
    /** Users each simulator's directory knows: a host, then two invitees. */
    static final Map<String, List<String>> USERS = Map.of(
            "tencentmeeting", List.of("test1", "test2", "guest1"),
            "wecom", List.of("lisi", "wangwu", "zhaoliu"),
            "zoom", List.of(ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.NO_WEBINAR_PLAN_EMAIL, ZoomSimulator.CANNOT_HOST_EMAIL));
    /** WeCom's living API has no join link or meeting code (specs/wecom.md §4). */
    static final Set<String> WITHOUT_JOIN_INFO = Set.of("wecom:live_stream");
    /**
     * A get answers without the creator: WeCom's webinar get names an optional sponsor, not the admin_userid
     * (specs/wecom.md §3.4); Tencent's meeting query has no creator field (specs/tencentmeeting.md §3.2).
     */
    static final Set<String> GET_WITHOUT_ORGANIZER = Set.of("wecom:webinar", "tencentmeeting:meeting", "tencentmeeting:live_stream");
    /** Zoom's cancel deletes the session (specs/zoom.md): afterwards a get is "not found", not "cancelled". */
    static final Set<String> DELETED_BY_CANCEL = Set.of("zoom");
    /** Every field --json prints, in order: the contract's and, after access, audienceUrl, panelistUrl and occurrences. */
    static final List<String> FIELDS = List.of("id", "provider", "kind", "nativeId", "title", "description", "start", "end", "timeZone",
            "status", "organizer", "hosts", "invitees", "access", "password", "joinUrl", "meetingCode", "audienceUrl", "panelistUrl", "recurrence", "occurrences");

    @TempDir
    Path dir;

    static List<ProviderInfo> providers() {
        List<ProviderInfo> found = Convene.providers().stream().filter(p -> VENDORS.contains(p.id())).toList();
        assertThat(found).extracting(ProviderInfo::id).as("all three providers are on the class path").containsExactlyInAnyOrderElementsOf(VENDORS);
        return found;
    }

    Path configFor(VendorSimulator sim) throws IOException {
        return configFor(sim, Map.of());
    }

    Path configFor(VendorSimulator sim, Map<String, String> changes) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>(sim.properties());
        properties.putAll(changes);
        Path file = dir.resolve(sim.vendor() + ".properties");
        StringBuilder b = new StringBuilder();
        properties.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        Files.writeString(file, b.toString());
        return file;
    }

    static JsonNode json(CliProcess.Result r) throws IOException {
        return JSON.readTree(r.out());
    }

    @Test
    void demoToursEveryProviderAndExitsZero() {
        var r = CliProcess.run("demo");
        assertThat(r.exit()).as(r.toString()).isZero();
        for (String vendor : VENDORS) {
            assertThat(r.out()).contains("== " + vendor + " ");
        }
        assertThat(r.out()).contains("create  →").contains("cancel  →").contains("rejected input").contains("vendor error");
        for (String vendor : VENDORS) {
            assertThat(r.out()).as("an event from a simulated host action, printed as listen prints it")
                    .containsPattern("\\{\"provider\":\"" + vendor + "\",[^\\n]*\"change\":\"started\"");
        }
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("rejected");
    }

    // ---- one simulate process, every provider and kind through create, get, update, list, cancel ------------------

    @Test
    void simulateListensOnTheGivenPortsAndEveryProviderAndKindRoundTrips() throws Exception {
        try (SimulateProcess simulate = SimulateProcess.start(dir)) {
            List<String> vendors = VENDORS.stream().sorted().toList();
            for (int i = 0; i < vendors.size(); i++) {
                int port = simulate.firstPort() + i;
                assertThat(simulate.printed()).as("simulate --port N gives the vendors N, N+1, … in name order")
                        .contains(vendors.get(i) + " simulator at http://127.0.0.1:" + port);
                try (Socket listening = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    assertThat(listening.isConnected()).isTrue();
                }
            }
            // The vendors are independent of each other: their round trips run side by side, which roughly halves the time.
            inParallel(providers().stream().<Callable<Void>>map(p -> () -> {
                roundTrips(dir.resolve(p.id() + ".properties").toString(), p);
                return null;
            }).toList());
        }
    }

    /** Runs every task to its end and fails with the first failure, as if they had run one after the other. */
    static void inParallel(List<Callable<Void>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Void>> running = pool.invokeAll(tasks);
            for (Future<Void> task : running) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw (Exception) e.getCause();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a round trip asks for: every field the command line can set that the provider keeps for the kind. */
    record Asked(ProviderInfo provider, SessionKind kind, String title, String zone, String description, String password,
                 List<String> hosts, List<String> invitees, Recurrence recurrence) {
        static Asked of(ProviderInfo p, SessionKind kind) {
            KindCapabilities k = p.capabilities().of(kind).orElseThrow();
            List<String> users = USERS.get(p.id());
            return new Asked(p, kind, "CLI " + kind.wireName(),
                    k.supports(Feature.TIME_ZONE) ? "Europe/Berlin" : "Asia/Shanghai",
                    k.supports(Feature.DESCRIPTION) ? "Agenda: the round trip" : null,
                    k.supports(Feature.PASSWORD) ? password(k.limits()) : null,
                    k.supports(Feature.HOSTS) ? List.of(users.get(0)) : List.of(),
                    k.supports(Feature.INVITEES) ? users.subList(1, 3) : List.of(),
                    k.supports(Feature.RECURRENCE) ? Recurrence.weekly(1).times(3) : null);
        }

        String what() {
            return provider.id() + " " + kind.wireName();
        }

        boolean supports(Feature feature) {
            return provider.capabilities().supports(kind, feature);
        }

        String[] createArgs(String config) {
            List<String> a = new ArrayList<>(List.of("--config", config, "create", kind.wireName(), "--title", title, "--start", START,
                    "--zone", zone, "--duration", "60", "--json"));
            option(a, "--description", description);
            option(a, "--password", password);
            hosts.forEach(h -> option(a, "--host", h));
            invitees.forEach(i -> option(a, "--invitee", i));
            option(a, "--recurrence", recurrence == null ? null : recurrence.toRRule());
            return a.toArray(String[]::new);
        }

        private static void option(List<String> args, String name, String value) {
            if (value != null) {
                args.add(name);
                args.add(value);
            }
        }

        private static String password(Limits limits) {
            return Stream.of("123456", "1234").filter(limits::passwordMatches).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample password matches " + limits.passwordRule()));
        }
    }

    private void roundTrips(String config, ProviderInfo p) throws IOException {
        Map<SessionKind, String> ids = new LinkedHashMap<>();
        Map<SessionKind, JsonNode> created = new HashMap<>();
        for (SessionKind kind : p.capabilities().supportedKinds().stream().sorted().toList()) {
            Asked asked = Asked.of(p, kind);
            var create = CliProcess.run(asked.createArgs(config));
            assertThat(create.exit()).as(asked.what() + " create: " + create).isZero();
            JsonNode c = json(create);
            assertSession(asked, c, false);
            ids.put(kind, c.get("id").asText());
            created.put(kind, c);

            var get = CliProcess.run("--config", config, "get", ids.get(kind), "--json");
            assertThat(get.exit()).as(asked.what() + " get: " + get).isZero();
            JsonNode g = json(get);
            assertSession(asked, g, true);
            for (String field : List.of("joinUrl", "meetingCode", "audienceUrl", "panelistUrl")) {
                if (!c.get(field).isNull()) {
                    assertThat(g.get(field)).as(asked.what() + " " + field + " of create and get").isEqualTo(c.get(field));
                }
            }

            var update = CliProcess.run("--config", config, "update", ids.get(kind), "--title", "CLI moved", "--json");
            assertThat(update.exit()).as(asked.what() + " update: " + update).isZero();
            JsonNode u = json(update);
            assertThat(u.get("id").asText()).isEqualTo(ids.get(kind));
            assertThat(u.get("title").asText()).isEqualTo("CLI moved");
            assertThat(u.get("start").asText()).as(asked.what() + " update keeps the start").isEqualTo(g.get("start").asText());
        }

        var list = CliProcess.run("--config", config, "list", "--json");
        assertThat(list.exit()).as(p.id() + " list: " + list).isZero();
        List<String> listed = new ArrayList<>();
        json(list).forEach(n -> listed.add(n.get("id").asText()));
        ids.forEach((kind, id) -> assertThat(listed.contains(id)).as(p.id() + " list has " + id + ": " + listed)
                .isEqualTo(p.capabilities().supports(kind, Operation.LIST)));

        for (Map.Entry<SessionKind, String> e : ids.entrySet()) {
            String what = p.id() + " " + e.getKey().wireName();
            var cancel = CliProcess.run("--config", config, "cancel", e.getValue(), "--json");
            assertThat(cancel.exit()).as(what + " cancel: " + cancel).isZero();
            assertThat(json(cancel)).isEqualTo(JSON.createObjectNode().put("id", e.getValue()).put("status", "cancelled"));

            var after = CliProcess.run("--config", config, "get", e.getValue(), "--json");
            if (DELETED_BY_CANCEL.contains(p.id())) {
                assertThat(after.exit()).as(what + " get after cancel: " + after).isEqualTo(3);
                assertThat(after.err()).startsWith("error: zoom refused with vendor code 3001 (HTTP 404)");
            } else {
                assertThat(after.exit()).as(what + " get after cancel: " + after).isZero();
                JsonNode a = json(after);
                assertThat(a.get("status").asText()).as(what).isEqualTo("cancelled");
                assertThat(a.get("title").asText()).as(what + ": the update reached the vendor").isEqualTo("CLI moved");
            }
        }
    }

    /** Every contract field, as asked; join info and occurrences only from a get (a WeCom create answers without them). */
    private static void assertSession(Asked asked, JsonNode s, boolean fromGet) {
        String what = asked.what() + (fromGet ? " get" : " create");
        List<String> names = new ArrayList<>();
        s.fieldNames().forEachRemaining(names::add);
        assertThat(names).as(what + " fields").containsExactlyElementsOf(FIELDS);
        String nativeId = s.get("nativeId").asText();
        assertThat(nativeId).as(what).isNotBlank();
        assertThat(s.get("id").asText()).as(what).isEqualTo(asked.provider().id() + ":" + asked.kind().wireName() + ":" + nativeId);
        assertThat(s.get("provider").asText()).isEqualTo(asked.provider().id());
        assertThat(s.get("kind").asText()).isEqualTo(asked.kind().wireName());
        assertThat(s.get("title").asText()).as(what).isEqualTo(asked.title());
        assertThat(text(s, "description")).as(what + " description").isEqualTo(asked.description());
        assertThat(List.of(s.get("start").asText(), s.get("end").asText())).as(what + " start and end")
                .isEqualTo(START_AND_END_IN.get(asked.zone()));
        assertThat(s.get("timeZone").asText()).as(what).isEqualTo(asked.zone());
        assertThat(s.get("status").asText()).as(what).isEqualTo("scheduled");
        String kindOf = asked.provider().id() + ":" + asked.kind().wireName();
        assertThat(text(s, "organizer")).as(what + " organizer (the configured default, as the vendor names it)")
                .isEqualTo(fromGet && GET_WITHOUT_ORGANIZER.contains(kindOf) ? null : organizer(asked.provider().id()));
        assertThat(strings(s.get("hosts"))).as(what + " hosts").isEqualTo(asked.hosts());
        assertThat(strings(s.get("invitees"))).as(what + " invitees").isEqualTo(asked.invitees());
        assertThat(text(s, "password")).as(what + " password").isEqualTo(asked.password());
        assertThat(s.get("access").asText()).as(what).isEqualTo(asked.password() == null ? "open" : "password");
        if (asked.recurrence() == null) {
            assertThat(s.get("recurrence").isNull()).as(what + " recurrence").isTrue();
        } else {
            // Vendors spell a rule their own way (WeCom ends by date, Zoom names the weekday): compare what it does.
            ZonedDateTime first = ZonedDateTime.parse(START_AND_END_IN.get(asked.zone()).get(0)).withZoneSameInstant(java.time.ZoneId.of(asked.zone()));
            assertThat(Recurrence.parse(s.get("recurrence").asText()).occurrences(first).limit(10).toList())
                    .as(what + " recurrence " + s.get("recurrence")).isEqualTo(asked.recurrence().occurrences(first).limit(10).toList());
        }
        if (!fromGet) {
            return;
        }
        if (WITHOUT_JOIN_INFO.contains(kindOf)) {
            assertThat(s.get("joinUrl").isNull() && s.get("meetingCode").isNull()).as(what + " has no join info").isTrue();
        } else {
            String code = s.get("meetingCode").asText();
            assertThat(code).as(what + " meetingCode").matches("\\d{6,}");
            assertThat(s.get("joinUrl").asText()).as(what + " joinUrl").matches("https?://\\S+").contains(code);
        }
        List<String> occurrences = new ArrayList<>();
        s.get("occurrences").forEach(o -> occurrences.add(o.get("start").asText()));
        if (asked.supports(Feature.OCCURRENCES)) {
            ZonedDateTime first = ZonedDateTime.parse(START_AND_END_IN.get(asked.zone()).get(0));
            assertThat(occurrences).as(what + " occurrences").containsExactly(
                    first.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), first.plusWeeks(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    first.plusWeeks(2).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else {
            assertThat(occurrences).as(what + " occurrences").isEmpty();
        }
    }

    private static String organizer(String provider) {
        return switch (provider) {
            case "tencentmeeting" -> "tester";
            case "wecom" -> "zhangsan";
            // Configured by e-mail; Zoom names a session's host by user id (and only by id in lists).
            case "zoom" -> ZoomSimulator.OWNER_ID;
            default -> throw new AssertionError(provider);
        };
    }

    private static String text(JsonNode s, String field) {
        return s.get(field).isNull() ? null : s.get(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** {@code convene simulate --port N --write-config DIR}, on ports found free just before (tried again if one was taken meanwhile). */
    record SimulateProcess(Process process, int firstPort, List<String> printed) implements AutoCloseable {
        static SimulateProcess start(Path configDir) throws IOException, InterruptedException {
            List<String> failures = new ArrayList<>();
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePorts(VENDORS.size());
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        CliProcess.jar().toString(), "simulate", "--port", Integer.toString(port), "--write-config", configDir.toString())
                        .redirectErrorStream(true).start();
                var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
                List<String> printed = new ArrayList<>();
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("ready:")) {
                    printed.add(line);
                }
                if (line != null) {
                    assertThat(line).startsWith("ready: 3 simulators");
                    return new SimulateProcess(p, port, printed);
                }
                p.waitFor();
                failures.add("port " + port + ": " + printed);
            }
            throw new AssertionError("simulate did not start: " + failures);
        }

        private static int freePorts(int count) throws IOException {
            for (int attempt = 0; attempt < 20; attempt++) {
                List<ServerSocket> held = new ArrayList<>();
                try {
                    held.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
                    int first = held.get(0).getLocalPort();
                    for (int i = 1; i < count; i++) {
                        held.add(new ServerSocket(first + i, 1, InetAddress.getLoopbackAddress()));
                    }
                    return first;
                } catch (IOException taken) {
                    // the next port up is in use: look elsewhere
                } finally {
                    for (ServerSocket s : held) {
                        s.close();
                    }
                }
            }
            throw new IOException("found no " + count + " free ports in a row");
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    // ---- failures, each with the exit code and first stderr line the contract promises --------------------------

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
                assertThat(badTime.err()).startsWith("error: --start 'tomorrow' is not an ISO-8601 time");
                assertThat(sim.requests()).isEmpty();
            }
        }
    }

    @Test
    void checkSaysWhetherTheCredentialsAreAcceptedAndCreatesNothing() throws Exception {
        for (ProviderInfo p : providers()) {
            try (VendorSimulator sim = Simulators.start(p.id())) {
                int sessions = sim.sessions().size();
                var ok = CliProcess.run("--config", configFor(sim).toString(), "check");
                assertThat(ok.exit()).as(ok.toString()).isZero();
                assertThat(ok.out()).isEqualTo(p.id() + ": credentials accepted\n");
                var json = CliProcess.run("--config", configFor(sim).toString(), "--json", "check");
                assertThat(json(json).get("credentials").asText()).isEqualTo("accepted");

                Map<String, String> bad = sim.propertiesWithBadCredentials();
                var refused = CliProcess.run("--config", configFor(sim, bad).toString(), "check");
                assertThat(refused.exit()).as(refused.toString()).isEqualTo(3);
                String first = refused.err().lines().findFirst().orElseThrow();
                assertThat(first).as(p.id()).startsWith("error: " + p.id() + " refused with vendor code ").contains("(check convene." + p.id() + ".");
                bad.forEach((k, v) -> {
                    if (k.matches(".*(secret|secret-key)$")) {
                        assertThat(refused.err()).as("the value of " + k).doesNotContain(v);
                    }
                });
                assertThat(sim.sessions()).as(p.id() + ": nothing created").hasSize(sessions);
                assertThat(sim.requests()).as(p.id() + ": only token requests and reads")
                        .allSatisfy(r -> assertThat(r.operation()).isIn(dev.convene.simulator.Operation.TOKEN, dev.convene.simulator.Operation.LIST));
            }
        }
    }

    @Test
    void aProviderOptionThatContradictsTheSessionIdIsAUsageError() {
        var r = CliProcess.run("--provider", "zoom", "get", "wecom:meeting:hygrn1ZurwggrQ4hgRw7IaAB");
        assertThat(r.exit()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --provider zoom contradicts the session id wecom:meeting:hygrn1ZurwggrQ4hgRw7IaAB,"
                + " which belongs to wecom; get, update and cancel take the provider from the id: leave out --provider");
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
    void anUnreachableVendorRefusedNothingAndExitsWith1() throws Exception {
        int dead;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort();
        }
        try (VendorSimulator sim = Simulators.start("zoom")) {
            Path config = configFor(sim, Map.of("convene.zoom.base-url", "http://127.0.0.1:" + dead + "/v2",
                    "convene.zoom.oauth-url", "http://127.0.0.1:" + dead + "/oauth/token"));
            var r = CliProcess.run("--config", config.toString(), "get", "zoom:meeting:98765432101");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).startsWith("error: could not reach zoom or read its answer: token request failed: ConnectException"
                    + " (check the network and the convene.zoom.*-url settings, or try again later)");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void aCreateWhoseAnswerWasLostExitsWith1SayingTheSessionMayExist() throws Exception {
        try (VendorSimulator sim = Simulators.start("zoom")) {
            sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, dev.convene.simulator.Operation.CREATE);
            var r = CliProcess.run("--config", configFor(sim).toString(), "create", "meeting", "--title", "Lost answer",
                    "--start", START, "--zone", "Asia/Shanghai", "--duration", "30");
            assertThat(r.exit()).as(r.toString()).isEqualTo(1);
            assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("error: zoom: no answer came back to the create (")
                    .endsWith(" and it was not retried; the session may exist: look for it with 'convene list --kind meeting --organizer "
                            + ZoomSimulator.OWNER_EMAIL + " --from 2099-01-06T01:59:00Z --to 2099-01-06T02:01:00Z' before creating it again");
            assertThat(sim.requests(dev.convene.simulator.Operation.CREATE)).as("not replayed").hasSize(1);
            assertThat(sim.sessions()).as("it does exist").extracting(s -> s.title()).contains("Lost answer");
        }
    }

    @Test
    void severalProvidersInOneConfigurationRouteByIdAndListTogether() throws Exception {
        try (VendorSimulator wecom = Simulators.start("wecom"); VendorSimulator zoom = Simulators.start("zoom")) {
            Map<String, String> both = new LinkedHashMap<>(wecom.properties());
            both.putAll(zoom.properties());
            both.put("convene.providers", "wecom, zoom");
            both.put("convene.provider", "wecom");
            String config = configFor(wecom, both).toString();
            String[] meeting = {"--title", "Both", "--start", "2099-01-06T10:00+08:00", "--duration", "30", "--json"};
            var onWecom = CliProcess.run(concat(new String[] {"--config", config, "create", "meeting"}, meeting));
            var onZoom = CliProcess.run(concat(new String[] {"--config", config, "--provider", "zoom", "create", "meeting"}, meeting));
            assertThat(onWecom.exit()).as(onWecom.toString()).isZero();
            assertThat(onZoom.exit()).as(onZoom.toString()).isZero();
            String wecomId = json(onWecom).get("id").asText();
            String zoomId = json(onZoom).get("id").asText();
            assertThat(wecomId).startsWith("wecom:");
            assertThat(zoomId).startsWith("zoom:");
            var listed = CliProcess.run("--config", config, "list", "--kind", "meeting", "--json");
            assertThat(listed.exit()).as(listed.toString()).isZero();
            assertThat(json(listed).findValuesAsText("id")).contains(wecomId, zoomId);
            var zoomOnly = CliProcess.run("--config", config, "--provider", "zoom", "list", "--kind", "meeting", "--json");
            assertThat(json(zoomOnly).findValuesAsText("provider")).containsOnly("zoom");
            for (String id : List.of(wecomId, zoomId)) {
                var got = CliProcess.run("--config", config, "get", id, "--json");
                assertThat(got.exit()).as(got.toString()).isZero();
                assertThat(json(got).get("id").asText()).isEqualTo(id);
                assertThat(CliProcess.run("--config", config, "cancel", id).exit()).isZero();
            }
        }
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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
    void aBaseUrlThatIsNoUrlExitsWith4NamingTheKeyAndTheRule() throws Exception {
        try (VendorSimulator sim = Simulators.start("zoom")) {
            var r = CliProcess.run("--config", configFor(sim, Map.of("convene.zoom.base-url", "notaurl")).toString(), "list");
            assertThat(r.exit()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).startsWith("error: convene.zoom.base-url (environment variable CONVENE_ZOOM_BASE_URL) must be an absolute"
                    + " http or https URL such as https://api.example.com/v2, was 'notaurl'");
            assertThat(sim.requests()).isEmpty();
        }
    }

    /** Issue 13 item 5: the contract's own example, a start with only an offset and no --zone, works on every provider. */
    @Test
    void anOffsetOnlyStartWithoutZoneWorksOnEveryProvider() throws Exception {
        for (ProviderInfo p : providers()) {
            try (VendorSimulator sim = Simulators.start(p.id())) {
                var r = CliProcess.run("--config", configFor(sim).toString(), "create", "meeting", "--title", "Offset only",
                        "--start", START, "--duration", "60", "--json");
                assertThat(r.exit()).as(p.id() + ": " + r).isZero();
                assertThat(java.time.OffsetDateTime.parse(json(r).get("start").asText()).toInstant()).as(p.id())
                        .isEqualTo(java.time.OffsetDateTime.parse(START).toInstant());
            }
        }
    }

    @Test
    void anUnsupportedKindExitsWith5() throws Exception {
        Optional<ProviderInfo> lacking = providers().stream().filter(p -> p.capabilities().supportedKinds().size() < 3).findFirst();
        assertThat(lacking).as("some provider lacks a kind (Zoom has no live streams)").isPresent();
        ProviderInfo p = lacking.get();
        SessionKind missing = List.of(SessionKind.values()).stream().filter(k -> !p.capabilities().supports(k)).findFirst().orElseThrow();
        try (VendorSimulator sim = Simulators.start(p.id())) {
            var r = CliProcess.run("--config", configFor(sim).toString(), "create", missing.wireName(), "--title", "t",
                    "--start", START, "--duration", "60");
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).startsWith("error: " + p.id() + " does not support " + missing.wireName() + " sessions\n");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void anUnsupportedFeatureOfASupportedKindExitsWith5() throws Exception {
        // Tencent Meeting's meetings take no description (its webinars and live streams do).
        ProviderInfo tencent = providers().stream().filter(p -> p.id().equals("tencentmeeting")).findFirst().orElseThrow();
        assertThat(tencent.capabilities().supports(SessionKind.MEETING, Feature.DESCRIPTION)).isFalse();
        try (VendorSimulator sim = Simulators.start("tencentmeeting")) {
            var r = CliProcess.run("--config", configFor(sim).toString(), "create", "meeting", "--title", "t", "--description", "Agenda",
                    "--start", START, "--zone", "Asia/Shanghai", "--duration", "60");
            assertThat(r.exit()).as(r.toString()).isEqualTo(5);
            assertThat(r.err()).startsWith("error: tencentmeeting does not support DESCRIPTION for meetings\n");
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
