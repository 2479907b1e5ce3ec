package dev.convene.events.internal;

import dev.convene.SessionKind;
import dev.convene.events.Change;
import dev.convene.events.Event;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.events.EventResult.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * WeCom callbacks (doc 90968): {@code msg_signature} = SHA-1 of the sorted token, timestamp, nonce and
 * encrypted text; the text is AES-256-CBC of random(16) | length(4, big-endian) | message | receiveid,
 * padded with PKCS#7 to a 32-byte block. The URL check is a GET whose {@code echostr} decrypts to the answer.
 *
 * <p>Unlike WxJava, the receiveid is checked (a message for another corp is refused), a pad outside 1..32 or
 * with unequal bytes is refused rather than read as 0, the signature is compared in constant time, and the
 * signed timestamp (seconds) must be within the window.
 */
final class WeComVerifier extends Verifier {
    static final String PROVIDER = "wecom";
    private static final int BLOCK = 32;

    private final String token;
    private final AesKey key;
    private final byte[] receiveId;

    WeComVerifier(String token, AesKey key, String receiveId, Duration maxSkew, Clock clock) {
        super(PROVIDER, maxSkew, clock);
        this.token = token;
        this.key = key;
        this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
    }

    /** The URL check. */
    @Override
    EventResult get(EventRequest request) throws Refusal {
        // a framework that decoded '+' as a space hands out a broken Base64 value: Base64 has no spaces
        String echo = query(request, "echostr").replace(' ', '+');
        long timestamp = checkSignature(request, echo);
        Plain plain = decrypt(echo);
        requireFresh(timestamp);
        return new EventResult.Challenge(PROVIDER, 200, "text/plain; charset=utf-8",
                new String(plain.bytes, plain.offset, plain.length, StandardCharsets.UTF_8));
    }

    @Override
    EventResult post(EventRequest request, byte[] body) throws Refusal {
        Map<String, String> outer = SafeXml.fields(body, 0, body.length);
        String encrypted = outer.get("Encrypt");
        if (encrypted == null || encrypted.isBlank()) {
            throw new Refusal(Reason.MALFORMED, "the body has no <Encrypt> element");
        }
        encrypted = encrypted.trim();
        long timestamp = checkSignature(request, encrypted);
        Plain plain = decrypt(encrypted);
        requireFresh(timestamp);
        Map<String, String> msg = SafeXml.fields(plain.bytes, plain.offset, plain.length);
        return new EventResult.Accepted(toEvent(request, msg, plain.text(), encrypted, timestamp), 200, null, "");
    }

    private Event toEvent(EventRequest request, Map<String, String> msg, String payload, String encrypted, long timestamp) {
        String msgType = msg.getOrDefault("MsgType", "");
        String event = msg.get("Event");
        String changeType = msg.get("ChangeType");
        String vendorEvent = !"event".equals(msgType) || event == null ? (msgType.isEmpty() ? "unknown" : msgType)
                : changeType == null ? event : event + "/" + changeType;
        Event.Builder b = Event.builder(PROVIDER)
                .tenant(request.tenant())
                .vendorEvent(vendorEvent)
                .payload(payload)
                // WeCom resends the same ciphertext on retries; its hash names the delivery
                .dedupKey(PROVIDER + ":" + Signatures.contentKey(encrypted.getBytes(StandardCharsets.US_ASCII)))
                .occurredAt(Instant.ofEpochSecond(seconds(msg.get("CreateTime"), timestamp)));
        String living = blankToNull(msg.get("LivingId"));
        String meeting = blankToNull(msg.get("MeetingId"));
        if (living != null) {
            b.session(living, SessionKind.LIVE_STREAM);
        } else if (meeting != null) {
            // meetings and webinars share one id space and the callback does not say which it is
            b.session(meeting, SessionKind.MEETING, SessionKind.WEBINAR);
        }
        return b.change(change(event, changeType, msg.get("Status"))).build();
    }

    static Change change(String event, String changeType, String livingStatus) {
        if ("living_status_change".equals(event)) {
            // get_living_info's status: 0 scheduled, 1 live, 2 ended, 3 expired, 4 cancelled
            return switch (livingStatus == null ? "" : livingStatus.trim()) {
                case "1" -> Change.STARTED;
                case "2" -> Change.ENDED;
                case "4" -> Change.CANCELLED;
                default -> Change.LIVE_STATUS;
            };
        }
        if (!"meeting_change".equals(event) || changeType == null) {
            return Change.OTHER;
        }
        return switch (changeType) {
            case "create_meeting" -> Change.CREATED;
            case "modify_meeting" -> Change.UPDATED;
            case "cancel_meeting" -> Change.CANCELLED;
            case "meeting_start" -> Change.STARTED;
            case "meeting_end" -> Change.ENDED;
            case "join_meeting" -> Change.PARTICIPANT_JOINED;
            case "quit_meeting" -> Change.PARTICIPANT_LEFT;
            case "recording_complete" -> Change.RECORDING_READY;
            case "enroll", "cancel_enroll" -> Change.REGISTRATION;
            default -> Change.OTHER;
        };
    }

    private long checkSignature(EventRequest request, String encrypted) throws Refusal {
        String signature = query(request, "msg_signature");
        String timestamp = query(request, "timestamp");
        String nonce = query(request, "nonce");
        long seconds = Signatures.timestamp(timestamp, "the timestamp parameter");
        Signatures.requireMatch(Signatures.sortedSha1(token, timestamp, nonce, encrypted), signature);
        return seconds;
    }

    private void requireFresh(long seconds) throws Refusal {
        requireFresh(Instant.ofEpochSecond(seconds), "the signed timestamp");
    }

    /** Decrypts and unpacks the message, checking padding, length and receiveid. */
    private Plain decrypt(String encrypted) throws Refusal {
        byte[] plain = key.decrypt(AesKey.base64(encrypted, "the encrypted message"), false);
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || pad > plain.length) {
            throw new Refusal(Reason.BAD_ENCRYPTION, "the decrypted message has a PKCS#7 pad of " + pad + ", outside 1.." + BLOCK);
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw new Refusal(Reason.BAD_ENCRYPTION, "the decrypted message's PKCS#7 padding is inconsistent");
            }
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw new Refusal(Reason.BAD_ENCRYPTION, "the decrypted message is too short for its 16 random bytes and length");
        }
        int length = ((plain[16] & 0xff) << 24) | ((plain[17] & 0xff) << 16) | ((plain[18] & 0xff) << 8) | (plain[19] & 0xff);
        if (length < 0 || length > end - 20) {
            throw new Refusal(Reason.BAD_ENCRYPTION, "the decrypted message's length field (" + length + ") exceeds its content");
        }
        int from = 20 + length;
        if (!Arrays.equals(plain, from, end, receiveId, 0, receiveId.length)) {
            throw new Refusal(Reason.WRONG_RECEIVER, "the message is addressed to another receiveid than convene.wecom.corp-id ("
                    + JsonTree.printable(new String(plain, from, end - from, StandardCharsets.UTF_8)) + ")");
        }
        return new Plain(plain, 20, length);
    }


    private static long seconds(String createTime, long fallback) {
        if (createTime != null && createTime.trim().matches("\\d{1,12}")) {
            return Long.parseLong(createTime.trim());
        }
        return fallback;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private record Plain(byte[] bytes, int offset, int length) {
        String text() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }
    }

    /** Names the receiveid (a corp id is not secret); never the token or key. */
    @Override
    public String toString() {
        return "WeComVerifier[receiveid " + new String(receiveId, StandardCharsets.UTF_8) + ", max skew " + maxSkew() + "]";
    }
}
