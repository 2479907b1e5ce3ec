package dev.convene.events.internal;

import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.events.EventResult.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Checks one vendor's pushes. Answers a {@link EventResult.Challenge}, a {@link EventResult.Rejected}, or an
 * {@link EventResult.Accepted} that the receiver then de-duplicates. Vendors check the URL with GET (Zoom
 * with a POST) and push events with POST; other methods are refused.
 */
public abstract class Verifier {
    private final String provider;
    private final Duration maxSkew;
    private final Clock clock;

    Verifier(String provider, Duration maxSkew, Clock clock) {
        this.provider = provider;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    public final String provider() {
        return provider;
    }

    /** @param body the request's body as received (not a copy: not to be changed) */
    public final EventResult verify(EventRequest request, byte[] body) {
        try {
            return switch (request.method()) {
                case "GET" -> get(request);
                case "POST" -> post(request, body);
                default -> throw new Refusal(Reason.METHOD_NOT_ALLOWED, provider + " does not send " + request.method() + " requests");
            };
        } catch (Refusal r) {
            return r.toResult(provider);
        }
    }

    /** A URL check or heartbeat; refused unless the vendor sends one. */
    EventResult get(EventRequest request) throws Refusal {
        throw new Refusal(Reason.METHOD_NOT_ALLOWED, provider + " sends only POST requests");
    }

    abstract EventResult post(EventRequest request, byte[] body) throws Refusal;

    /** Refuses a signed time further than the window from now, either way. */
    final void requireFresh(Instant signed, String where) throws Refusal {
        Signatures.requireFresh(signed, clock.instant(), maxSkew, where);
    }

    final Duration maxSkew() {
        return maxSkew;
    }

    /** A header that must be there, trimmed. */
    static String header(EventRequest request, String name) throws Refusal {
        String v = request.header(name);
        if (v == null || v.isBlank()) {
            throw new Refusal(Reason.MALFORMED, "the " + name + " header is missing");
        }
        return v.trim();
    }

    /** A query parameter that must be there, trimmed. */
    static String query(EventRequest request, String name) throws Refusal {
        String v = request.query(name);
        if (v == null || v.isBlank()) {
            throw new Refusal(Reason.MALFORMED, "the query parameter " + name + " is missing");
        }
        return v.trim();
    }
}
