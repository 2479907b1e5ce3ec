package dev.convene.events.internal;

import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;

/**
 * Checks one vendor's pushes. Answers a {@link EventResult.Challenge}, a {@link EventResult.Rejected}, or an
 * {@link EventResult.Accepted} that the receiver then de-duplicates.
 */
public interface Verifier {
    String provider();

    /** @param body the request's body as received (not a copy: not to be changed) */
    EventResult verify(EventRequest request, byte[] body);

    /** What the vendor expects in the body of a 200 to an event ("" when nothing). */
    default String acknowledgement() {
        return "";
    }

    /** A header that must be there, trimmed. */
    static String header(EventRequest request, String name) throws Refusal {
        String v = request.header(name);
        if (v == null || v.isBlank()) {
            throw new Refusal(EventResult.Reason.MALFORMED, "the " + name + " header is missing");
        }
        return v.trim();
    }

    /** A query parameter that must be there, trimmed. */
    static String query(EventRequest request, String name) throws Refusal {
        String v = request.query(name);
        if (v == null || v.isBlank()) {
            throw new Refusal(EventResult.Reason.MALFORMED, "the query parameter " + name + " is missing");
        }
        return v.trim();
    }
}
