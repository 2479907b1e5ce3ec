package dev.convene.internal;

import dev.convene.CallCancelledException;
import dev.convene.RetryPolicy;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import dev.convene.spi.ReadRetries;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * {@link ReadRetries} on a service's {@link RetryPolicy} and wait: a read inside a call is tried up to the policy's
 * attempts while it fails with a retryable {@link VendorException} or an I/O failure (a read changes nothing, so any
 * lost or unreadable answer may be asked for again), honouring the vendor's hint up to the policy's limit.
 */
final class RetriedReads implements ReadRetries {
    private final RetryPolicy retry;
    private final Function<Duration, CompletionStage<Void>> retryWait;

    RetriedReads(RetryPolicy retry, Function<Duration, CompletionStage<Void>> retryWait) {
        this.retry = retry;
        this.retryWait = retryWait;
    }

    @Override
    public <T> Exchange<T> retried(Exchange<T> read) {
        return new Exchange<>() {
            @Override
            public T execute() throws IOException {
                for (int attempt = 1; ; attempt++) {
                    try {
                        return read.execute();
                    } catch (IOException | RuntimeException e) {
                        Duration delay = delay(attempt, e);
                        if (delay == null) {
                            throw e;
                        }
                        try {
                            retryWait.apply(delay).toCompletableFuture().get();
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                            throw new CallCancelledException("interrupted while waiting to read again; nothing further was sent", interrupted);
                        } catch (ExecutionException waitFailed) {
                            throw e;
                        }
                    }
                }
            }

            @Override
            public CompletableFuture<T> enqueue() {
                return attempt(1);
            }

            private CompletableFuture<T> attempt(int attempt) {
                return read.enqueue().handle((value, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    Throwable cause = Exchange.unwrap(failure);
                    Duration delay = delay(attempt, cause);
                    if (delay == null) {
                        return CompletableFuture.<T>failedFuture(cause);
                    }
                    return retryWait.apply(delay).toCompletableFuture().handle((ignored, waitFailed) -> waitFailed)
                            .thenCompose(waitFailed -> waitFailed == null ? attempt(attempt + 1) : CompletableFuture.<T>failedFuture(cause));
                }).thenCompose(Function.identity());
            }
        };
    }

    /** The wait before the next attempt, or {@code null} when {@code failure} ends the read. */
    private Duration delay(int attempt, Throwable failure) {
        if (attempt >= retry.maxAttempts()) {
            return null;
        }
        Duration backoff = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
        if (failure instanceof VendorException vendor) {
            if (!vendor.isRetryable()) {
                return null;
            }
            Duration hint = vendor.retryAfter().orElse(Duration.ZERO);
            if (hint.compareTo(retry.maxRetryAfter()) > 0) {
                return null;
            }
            return hint.compareTo(backoff) > 0 ? hint : backoff;
        }
        return failure instanceof IOException ? backoff : null;
    }
}
