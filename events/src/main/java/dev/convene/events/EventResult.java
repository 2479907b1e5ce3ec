package dev.convene.events;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link EventReceiver#receive} made of a request, and what to answer: write {@link #status()}, and
 * {@link #body()} with {@link #contentType()} when the body is not empty. Answer first, then process an
 * {@link Accepted} event (on a queue or another thread): vendors give up waiting after 1 to 5 seconds and
 * send the event again.
 */
public sealed interface EventResult permits EventResult.Challenge, EventResult.Accepted, EventResult.Duplicate, EventResult.Rejected {

    /** The HTTP status to answer. */
    int status();

    /** The content type of {@link #body()}, or {@code null} when the body is empty. */
    String contentType();

    /** The body to answer, possibly empty. */
    String body();

    /** {@link #body()} as UTF-8 bytes. */
    default byte[] bodyBytes() {
        return body().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A vendor checking the URL (Zoom's {@code endpoint.url_validation}, WeCom's {@code echostr}, Tencent's
     * {@code check_str} and heartbeat), verified and answered; not an event.
     */
    record Challenge(String provider, int status, String contentType, String body) implements EventResult {
        public Challenge {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        /** The answer is what the vendor sent to be echoed: shown by length only. */
        @Override
        public String toString() {
            return "Challenge[" + provider + ", " + status + ", " + body.length() + " chars]";
        }
    }

    /** A genuine event seen for the first time: answer, then process {@link #event()}. */
    record Accepted(Event event, int status, String contentType, String body) implements EventResult {
        public Accepted {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(body, "body");
        }
    }

    /** A genuine event already accepted (a vendor retry, or the same delivery to another instance): answer, nothing to do. */
    record Duplicate(String provider, String dedupKey, int status, String contentType, String body) implements EventResult {
        public Duplicate {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(dedupKey, "dedupKey");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Refused: not from the vendor, stale, malformed, too large, or addressed to a provider without event
     * configuration. {@link #message()} says why in a sentence fit for a log line (never a secret or a
     * signature); the body answered is only the {@link Reason}'s {@link Reason#wireName() name}.
     */
    record Rejected(String provider, Reason reason, String message) implements EventResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }

        /** The {@link Reason}'s status. */
        @Override
        public int status() {
            return reason.status();
        }

        @Override
        public String contentType() {
            return "text/plain; charset=utf-8";
        }

        @Override
        public String body() {
            return reason.wireName();
        }
    }

    /** Why a request was refused; each has its HTTP status. */
    enum Reason {
        /** No event configuration for the provider the request was addressed to (404). */
        UNKNOWN_PROVIDER(404),
        /** A method the vendor never uses on this URL (405). */
        METHOD_NOT_ALLOWED(405),
        /** The body exceeds {@code convene.events.max-body-bytes} (413). */
        BODY_TOO_LARGE(413),
        /** A required header, parameter or field is missing, or the body cannot be read (400). */
        MALFORMED(400),
        /** XML with a DOCTYPE or entity declarations, as in XXE attacks (400). */
        FORBIDDEN_XML(400),
        /** The signature does not match: not from the vendor, or changed on the way (401). */
        BAD_SIGNATURE(401),
        /** The signed timestamp is outside the allowed window: a replay, or a clock far off (401). */
        STALE_TIMESTAMP(401),
        /** Signed, but the content does not decrypt to a well-formed message (bad padding, bad length) (400). */
        BAD_ENCRYPTION(400),
        /** Decrypted, but addressed to another corp or suite (WeCom's receiveid) (403). */
        WRONG_RECEIVER(403),
        /** The de-duplication store failed; the vendor will send the event again (503). */
        UNAVAILABLE(503);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The lower-case name answered as the body: {@code bad_signature}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
