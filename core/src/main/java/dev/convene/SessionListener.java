package dev.convene;

import java.time.Duration;

/**
 * Hooks for metrics and logging. Called on the thread that runs the call; must be quick and must not
 * throw (an exception thrown here is logged and ignored).
 */
public interface SessionListener {
    default void onStart(SessionEvent event) {
    }

    default void onSuccess(SessionEvent event) {
    }

    default void onFailure(SessionEvent event, ConveneException error) {
    }

    /** A failed attempt will be tried again after {@code delay}. */
    default void onRetry(SessionEvent event, ConveneException error, Duration delay) {
    }
}
