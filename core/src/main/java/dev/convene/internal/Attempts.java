package dev.convene.internal;

import dev.convene.AlreadyCancelledException;
import dev.convene.CallCancelledException;
import dev.convene.ConveneException;
import dev.convene.Operation;
import dev.convene.RetryPolicy;
import dev.convene.SessionNotFoundException;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs a {@link VendorCall}'s attempts: the one retry loop, for blocking and asynchronous calls alike. A blocking
 * call runs the same steps with each exchange executed and each wait spent on the caller's thread, so that both
 * retry, classify, tell listeners and give up in exactly the same way.
 */
final class Attempts {
    private final RetryPolicy retry;
    private final Function<Duration, CompletionStage<Void>> retryWait;
    private final Failures failures;
    private final Listeners listeners;
    private final BooleanSupplier closed;
    /** Where futures complete; {@code null}: on the thread that finished the call. */
    private final Executor completions;

    Attempts(RetryPolicy retry, Function<Duration, CompletionStage<Void>> retryWait, Failures failures, Listeners listeners,
             BooleanSupplier closed, Executor completions) {
        this.retry = retry;
        this.retryWait = retryWait;
        this.failures = failures;
        this.listeners = listeners;
        this.closed = closed;
        this.completions = completions;
    }

    /** Runs {@code call} on this thread: its result, or the {@link ConveneException} it ended with. */
    <T> T run(VendorCall<T> call) {
        CallFuture<T> result = new CallFuture<>(null);
        new Run<>(call, result, true).attempt(1);
        // every step of a blocking run happens on this thread, so the result is there
        try {
            return result.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Starts {@code call} without blocking; see {@link CallFuture} for what cancelling the future does. */
    <T> CallFuture<T> start(VendorCall<T> call) {
        CallFuture<T> result = new CallFuture<>(call.write()
                ? () -> failures.outcomeUnknown(call, new CancellationException("the caller cancelled the call after its request was sent"))
                : null);
        new Run<>(call, result, false).attempt(1);
        return result;
    }

    /** A future that fails with {@code error}, completed where every other future of this service completes. */
    <T> CompletableFuture<T> failed(Throwable error) {
        CompletableFuture<T> future = new CompletableFuture<>();
        finish(future, null, error, false);
        return future;
    }

    /** How {@code future} ends; asynchronous ones on the completion executor when there is one. */
    <T> void finish(CompletableFuture<T> future, T value, Throwable failure, boolean blocking) {
        Runnable complete = () -> {
            if (failure == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(failure);
            }
        };
        if (completions == null || blocking) {
            complete.run();
            return;
        }
        try {
            completions.execute(complete);
        } catch (RejectedExecutionException e) {
            // an executor that refuses (shut down) does not leave the future hanging
            complete.run();
        }
    }

    /** The steps of one call. */
    private final class Run<T> {
        private final VendorCall<T> call;
        private final CallFuture<T> result;
        private final boolean blocking;
        private final Listeners.Told told;

        Run(VendorCall<T> call, CallFuture<T> result, boolean blocking) {
            this.call = call;
            this.result = result;
            this.blocking = blocking;
            this.told = listeners.of(call);
        }

        void attempt(int n) {
            if (told != null) {
                told.start(n);
            }
            Attempt attempt = new Attempt();
            result.running(attempt);
            CompletableFuture<T> answer;
            try {
                answer = CallScope.within(told == null ? null : told.scope(n), () -> Attempt.within(attempt, () -> send(call.exchange().get())));
            } catch (Throwable t) {
                answer = CompletableFuture.failedFuture(t);
            }
            answer.whenComplete((value, error) -> ended(n, attempt, value, error));
        }

        private CompletableFuture<T> send(Exchange<T> exchange) throws java.io.IOException {
            return blocking ? CompletableFuture.completedFuture(exchange.execute()) : exchange.enqueue();
        }

        private void ended(int n, Attempt attempt, T value, Throwable error) {
            if (result.givenUp()) {
                // the caller's future is settled already; listeners still hear that the call ended
                gaveUp(n);
                return;
            }
            if (error == null) {
                succeed(n, value);
                return;
            }
            ConveneException failure = failures.classify(call, Exchange.unwrap(error), attempt);
            if (doneAlready(n, failure)) {
                succeed(n, null);
                return;
            }
            Optional<Duration> delay = retryDelay(n, failure);
            if (delay.isEmpty()) {
                fail(n, failure);
                return;
            }
            if (told != null) {
                told.retry(n, failure, delay.get());
            }
            BiConsumer<Void, Throwable> next = (ignored, waitFailure) -> {
                if (waitFailure != null) {
                    fail(n, waitFailed(waitFailure));
                } else if (closed.getAsBoolean()) {
                    // Closed while waiting: a closed service sends nothing, so this failure is the last.
                    fail(n, failure);
                } else if (result.givenUp()) {
                    gaveUp(n);
                } else {
                    attempt(n + 1);
                }
            };
            CompletableFuture<Void> wait = pause(delay.get());
            if (blocking) {
                wait.whenComplete(next);
            } else {
                // not on the timer's one thread: the next attempt is sent from a pool thread
                wait.whenCompleteAsync(next);
            }
        }

        private void succeed(int n, T value) {
            if (told != null) {
                told.success(n);
            }
            finish(result, value, null, blocking);
        }

        private void fail(int n, ConveneException failure) {
            if (told != null) {
                told.failure(n, failure);
            }
            finish(result, null, failure, blocking);
        }

        private void gaveUp(int n) {
            if (told != null) {
                told.failure(n, new CallCancelledException("the caller cancelled the call", null));
            }
        }

        /**
         * Cancel is idempotent: a session the vendor reports cancelled already is what was asked for. A retried
         * cancel whose earlier attempt went through may also meet "not found", where the vendor deletes what it cancels.
         */
        private boolean doneAlready(int attempt, ConveneException failure) {
            return call.operation() == Operation.CANCEL
                    && (failure instanceof AlreadyCancelledException || (attempt > 1 && failure instanceof SessionNotFoundException));
        }

        /** No retry once the service is closed: a closed service sends nothing, so the last failure stands. */
        private Optional<Duration> retryDelay(int attempt, ConveneException failure) {
            if (!call.safeToRetry() || attempt >= retry.maxAttempts() || closed.getAsBoolean()
                    || !(failure instanceof VendorException vendor) || !vendor.isRetryable()) {
                return Optional.empty();
            }
            Duration backoff = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
            Optional<Duration> hint = vendor.retryAfter();
            if (hint.isPresent()) {
                if (hint.get().compareTo(retry.maxRetryAfter()) > 0) {
                    return Optional.empty();
                }
                return Optional.of(hint.get().compareTo(backoff) > 0 ? hint.get() : backoff);
            }
            return Optional.of(backoff);
        }

        /** A blocking call waits here; an interrupt ends it with the thread's interrupt flag set again. */
        private CompletableFuture<Void> pause(Duration delay) {
            CompletableFuture<Void> wait = waitFor(delay);
            if (!blocking) {
                return wait;
            }
            try {
                wait.get();
                return wait;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return CompletableFuture.failedFuture(new CallCancelledException(
                        "interrupted while waiting to retry; nothing further was sent", e));
            } catch (ExecutionException e) {
                return CompletableFuture.failedFuture(e.getCause());
            }
        }
    }

    /** Blocking and async calls wait through the one configured wait, so a test can replace real time for both. */
    CompletableFuture<Void> waitFor(Duration delay) {
        try {
            return retryWait.apply(delay).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static ConveneException waitFailed(Throwable cause) {
        Throwable t = Exchange.unwrap(cause);
        return t instanceof ConveneException e ? e : new ConveneException("waiting to retry failed (" + t + ")", t);
    }
}
