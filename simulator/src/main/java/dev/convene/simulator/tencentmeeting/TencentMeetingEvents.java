package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.EventChannel;
import dev.convene.simulator.EventCrypto;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Tencent Meeting's event subscription (events.md §3, docs 51608, 51612, 54658): {@code {"data": …}} where data is
 * Base64 of the event's JSON, or of its AES-256-CBC encryption when an EncodingAESKey is set; headers
 * {@code timestamp} (milliseconds, as the official example), {@code nonce} and {@code signature} = SHA-1 of the
 * sorted token, timestamp, nonce and data. The URL check is a GET with {@code check_str} whose decoded text must
 * come back. Retries are unconfirmed: 3, 5 seconds apart, here. Token and key are the {@code event-token} and
 * {@code event-aes-key} settings; the token is otherwise drawn from the seed and events go unencrypted.
 */
final class TencentMeetingEvents implements EventChannel {
    private final String token;
    private final Optional<String> aesKey;
    private final Random random;

    TencentMeetingEvents(String token, Optional<String> aesKey, Random random) {
        this.token = token;
        this.aesKey = aesKey;
        this.random = random;
    }

    /** A 25-character Token as the console generates one. */
    static String newToken(Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    /** {@code event} ({@code meeting.updated}, …) about one meeting or webinar, {@code payload} an array of one. */
    String payload(String event, String operator, Instant at, String meetingId, String code, String subject, String creator,
                   List<String> hosts, int meetingType, long start, long end) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("event", event);
        body.put("trace_id", new UUID(random.nextLong(), random.nextLong()).toString());
        ObjectNode item = body.putArray("payload").addObject();
        item.put("operate_time", at.toEpochMilli());
        item.putObject("operator").put("userid", operator);
        ObjectNode info = item.putObject("meeting_info");
        info.put("meeting_id", meetingId);
        info.put("meeting_code", code);
        info.put("subject", subject);
        info.put("creator_id", creator);
        ArrayNode hostList = info.putArray("hosts");
        hosts.forEach(hostList::add);
        info.put("meeting_type", meetingType);
        info.put("start_time", start);
        info.put("end_time", end);
        return body.toString();
    }

    @Override
    public String sample(String vendorEvent, String nativeId, Instant at) {
        return payload(vendorEvent, "sample", at, nativeId, "000000000", "sample", "sample", List.of(), 0,
                at.getEpochSecond(), at.getEpochSecond() + 3600);
    }

    @Override
    public String seal(String payload) {
        byte[] text = payload.getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(aesKey.map(k -> EventCrypto.aesCbc(k, text, true)).orElse(text));
    }

    @Override
    public Request deliver(String sealed, Instant now) {
        return new Request("POST", Map.of(), signed(sealed, now, "application/json"),
                ("{\"data\":\"" + sealed + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Check check(Instant now) {
        String plain = Long.toString(Math.floorMod(random.nextLong(), 1_000_000_000_000L));
        String checkStr = seal(plain);
        Request request = new Request("GET", Map.of("check_str", checkStr), signed(checkStr, now, null), null);
        return new Check() {
            @Override
            public Request request() {
                return request;
            }

            @Override
            public boolean passes(HttpResponse<String> answer) {
                return answer.statusCode() == 200 && answer.body().equals(plain);
            }
        };
    }

    private Map<String, String> signed(String value, Instant now, String contentType) {
        String timestamp = Long.toString(now.toEpochMilli());
        String nonce = Integer.toString(10_000_000 + random.nextInt(90_000_000));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("timestamp", timestamp);
        headers.put("nonce", nonce);
        headers.put("signature", EventCrypto.sortedSha1Hex(token, timestamp, nonce, value));
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    @Override
    public List<Duration> retries() {
        return List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(3);
    }

    @Override
    public Map<String, String> receiverProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("convene.tencentmeeting.event-token", token);
        aesKey.ifPresent(k -> p.put("convene.tencentmeeting.event-aes-key", k));
        return p;
    }
}
