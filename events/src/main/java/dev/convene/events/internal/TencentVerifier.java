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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Tencent Meeting event subscriptions (docs 51608, 51612, 54658): headers {@code timestamp}, {@code nonce} and
 * {@code signature} = SHA-1 of the sorted token, timestamp, nonce and {@code check_str} (GET, the URL check
 * and heartbeat) or {@code data} (POST, events). The value is Base64 of the text, or of its AES-256-CBC
 * encryption (16-byte PKCS#7) when an EncodingAESKey is configured.
 *
 * <p>The timestamp's unit is not fixed by the documents (the official example is in milliseconds): a value
 * of 12 digits or more is read as milliseconds, a shorter one as seconds; both are checked against the window.
 */
final class TencentVerifier extends Verifier {
    static final String PROVIDER = "tencentmeeting";
    /** Below this a timestamp is in seconds (this is 1973 in milliseconds and 5138 in seconds). */
    private static final long MILLIS_FROM = 100_000_000_000L;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String token;
    /** Null when events arrive Base64-encoded only. */
    private final AesKey key;

    TencentVerifier(String token, AesKey key, Duration maxSkew, Clock clock) {
        super(PROVIDER, maxSkew, clock);
        this.token = token;
        this.key = key;
    }

    /** The URL check, which also serves as the heartbeat. */
    @Override
    EventResult get(EventRequest request) throws Refusal {
        // Base64 has no spaces: a framework that decoded '+' as one broke it
        String check = query(request, "check_str").replace(' ', '+');
        verifySigned(request, check);
        return new EventResult.Challenge(PROVIDER, 200, "text/plain; charset=utf-8", new String(decode(check, "check_str"), StandardCharsets.UTF_8));
    }

    @Override
    EventResult post(EventRequest request, byte[] body) throws Refusal {
        String data = JsonTree.text(JsonTree.object(body), "data");
        if (data == null) {
            throw new Refusal(Reason.MALFORMED, "the body has no \"data\" string");
        }
        long signedMillis = verifySigned(request, data);
        byte[] decoded = decode(data, "data");
        Map<String, Object> json = JsonTree.object(decoded);
        String name = JsonTree.text(json, "event");
        String vendorEvent = name == null ? "unknown" : name;
        String trace = JsonTree.text(json, "trace_id");
        if (trace == null) {
            trace = JsonTree.text(json, "unique_sequence");
        }
        Event.Builder b = Event.builder(PROVIDER)
                .tenant(request.tenant())
                .vendorEvent(vendorEvent)
                .change(change(vendorEvent))
                .payload(new String(decoded, StandardCharsets.UTF_8))
                .dedupKey(PROVIDER + ":" + (trace != null ? trace : Signatures.contentKey(data.getBytes(StandardCharsets.US_ASCII))))
                // payload is an array; every delivery seen carries one element, and payload() keeps any others
                .occurredAt(operateTime(JsonTree.at(json, "payload", 0, "operate_time"), signedMillis));
        String meetingId = JsonTree.text(json, "payload", 0, "meeting_info", "meeting_id");
        if (meetingId != null) {
            String type = JsonTree.text(json, "payload", 0, "meeting_info", "meeting_type");
            if ("6".equals(type)) {
                b.session(meetingId, SessionKind.WEBINAR);
            } else if (type != null) {
                // a live stream is a meeting with live settings, which the event does not carry
                b.session(meetingId, SessionKind.MEETING, SessionKind.LIVE_STREAM);
            } else {
                b.session(meetingId, SessionKind.MEETING, SessionKind.LIVE_STREAM, SessionKind.WEBINAR);
            }
        }
        // what Tencent's own samples answer to an event
        return new EventResult.Accepted(b.build(), 200, "text/plain; charset=utf-8", "successfully received callback");
    }

    static Change change(String event) {
        return switch (event) {
            case "meeting.created" -> Change.CREATED;
            case "meeting.updated" -> Change.UPDATED;
            case "meeting.canceled", "meeting.cancelled", "meeting.deleted" -> Change.CANCELLED;
            case "meeting.started" -> Change.STARTED;
            case "meeting.end", "meeting.ended" -> Change.ENDED;
            case "meeting.participant-joined" -> Change.PARTICIPANT_JOINED;
            case "meeting.participant-left" -> Change.PARTICIPANT_LEFT;
            case "recording.completed" -> Change.RECORDING_READY;
            default -> Change.OTHER;
        };
    }

    /** Verifies the signature headers over {@code signed}; answers the signed time in milliseconds. */
    private long verifySigned(EventRequest request, String signed) throws Refusal {
        String signature = header(request, "signature");
        String timestamp = header(request, "timestamp");
        String nonce = header(request, "nonce");
        long value = Signatures.timestamp(timestamp, "the timestamp header");
        Signatures.requireMatch(Signatures.sortedSha1(token, timestamp, nonce, signed), signature);
        long millis = value >= MILLIS_FROM ? value : value * 1000;
        requireFresh(Instant.ofEpochMilli(millis), "the signed timestamp");
        return millis;
    }

    private byte[] decode(String value, String what) throws Refusal {
        byte[] bytes = AesKey.base64(value, what);
        return key == null ? bytes : key.decrypt(bytes, true);
    }

    /** {@code operate_time} in milliseconds, or as Beijing local time in older payloads; else the signed time. */
    private static Instant operateTime(Object value, long signedMillis) {
        if (value instanceof String s) {
            String v = s.trim();
            if (v.matches("\\d{1,15}")) {
                long n = Long.parseLong(v);
                return n >= MILLIS_FROM ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
            }
            try {
                return LocalDateTime.parse(v, LOCAL_TIME).atZone(BEIJING).toInstant();
            } catch (DateTimeParseException e) {
                // neither form: the signed time below
            }
        }
        return Instant.ofEpochMilli(signedMillis);
    }


    @Override
    public String toString() {
        return "TencentVerifier[" + (key == null ? "Base64" : "encrypted") + ", max skew " + maxSkew() + "]";
    }
}
