package dev.convene.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How one vendor pushes events: the URL check it sends before it accepts a URL, how it signs (and, WeCom and
 * Tencent Meeting with a key, encrypts) each delivery, and when it tries again. Written from
 * {@code shared/specs/events.md}; {@link EventPush} does the sending.
 */
public interface EventChannel {

    /** The vendor's URL check, sent when a URL is registered (as saving it in the vendor's console does). */
    Check check(Instant now);

    /**
     * The request that delivers {@code sealed} (what {@link #seal} made of the event) at {@code now}: signed afresh at
     * each attempt, while the sealed content, and so the receiver's de-duplication key, stays the same.
     */
    Request deliver(String sealed, Instant now);

    /**
     * The event's content as it travels, made once: Zoom's JSON body, WeCom's encrypted text, Tencent Meeting's
     * {@code data} value.
     */
    String seal(String payload);

    /**
     * What the vendor would say about {@code nativeId} in an event named {@code vendorEvent} (Zoom's and Tencent
     * Meeting's {@code event}, WeCom's {@code Event}), in its payload's shape: for tests of events the simulator's own
     * state changes do not make, such as one the vendor adds one day.
     */
    String sample(String vendorEvent, String nativeId, Instant at);

    /** How long after a failed attempt each retry comes; after the last, the event is dropped. */
    List<Duration> retries();

    /** How long the vendor waits for an answer before it counts the attempt as failed. */
    Duration timeout();

    /** The {@code convene.*} keys a receiver needs to verify these deliveries. */
    Map<String, String> receiverProperties();

    /** One HTTP request to the registered URL: {@code query} is appended to its query string, percent-encoded. */
    record Request(String method, Map<String, String> query, Map<String, String> headers, byte[] body) {
        public Request {
            query = Map.copyOf(query);
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }
    }

    /** A URL check and whether an answer passes it. */
    interface Check {
        Request request();

        /** Whether the receiver's answer is the one the vendor expects. */
        boolean passes(HttpResponse<String> answer);
    }
}
