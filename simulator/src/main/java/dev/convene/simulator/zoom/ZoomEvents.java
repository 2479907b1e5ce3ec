package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.EventChannel;
import dev.convene.simulator.EventCrypto;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Zoom's webhooks (events.md §1): a JSON body signed with {@code x-zm-signature: v0=HMAC-SHA256(secret token,
 * "v0:{timestamp}:{body}")}, {@code endpoint.url_validation} before a URL is accepted, 3 retries after 5, 20 and 60
 * minutes, 3 seconds to answer. The secret token is the {@code webhook-secret-token} setting, or one drawn from
 * the seed.
 */
final class ZoomEvents implements EventChannel {
    private final ObjectMapper json;
    private final String secretToken;
    private final Random random;

    ZoomEvents(ObjectMapper json, String secretToken, Random random) {
        this.json = json;
        this.secretToken = secretToken;
        this.random = random;
    }

    /** {@code meeting.<action>} or {@code webinar.<action>} about {@code s}, as Zoom's body has it; {@code extra}'s fields join the object. */
    String payload(String action, ZoomSession s, String operator, Instant at, ObjectNode extra) {
        ObjectNode body = json.createObjectNode();
        body.put("event", (s.kind == ZoomRules.Kind.WEBINAR ? "webinar." : "meeting.") + action);
        body.put("event_ts", at.toEpochMilli());
        ObjectNode payload = body.putObject("payload");
        payload.put("account_id", s.accountId);
        payload.put("operator", operator);
        payload.put("operator_id", s.hostId);
        ObjectNode object = payload.putObject("object");
        object.put("id", s.id);
        object.put("uuid", s.uuid);
        object.put("host_id", s.hostId);
        object.put("topic", s.topic);
        object.put("type", s.type);
        if (!s.noFixedTime()) {
            object.put("start_time", ZoomTimes.format(s.start));
        }
        object.put("duration", s.duration);
        object.put("timezone", s.timezone);
        if (extra != null) {
            object.setAll(extra);
        }
        return body.toString();
    }

    @Override
    public String sample(String vendorEvent, String nativeId, Instant at) {
        ObjectNode body = json.createObjectNode();
        body.put("event", vendorEvent);
        body.put("event_ts", at.toEpochMilli());
        ObjectNode payload = body.putObject("payload");
        payload.put("account_id", ZoomSimulator.PRIMARY_ACCOUNT_ID);
        payload.putObject("object").put("id", nativeId);
        return body.toString();
    }

    @Override
    public String seal(String payload) {
        return payload;
    }

    @Override
    public Request deliver(String sealed, Instant now) {
        byte[] body = sealed.getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(now.getEpochSecond());
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        byte[] tracking = new byte[12];
        random.nextBytes(tracking);
        return new Request("POST", Map.of(), Map.of(
                "Content-Type", "application/json; charset=utf-8",
                "x-zm-request-timestamp", timestamp,
                "x-zm-signature", "v0=" + EventCrypto.hmacSha256Hex(secretToken, message),
                "x-zm-trackingid", "v=2.0&s=" + HexFormat.of().formatHex(tracking)), body);
    }

    @Override
    public Check check(Instant now) {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String plainToken = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ObjectNode body = json.createObjectNode();
        body.put("event", "endpoint.url_validation");
        body.putObject("payload").put("plainToken", plainToken);
        body.put("event_ts", now.toEpochMilli());
        Request request = deliver(body.toString(), now);
        String expected = EventCrypto.hmacSha256Hex(secretToken, plainToken.getBytes(StandardCharsets.UTF_8));
        return new Check() {
            @Override
            public Request request() {
                return request;
            }

            @Override
            public boolean passes(HttpResponse<String> answer) {
                if (answer.statusCode() != 200) {
                    return false;
                }
                try {
                    JsonNode node = json.readTree(answer.body());
                    return plainToken.equals(node.path("plainToken").asText()) && expected.equals(node.path("encryptedToken").asText());
                } catch (IOException e) {
                    return false;
                }
            }
        };
    }

    @Override
    public List<Duration> retries() {
        return List.of(Duration.ofMinutes(5), Duration.ofMinutes(20), Duration.ofMinutes(60));
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public Map<String, String> receiverProperties() {
        return Map.of("convene.zoom.webhook-secret-token", secretToken);
    }
}
