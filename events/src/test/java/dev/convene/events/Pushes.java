package dev.convene.events;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Requests as the vendors send them, built from events.md (not from the code under test): WeCom's encrypted
 * XML and signatures, Tencent's signed Base64 or encrypted data, Zoom's HMAC-signed JSON.
 */
final class Pushes {
    // The official vectors' keys (events.md §2, §3)
    static final String WECOM_TOKEN = "QDG6eK";
    static final String WECOM_CORP = "wx5823bf96d3bd56c7";
    static final String WECOM_AES = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String TENCENT_TOKEN = "bVPU6F8Htxl5XkAbp3jGV2xWp";
    // our own, for Tencent's encrypted mode and Zoom (no official vector with a secret)
    static final String TENCENT_AES = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aQ";
    static final String ZOOM_SECRET = "zoom-secret-token-do-not-leak";

    private Pushes() {
    }

    static Map<String, String> config(String... extra) {
        Map<String, String> c = new HashMap<>();
        c.put("convene.wecom.callback-token", WECOM_TOKEN);
        c.put("convene.wecom.callback-aes-key", WECOM_AES);
        c.put("convene.wecom.corp-id", WECOM_CORP);
        c.put("convene.tencentmeeting.event-token", TENCENT_TOKEN);
        c.put("convene.zoom.webhook-secret-token", ZOOM_SECRET);
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                c.remove(extra[i]);
            } else {
                c.put(extra[i], extra[i + 1]);
            }
        }
        return c;
    }

    static EventReceiver receiver(Clock clock, String... extra) {
        return EventReceiver.builder().properties(config(extra)).environment(Map.of()).systemProperties(false).clock(clock).build();
    }

    static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    // ---- WeCom

    static String sha1Sorted(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** random(16) | len | msg | receiveid, PKCS#7 to 32 bytes (or {@code padOverride} as the last byte), AES-256-CBC. */
    static String wecomEncrypt(String aesKey, String msg, String receiveId, int padOverride) {
        byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        plain.writeBytes("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        plain.writeBytes(ByteBuffer.allocate(4).putInt(m.length).array());
        plain.writeBytes(m);
        plain.writeBytes(receiveId.getBytes(StandardCharsets.UTF_8));
        int pad = 32 - plain.size() % 32;
        for (int i = 0; i < pad; i++) {
            plain.write(pad);
        }
        byte[] bytes = plain.toByteArray();
        if (padOverride >= 0) {
            bytes[bytes.length - 1] = (byte) padOverride;
        }
        return Base64.getEncoder().encodeToString(aes(aesKey, bytes, "AES/CBC/NoPadding"));
    }

    static byte[] aes(String encodingAesKey, byte[] plain, String transformation) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        try {
            Cipher c = Cipher.getInstance(transformation);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return c.doFinal(plain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String wecomBody(String encrypted) {
        return "<xml><ToUserName><![CDATA[" + WECOM_CORP + "]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
    }

    /** A signed POST of {@code encrypted} at {@code timestamp}. */
    static EventRequest wecomPost(String encrypted, long timestamp) {
        String nonce = "1372623149";
        return EventRequest.builder("wecom").method("POST")
                .query("msg_signature", sha1Sorted(WECOM_TOKEN, Long.toString(timestamp), nonce, encrypted))
                .query("timestamp", Long.toString(timestamp)).query("nonce", nonce)
                .body(wecomBody(encrypted).getBytes(StandardCharsets.UTF_8)).build();
    }

    static EventRequest wecomPost(String xmlMessage, long timestamp, String receiveId) {
        return wecomPost(wecomEncrypt(WECOM_AES, xmlMessage, receiveId, -1), timestamp);
    }

    static String meetingChange(String changeType, String meetingId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + WECOM_CORP + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>"
                + "<CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[meeting_change]]></Event>"
                + "<ChangeType><![CDATA[" + changeType + "]]></ChangeType><MeetingId><![CDATA[" + meetingId + "]]></MeetingId></xml>";
    }

    // ---- Tencent

    static EventRequest tencentPost(String data, String timestamp) {
        String nonce = "14964161";
        return EventRequest.builder("tencentmeeting").method("POST")
                .header("timestamp", timestamp).header("nonce", nonce)
                .header("signature", sha1Sorted(TENCENT_TOKEN, timestamp, nonce, data))
                .body(("{\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8)).build();
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    // ---- Zoom

    static String hmacHex(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static EventRequest zoomPost(String secret, byte[] body, long timestamp) {
        byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] message = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return EventRequest.builder("zoom").method("POST")
                .header("x-zm-request-timestamp", Long.toString(timestamp))
                .header("x-zm-signature", "v0=" + hmacHex(secret, message))
                .header("Content-Type", "application/json")
                .body(body).build();
    }

    static EventRequest zoomPost(String json, long timestamp) {
        return zoomPost(ZOOM_SECRET, json.getBytes(StandardCharsets.UTF_8), timestamp);
    }
}
