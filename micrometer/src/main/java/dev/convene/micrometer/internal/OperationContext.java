package dev.convene.micrometer.internal;

import dev.convene.ConveneException;
import dev.convene.Operation;
import dev.convene.SessionKind;
import io.micrometer.observation.Observation;

/** One call of a {@code SessionService} as Micrometer sees it: what was asked, how many attempts, how it ended. */
public final class OperationContext extends Observation.Context {
    private final String provider;
    private final Operation operation;
    private final SessionKind kind;
    private volatile int attempts = 1;
    private volatile ConveneException failure;

    public OperationContext(String provider, Operation operation, SessionKind kind) {
        this.provider = provider;
        this.operation = operation;
        this.kind = kind;
    }

    public String provider() {
        return provider;
    }

    public Operation operation() {
        return operation;
    }

    /** {@code null} for a list over every kind. */
    public SessionKind kind() {
        return kind;
    }

    public int attempts() {
        return attempts;
    }

    public void attempts(int attempts) {
        this.attempts = attempts;
    }

    /** Why the call failed, or {@code null} while it runs and when it succeeded. */
    public ConveneException failure() {
        return failure;
    }

    public void failure(ConveneException failure) {
        this.failure = failure;
    }
}
