package dev.convene.internal;

import dev.convene.ConveneException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The future an {@code …Async} call returns. Cancelling it gives the call up: nothing of it that has not been sent
 * is sent, no further attempt or page is asked for, and a request in flight is cancelled. A write that may already
 * have reached the vendor is not reported cancelled, since it may have been applied: its future then completes with
 * the outcome-unknown error {@code unknown} makes, and {@link #cancel} returns false.
 *
 * <p>Stages attached to it are plain {@link CompletableFuture}s: cancelling one of those cancels only that stage.
 */
final class CallFuture<T> extends CompletableFuture<T> {
    /** For a write: its outcome-unknown error; {@code null} for a call that changes nothing. */
    private final Supplier<ConveneException> unknown;
    private volatile Attempt current;
    private volatile Runnable onGiveUp;
    private volatile boolean givenUp;

    CallFuture(Supplier<ConveneException> unknown) {
        this.unknown = unknown;
    }

    /** The attempt now running; cancelling abandons it. */
    void running(Attempt attempt) {
        current = attempt;
        if (givenUp) {
            attempt.abandon();
        }
    }

    /** Also run when the caller gives up (a walk cancels the page it is waiting for). */
    void onGiveUp(Runnable action) {
        onGiveUp = action;
        if (givenUp) {
            action.run();
        }
    }

    /** Whether the caller gave the call up: no further attempt is made. */
    boolean givenUp() {
        return givenUp;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return isCancelled();
        }
        givenUp = true;
        Attempt attempt = current;
        boolean mayHaveSent = attempt != null && attempt.abandon();
        Runnable action = onGiveUp;
        if (action != null) {
            action.run();
        }
        if (unknown != null && mayHaveSent) {
            completeExceptionally(unknown.get());
            return false;
        }
        return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
