package dev.convene.internal;

import java.util.concurrent.CompletableFuture;

/**
 * The future of a call made of steps one after another (a read, then a write, then the read after it). Cancelling
 * it cancels the step now running as far as that step's own future allows ({@link CallFuture}: a write that may have
 * been sent completes outcome-unknown instead); a step that must not be given up (the read after a write that was
 * done) is no step here, and the future then runs to its end.
 */
final class StepFuture<T> extends CompletableFuture<T> {
    private volatile CompletableFuture<?> step;

    /** The step now running; {@code null}: none that may be given up. */
    void step(CompletableFuture<?> running) {
        step = running;
    }

    /** Ends this future as {@code from} ended, with the very exception it failed with. */
    void follow(CompletableFuture<? extends T> from) {
        from.whenComplete((value, error) -> {
            if (error != null) {
                completeExceptionally(dev.convene.spi.Exchange.unwrap(error));
            } else {
                complete(value);
            }
        });
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (isDone()) {
            return isCancelled();
        }
        CompletableFuture<?> running = step;
        if (running == null || !running.cancel(mayInterruptIfRunning)) {
            return false;
        }
        return super.cancel(mayInterruptIfRunning);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new CompletableFuture<>();
    }
}
