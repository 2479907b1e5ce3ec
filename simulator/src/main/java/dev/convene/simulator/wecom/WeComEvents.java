package dev.convene.simulator.wecom;

import dev.convene.simulator.EventChannel;
import dev.convene.simulator.EventCrypto;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * WeCom's callbacks (events.md §2, doc 90968): the XML message is encrypted (random 16 bytes, length, message,
 * corp id, PKCS#7 to 32 bytes, AES-256-CBC) into {@code <Encrypt>}, signed with {@code msg_signature} = SHA-1 of
 * the sorted token, timestamp, nonce and encrypted text. The URL check is a GET whose {@code echostr} must come
 * back decrypted. WeCom waits 5 seconds and tries 3 more times (the spacing is unconfirmed: 5 seconds here); a
 * retry carries the same encrypted text. Token and EncodingAESKey are the {@code callback-token} and
 * {@code callback-aes-key} settings, or drawn from the seed.
 */
final class WeComEvents implements EventChannel {
    private static final int BLOCK = 32;

    private final String token;
    private final String aesKey;
    private final String corpId;
    private final int agentId;
    private final Random random;

    WeComEvents(String token, String aesKey, String corpId, int agentId, Random random) {
        this.token = token;
        this.aesKey = aesKey;
        this.corpId = corpId;
        this.agentId = agentId;
        this.random = random;
    }

    /** {@code meeting_change} with one of its ChangeTypes ({@code modify_meeting}, {@code meeting_start}, …); webinars too. */
    String meetingChange(String changeType, String meetingId, Instant at) {
        return message(at, "meeting_change", "<ChangeType><![CDATA[" + changeType + "]]></ChangeType><MeetingId><![CDATA["
                + meetingId + "]]></MeetingId>");
    }

    /** {@code living_status_change} with get_living_info's status (1 live, 2 ended, 4 cancelled). */
    String livingStatus(String livingId, int status, Instant at) {
        return message(at, "living_status_change", "<LivingId><![CDATA[" + livingId + "]]></LivingId><Status>" + status + "</Status>");
    }

    @Override
    public String sample(String vendorEvent, String nativeId, Instant at) {
        return message(at, vendorEvent, "<MeetingId><![CDATA[" + nativeId + "]]></MeetingId>");
    }

    private String message(Instant at, String event, String fields) {
        return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>"
                + at.getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event>"
                + fields + "</xml>";
    }

    @Override
    public String seal(String payload) {
        byte[] msg = payload.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes(nonce);
        plain.writeBytes(ByteBuffer.allocate(4).putInt(msg.length).array());
        plain.writeBytes(msg);
        plain.writeBytes(corpId.getBytes(StandardCharsets.UTF_8));
        int pad = BLOCK - plain.size() % BLOCK;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        return Base64.getEncoder().encodeToString(EventCrypto.aesCbc(aesKey, plain.toByteArray(), false));
    }

    @Override
    public Request deliver(String sealed, Instant now) {
        String timestamp = Long.toString(now.getEpochSecond());
        String nonce = nonce();
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><AgentID><![CDATA[" + agentId
                + "]]></AgentID><Encrypt><![CDATA[" + sealed + "]]></Encrypt></xml>";
        return new Request("POST", Map.of("msg_signature", EventCrypto.sortedSha1Hex(token, timestamp, nonce, sealed),
                "timestamp", timestamp, "nonce", nonce), Map.of("Content-Type", "text/xml"), body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Check check(Instant now) {
        String plain = Long.toString(Math.floorMod(random.nextLong(), 9_000_000_000_000_000_000L) + 1_000_000_000_000_000_000L);
        String echostr = seal(plain);
        String timestamp = Long.toString(now.getEpochSecond());
        String nonce = nonce();
        Request request = new Request("GET", Map.of("msg_signature", EventCrypto.sortedSha1Hex(token, timestamp, nonce, echostr),
                "timestamp", timestamp, "nonce", nonce, "echostr", echostr), Map.of(), null);
        return new Check() {
            @Override
            public Request request() {
                return request;
            }

            @Override
            public boolean passes(HttpResponse<String> answer) {
                // the plaintext alone: no quotes, no newline
                return answer.statusCode() == 200 && answer.body().equals(plain);
            }
        };
    }

    private String nonce() {
        return Integer.toString(1_000_000_000 + random.nextInt(1_000_000_000));
    }

    @Override
    public List<Duration> retries() {
        return List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Map<String, String> receiverProperties() {
        return Map.of("convene.wecom.callback-token", token, "convene.wecom.callback-aes-key", aesKey, "convene.wecom.corp-id", corpId);
    }
}
