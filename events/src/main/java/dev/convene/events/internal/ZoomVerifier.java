package dev.convene.events.internal;

import com.squareup.moshi.JsonWriter;
import dev.convene.SessionKind;
import dev.convene.events.Change;
import dev.convene.events.Event;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.events.EventResult.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;

/**
 * Zoom webhooks: {@code x-zm-signature: v0=<hex HMAC-SHA256(secret token, "v0:{timestamp}:{raw body}")>} with
 * {@code x-zm-request-timestamp} in seconds. {@code endpoint.url_validation} is answered with the plain token
 * and its HMAC. The HMAC is computed over the bytes received, never a re-serialised body.
 */
final class ZoomVerifier extends Verifier {
    static final String PROVIDER = "zoom";
    private static final String VALIDATION = "endpoint.url_validation";
    /** Recording types of webinars (5 webinar, 6 recurring without fixed time, 9 recurring with fixed time). */
    private static final Set<String> WEBINAR_TYPES = Set.of("5", "6", "9");

    /** Initialised with the secret once; each call works on a clone (cheaper than a new Mac and init). */
    private final Mac prototype;

    ZoomVerifier(String secretToken, Duration maxSkew, Clock clock) {
        super(PROVIDER, maxSkew, clock);
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(secretToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do HmacSHA256", e);
        }
    }

    @Override
    EventResult post(EventRequest request, byte[] body) throws Refusal {
        String signature = header(request, "x-zm-signature");
        String timestamp = header(request, "x-zm-request-timestamp");
        long seconds = Signatures.timestamp(timestamp, "the x-zm-request-timestamp header");
        Mac mac = mac();
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
        Signatures.requireMatch("v0=" + Signatures.hex(mac.doFinal(body)), signature);
        requireFresh(Instant.ofEpochSecond(seconds), "the x-zm-request-timestamp header");
        Map<String, Object> json = JsonTree.object(body);
        String name = JsonTree.text(json, "event");
        if (name == null) {
            throw new Refusal(Reason.MALFORMED, "the body has no \"event\" name");
        }
        if (name.equals(VALIDATION)) {
            return validation(json);
        }
        return new EventResult.Accepted(toEvent(request, name, json, body, seconds), 200, null, "");
    }

    private EventResult validation(Map<String, Object> json) throws Refusal {
        String plain = JsonTree.text(json, "payload", "plainToken");
        if (plain == null) {
            throw new Refusal(Reason.MALFORMED, "endpoint.url_validation without payload.plainToken");
        }
        String encrypted = Signatures.hex(mac().doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        Buffer out = new Buffer();
        try (JsonWriter w = JsonWriter.of(out)) {
            w.beginObject().name("plainToken").value(plain).name("encryptedToken").value(encrypted).endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventResult.Challenge(PROVIDER, 200, "application/json", out.readUtf8());
    }

    private static Event toEvent(EventRequest request, String name, Map<String, Object> json, byte[] body, long signedSeconds) {
        Object object = JsonTree.at(json, "payload", "object");
        String id = JsonTree.text(object, "id");
        String uuid = JsonTree.text(object, "uuid");
        String eventTs = JsonTree.text(json, "event_ts");
        Event.Builder b = Event.builder(PROVIDER)
                .tenant(request.tenant())
                .vendorEvent(name)
                .change(change(name, object))
                .payload(new String(body, StandardCharsets.UTF_8))
                .dedupKey(dedupKey(name, eventTs, id, uuid, JsonTree.at(object, "participant"), body))
                .occurredAt(eventTs != null && eventTs.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(eventTs))
                        : Instant.ofEpochSecond(signedSeconds));
        if (id != null && id.matches("\\d{1,20}")) {
            if (name.startsWith("meeting.")) {
                b.session(id, SessionKind.MEETING);
            } else if (name.startsWith("webinar.")) {
                b.session(id, SessionKind.WEBINAR);
            } else if (name.startsWith("recording.")) {
                String type = JsonTree.text(object, "type");
                if (type == null) {
                    b.session(id, SessionKind.MEETING, SessionKind.WEBINAR);
                } else {
                    b.session(id, WEBINAR_TYPES.contains(type) ? SessionKind.WEBINAR : SessionKind.MEETING);
                }
            }
        }
        return b.build();
    }

    /**
     * Event, time and object, and the participant for join and leave events: the same for Zoom's retries and
     * for the copies it sends at once from several addresses. Without a time, the body's hash.
     */
    private static String dedupKey(String name, String eventTs, String id, String uuid, Object participant, byte[] body) {
        if (eventTs == null) {
            return PROVIDER + ":" + Signatures.contentKey(body);
        }
        StringBuilder key = new StringBuilder(PROVIDER).append(':').append(name).append(':').append(eventTs);
        String object = uuid != null ? uuid : id;
        if (object != null) {
            key.append(':').append(object);
        }
        String who = JsonTree.text(participant, "participant_uuid");
        if (who == null) {
            who = JsonTree.text(participant, "user_id");
        }
        if (who != null) {
            key.append(':').append(who);
        }
        return key.toString();
    }

    static Change change(String name, Object object) {
        int dot = name.indexOf('.');
        String action = dot < 0 ? name : name.substring(dot + 1);
        if (name.startsWith("recording.")) {
            return action.equals("completed") ? Change.RECORDING_READY : Change.OTHER;
        }
        if (!name.startsWith("meeting.") && !name.startsWith("webinar.")) {
            return Change.OTHER;
        }
        if (action.startsWith("registration_")) {
            return Change.REGISTRATION;
        }
        if (action.startsWith("live_streaming_")) {
            return Change.LIVE_STATUS;
        }
        return switch (action) {
            case "created" -> Change.CREATED;
            // restored from the trash: it is scheduled again, as a re-read shows
            case "updated", "recovered" -> Change.UPDATED;
            // deleting some occurrences of a series changes the series; it goes on
            case "deleted" -> JsonTree.at(object, "occurrences") instanceof List<?> l && !l.isEmpty() ? Change.UPDATED : Change.CANCELLED;
            case "permanently_deleted" -> Change.CANCELLED;
            case "started" -> Change.STARTED;
            case "ended" -> Change.ENDED;
            case "participant_joined" -> Change.PARTICIPANT_JOINED;
            case "participant_left" -> Change.PARTICIPANT_LEFT;
            default -> Change.OTHER;
        };
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 cannot be cloned", e);
        }
    }


    @Override
    public String toString() {
        return "ZoomVerifier[max skew " + maxSkew() + "]";
    }
}
