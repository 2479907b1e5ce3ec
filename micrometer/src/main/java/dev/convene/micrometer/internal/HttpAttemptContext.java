package dev.convene.micrometer.internal;

import dev.convene.HttpAttempt;
import io.micrometer.observation.Observation;

/** One HTTP request to a vendor as Micrometer sees it: the endpoint's template, never its URL. */
public final class HttpAttemptContext extends Observation.Context {
    private final HttpAttempt attempt;
    private volatile int status;
    private volatile Throwable transportError;

    public HttpAttemptContext(HttpAttempt attempt) {
        this.attempt = attempt;
    }

    public HttpAttempt attempt() {
        return attempt;
    }

    /** The status answered, 0 while waiting and when no answer came. */
    public int status() {
        return status;
    }

    /** Why no answer came, or {@code null}. */
    public Throwable transportError() {
        return transportError;
    }

    public void ended(int status, Throwable transportError) {
        this.status = status;
        this.transportError = transportError;
    }
}
