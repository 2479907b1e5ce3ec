package dev.convene.events.internal;

import dev.convene.events.EventResult;

/**
 * Why a verifier refuses a request, thrown inside it and turned into an {@link EventResult.Rejected} at its
 * edge. No stack trace: forged requests are common, and their cost should stay small.
 */
public final class Refusal extends Exception {
    private final EventResult.Reason reason;

    public Refusal(EventResult.Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public EventResult.Reason reason() {
        return reason;
    }

    public EventResult.Rejected toResult(String provider) {
        return new EventResult.Rejected(provider, reason, getMessage());
    }
}
