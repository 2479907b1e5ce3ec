package dev.convene;

import java.time.Duration;

/**
 * Hooks for metrics, tracing and logging, registered with {@link Convene.Builder#listener}. Called on the thread
 * that runs the call or its HTTP request; must be quick and must not throw (an exception thrown here is logged and
 * ignored: a listener never changes what a call does). Events carry no secret: no token, no credential, no URL.
 */
public interface SessionListener {
    /** An attempt of a call begins (once per attempt: a retried call starts again with the next attempt). */
    default void onStart(SessionEvent event) {
    }

    /** The call succeeded, at the attempt {@code event} names. */
    default void onSuccess(SessionEvent event) {
    }

    /** The call failed and will not be tried again. */
    default void onFailure(SessionEvent event, ConveneException error) {
    }

    /** A failed attempt will be tried again after {@code delay}. */
    default void onRetry(SessionEvent event, ConveneException error, Duration delay) {
    }

    /**
     * An HTTP request of a call goes to the vendor now. What this returns is told how it ended; {@code null} (the
     * default) when this listener does not care.
     */
    default HttpAttempt.Listener onHttpAttempt(HttpAttempt attempt) {
        return null;
    }

    /** A call needed a new access token and asked the vendor for it; told once the answer is in. */
    default void onTokenFetch(TokenFetch fetch) {
    }
}
