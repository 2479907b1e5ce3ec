package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convene listen} over real HTTP, fed the official vectors of events.md (and a Zoom delivery signed
 * outside Java). Their timestamps are years old, so the windows are widened by configuration: nothing here
 * reads the wall clock. The windows themselves are tested in the events module with an injected clock.
 */
class ListenIT {
    static final String WECOM_POST_QUERY = "msg_signature=477715d11cdb4164915debcba66cb864d751f3e6&timestamp=1409659813&nonce=1372623149";
    static final String WECOM_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    static final String WECOM_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String TENCENT_DATA = "eyJldmVudCI6Im1lZXRpbmcuY3JlYXRlZCIsInVuaXF1ZV9zZXF1ZW5jZSI6ImYyMDA5NmVlLThhYzgtNGRmMi1hN2RlLTA1NzQ2NDlmMjExYiIsInBheWxvYWQiOlt7Im9wZXJhdGVfdGltZSI6IjIwMjAtMTItMjkgMTc6NDE6MDYiLCJvcGVyYXRvciI6eyJ1c2VyaWQiOiJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJ9LCJtZWV0aW5nX2luZm8iOnsibWVldGluZ19pZCI6IjYwNTg4OTAzODU0ODA5MjEwNTIiLCJtZWV0aW5nX2NvZGUiOiI1MzA4MTI0NTIiLCJzdWJqZWN0IjoibWVkaWEgdGVzdGVyIG1lZXRpbmciLCJjcmVhdG9yX2lkIjoidGVzdGVyMDAwMDZiYTViYWIzMzk4NThjMTNjOTMwY2NhOTU2ODQiLCJob3N0cyI6WyJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJdLCJtZWV0aW5nX3R5cGUiOjAsInN0YXJ0X3RpbWUiOiIyMDIwLTEyLTI5IDE3OjQxOjA0IiwiZW5kX3RpbWUiOiIyMDIwLTEyLTI5IDE4OjAxOjA0In19XX0";
    static final String ZOOM_STARTED = "{\"event\":\"meeting.started\",\"event_ts\":1718000000123,\"payload\":{\"account_id\":\"AAAAbbbb\",\"object\":"
            + "{\"id\":85746065432,\"uuid\":\"4444AAAiAAAAAiAiAiiAii==\",\"host_id\":\"x1yCzABCDEfg\",\"topic\":\"周会 📅 Ünïcode\",\"type\":2,"
            + "\"start_time\":\"2024-06-10T06:13:20Z\",\"timezone\":\"Asia/Shanghai\",\"duration\":60}}}";
    static final String ZOOM_STARTED_SIGNATURE = "v0=a6d62e15c7cd8ab694baa05c48a840d30c2947abbe44c1eccc32a9338fb7356f";
    static final String ZOOM_VALIDATION = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1718000000456,\"event\":\"endpoint.url_validation\"}";
    static final String ZOOM_VALIDATION_SIGNATURE = "v0=9829a62166463e54400dd2eddc35892336d016066143d973adfa4c3f60e20e61";
    static final String ZOOM_SECRET = "zoom-secret-token-do-not-leak";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path file = dir.resolve("events.properties");
        Files.writeString(file, String.join("\n",
                "convene.wecom.callback-token=QDG6eK",
                "convene.wecom.callback-aes-key=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
                "convene.wecom.corp-id=wx5823bf96d3bd56c7",
                "convene.tencentmeeting.event-token=bVPU6F8Htxl5XkAbp3jGV2xWp",
                "convene.zoom.webhook-secret-token=" + ZOOM_SECRET,
                // the official vectors are from 2014 to 2024
                "convene.events.max-skew=P36500D",
                "convene.events.dedup-retention=P36500D",
                "convene.events.max-body-bytes=4096", ""));
        return file;
    }

    @Test
    void listensAnswersChallengesAndPrintsEachAcceptedEventOnce() throws Exception {
        try (Listener listener = Listener.start(config().toString())) {
            String base = "http://127.0.0.1:" + listener.port + "/convene/events/";

            HttpResponse<String> validation = post(base + "zoom", ZOOM_VALIDATION, "x-zm-signature", ZOOM_VALIDATION_SIGNATURE,
                    "x-zm-request-timestamp", "1718000000");
            assertThat(validation.statusCode()).isEqualTo(200);
            assertThat(validation.headers().firstValue("content-type")).hasValue("application/json");
            assertThat(json.readTree(validation.body()).get("encryptedToken").asText())
                    .isEqualTo("e1a7584b06f47eb632967c759f792f4f9b4ba3f12a3e3c9b57f6f1cd27cc8b0e");

            assertThat(post(base + "zoom", ZOOM_STARTED, "x-zm-signature", ZOOM_STARTED_SIGNATURE, "x-zm-request-timestamp", "1718000000")
                    .statusCode()).isEqualTo(200);
            assertThat(post(base + "zoom", ZOOM_STARTED, "x-zm-signature", ZOOM_STARTED_SIGNATURE, "x-zm-request-timestamp", "1718000000")
                    .statusCode()).as("the duplicate").isEqualTo(200);
            HttpResponse<String> forged = post(base + "zoom", ZOOM_STARTED.replace("85746065432", "85746065433"),
                    "x-zm-signature", ZOOM_STARTED_SIGNATURE, "x-zm-request-timestamp", "1718000000");
            assertThat(forged.statusCode()).isEqualTo(401);
            assertThat(forged.body()).isEqualTo("bad_signature");

            HttpResponse<String> echo = get(base + "wecom?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589"
                    + "&nonce=263014780&echostr=" + URLEncoder.encode(WECOM_ECHOSTR, StandardCharsets.UTF_8));
            assertThat(echo.statusCode()).isEqualTo(200);
            assertThat(echo.body()).isEqualTo("1616140317555161061");
            assertThat(post(base + "wecom?" + WECOM_POST_QUERY, "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
                    + WECOM_ENCRYPT + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>").statusCode()).isEqualTo(200);

            HttpResponse<String> tencent = post(base + "tencentmeeting", "{\"data\":\"" + TENCENT_DATA + "\"}",
                    "timestamp", "1609239040864", "nonce", "14964161", "signature", "b11e507817336a91d7df0c8536ee2aca18bbbae8");
            assertThat(tencent.statusCode()).isEqualTo(200);
            assertThat(tencent.body()).isEqualTo("successfully received callback");

            assertThat(post(base + "teams", "{}").statusCode()).isEqualTo(404);
            assertThat(get(base + "zoom").statusCode()).isEqualTo(405);
            assertThat(post(base + "zoom", "x".repeat(8192), "x-zm-signature", "v0=00", "x-zm-request-timestamp", "1718000000").statusCode())
                    .isEqualTo(413);

            List<JsonNode> events = listener.events(3);
            assertThat(events).extracting(e -> e.get("provider").asText()).containsExactly("zoom", "wecom", "tencentmeeting");
            JsonNode zoom = events.get(0);
            assertThat(zoom.get("change").asText()).isEqualTo("started");
            assertThat(zoom.get("sessionId").asText()).isEqualTo("zoom:meeting:85746065432");
            assertThat(zoom.get("occurredAt").asText()).isEqualTo("2024-06-10T06:13:20.123Z");
            assertThat(zoom.get("dedupKey").asText()).isEqualTo("zoom:meeting.started:1718000000123:4444AAAiAAAAAiAiAiiAii==");
            assertThat(zoom.get("vendorEvent").asText()).isEqualTo("meeting.started");
            assertThat(zoom.get("kindKnown").asBoolean()).isTrue();
            assertThat(events.get(1).get("vendorEvent").asText()).isEqualTo("text");
            assertThat(events.get(1).get("sessionId").isNull()).isTrue();
            assertThat(events.get(2).get("sessionId").asText()).isEqualTo("tencentmeeting:meeting:6058890385480921052");
            assertThat(events.get(2).get("kindKnown").asBoolean()).isFalse();
            assertThat(events.get(2).get("possibleKinds")).extracting(JsonNode::asText).containsExactly("meeting", "live_stream");

            List<String> rejections = listener.errorsAfterStart(4);
            assertThat(rejections.get(0)).startsWith("rejected POST /convene/events/zoom: 401 bad_signature: ");
            assertThat(rejections.get(1)).startsWith("rejected POST /convene/events/teams: 404 unknown_provider: ");
            assertThat(rejections.get(2)).startsWith("rejected GET /convene/events/zoom: 405 method_not_allowed: ");
            assertThat(rejections.get(3)).startsWith("rejected POST /convene/events/zoom: 413 body_too_large: ");
            assertThat(String.join("\n", listener.err)).doesNotContain(ZOOM_SECRET).doesNotContain("QDG6eK");
            assertThat(listener.out).as("one line per accepted event, nothing for the duplicate").hasSize(3);
        }
    }

    @Test
    void servesUnderTheGivenPath() throws Exception {
        try (Listener listener = Listener.start(config().toString(), "--path", "/hooks/in/")) {
            assertThat(listener.err.get(0)).contains("/hooks/in/{provider}").contains("wecom, tencentmeeting, zoom");
            String base = "http://127.0.0.1:" + listener.port;
            assertThat(post(base + "/hooks/in/zoom", ZOOM_VALIDATION, "x-zm-signature", ZOOM_VALIDATION_SIGNATURE,
                    "x-zm-request-timestamp", "1718000000").statusCode()).isEqualTo(200);
            assertThat(post(base + "/convene/events/zoom", ZOOM_VALIDATION).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withoutEventConfigurationItExitsWith4NamingTheKeys() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.properties"), "convene.provider=zoom\n");
        var r = CliProcess.run("--config", empty.toString(), "listen", "--port", "0");
        assertThat(r.exit()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).startsWith("error: no provider is configured to receive events").contains("convene.zoom.webhook-secret-token");
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** {@code convene listen --port 0} as a process; its stdout and stderr lines as they come. */
    static final class Listener implements AutoCloseable {
        final Process process;
        final int port;
        final List<String> out = new CopyOnWriteArrayList<>();
        final List<String> err = new CopyOnWriteArrayList<>();

        private Listener(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Listener start(String config, String... extra) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    CliProcess.jar().toString(), "--config", config, "listen", "--port", "0"));
            command.addAll(List.of(extra));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().keySet().removeIf(k -> k.startsWith("CONVENE_"));
            Process p = pb.start();
            BufferedReader errors = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
            String first = CompletableFuture.supplyAsync(() -> {
                try {
                    return errors.readLine();
                } catch (IOException e) {
                    return null;
                }
            }).get(60, TimeUnit.SECONDS);
            if (first == null || !first.startsWith("listening on http://0.0.0.0:")) {
                p.destroyForcibly();
                throw new AssertionError("listen did not start: " + first);
            }
            int port = Integer.parseInt(first.replaceFirst("^listening on http://0\\.0\\.0\\.0:(\\d+)/.*$", "$1"));
            Listener l = new Listener(p, port);
            l.err.add(first);
            pump(errors, l.err);
            pump(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), l.out);
            return l;
        }

        private static void pump(BufferedReader reader, List<String> into) {
            Thread t = new Thread(() -> {
                try {
                    for (String line; (line = reader.readLine()) != null; ) {
                        into.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        /** The first {@code count} stdout lines as JSON, waiting for them (the answer goes out before the line is printed). */
        List<JsonNode> events(int count) throws Exception {
            await(out, count);
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out) {
                nodes.add(new ObjectMapper().readTree(line));
            }
            return nodes;
        }

        List<String> errorsAfterStart(int count) throws InterruptedException {
            await(err, count + 1);
            return err.subList(1, err.size());
        }

        private static void await(List<String> lines, int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (lines.size() < count && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
