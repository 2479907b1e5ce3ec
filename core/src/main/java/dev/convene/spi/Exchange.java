package dev.convene.spi;

import dev.convene.ConveneException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A unit of vendor work that core can run blocking ({@link #execute()}, on the caller's thread) or
 * non-blocking ({@link #enqueue()}, on OkHttp's dispatcher, parking no thread per call), and run again
 * for a retry. The methods of endpoint interfaces bound by {@link dev.convene.spi.http.ProviderHttp#endpoints}
 * return it directly; providers compose calls with {@link #map} and {@link #then}.
 *
 * <p>Failures: a vendor refusal is a {@link ConveneException} (usually a {@link dev.convene.VendorException});
 * a transport failure or an unreadable answer is an {@link IOException} ({@link MalformedResponseException}
 * for the latter), which core classifies by operation.
 */
public abstract class Exchange<T> {

    /** Runs on the calling thread. */
    public abstract T execute() throws IOException;

    /** Runs without blocking the caller; the future fails with the same exceptions {@link #execute()} throws. */
    public abstract CompletableFuture<T> enqueue();

    /** An exchange that sends nothing and yields {@code value}. */
    public static <T> Exchange<T> completed(T value) {
        return new Exchange<>() {
            @Override
            public T execute() {
                return value;
            }

            @Override
            public CompletableFuture<T> enqueue() {
                return CompletableFuture.completedFuture(value);
            }
        };
    }

    /** An exchange that sends nothing and fails with {@code error}. */
    public static <T> Exchange<T> failed(ConveneException error) {
        return new Exchange<>() {
            @Override
            public T execute() {
                throw error;
            }

            @Override
            public CompletableFuture<T> enqueue() {
                return CompletableFuture.failedFuture(error);
            }
        };
    }

    /**
     * On a vendor refusal ({@link ConveneException}), runs what {@code handler} makes of it instead, e.g. a
     * read that tells "not found" from "wrong state" for vendors with one code for both. Transport
     * failures pass through untouched: core alone decides about those.
     */
    public final Exchange<T> recover(Function<ConveneException, Exchange<T>> handler) {
        Exchange<T> self = this;
        return new Exchange<>() {
            @Override
            public T execute() throws IOException {
                try {
                    return self.execute();
                } catch (ConveneException e) {
                    return handler.apply(e).execute();
                }
            }

            @Override
            public CompletableFuture<T> enqueue() {
                return self.enqueue().handle((value, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    Throwable cause = unwrap(failure);
                    return cause instanceof ConveneException e ? handler.apply(e).enqueue() : CompletableFuture.<T>failedFuture(cause);
                }).thenCompose(Function.identity());
            }
        };
    }

    /**
     * Transforms the result; an exception thrown by {@code f} (other than a {@link ConveneException}) means the answer was unreadable.
     * A {@link ConveneException} passes through as it is, so a decoder that uses Convene's parse methods
     * ({@link dev.convene.SessionId#parse}, {@link dev.convene.Recurrence#parse}, ...) catches their
     * {@link dev.convene.InvalidSessionException}: text in a vendor's answer that does not parse makes the
     * answer unreadable, it is not the caller's invalid input.
     */
    public final <R> Exchange<R> map(Function<? super T, ? extends R> f) {
        Exchange<T> self = this;
        return new Exchange<>() {
            @Override
            public R execute() throws IOException {
                return apply(f, self.execute());
            }

            @Override
            public CompletableFuture<R> enqueue() {
                return self.enqueue().thenCompose(t -> {
                    try {
                        return CompletableFuture.completedFuture(apply(f, t));
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                });
            }
        };
    }

    /** Runs {@code next} with this exchange's result, e.g. a get after a create that answers only an id. */
    public final <R> Exchange<R> then(Function<? super T, Exchange<R>> next) {
        Exchange<T> self = this;
        return new Exchange<>() {
            @Override
            public R execute() throws IOException {
                return apply(next, self.execute()).execute();
            }

            @Override
            public CompletableFuture<R> enqueue() {
                return self.enqueue().thenCompose(t -> {
                    try {
                        return apply(next, t).enqueue();
                    } catch (IOException e) {
                        return CompletableFuture.failedFuture(e);
                    }
                });
            }
        };
    }

    /** Runs every exchange (one after another when blocking, all at once when not) and collects the results in order. */
    public static <T> Exchange<List<T>> all(List<Exchange<T>> exchanges) {
        List<Exchange<T>> copy = List.copyOf(exchanges);
        return new Exchange<>() {
            @Override
            public List<T> execute() throws IOException {
                List<T> out = new ArrayList<>(copy.size());
                for (Exchange<T> e : copy) {
                    out.add(e.execute());
                }
                return out;
            }

            @Override
            public CompletableFuture<List<T>> enqueue() {
                List<CompletableFuture<T>> futures = copy.stream().map(Exchange::enqueue).toList();
                return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                        .thenApply(ignored -> futures.stream().map(CompletableFuture::join).toList());
            }
        };
    }

    /** The exception a failed future stands for, without the wrappers CompletableFuture adds. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <A, B> B apply(Function<? super A, ? extends B> f, A value) throws IOException {
        try {
            return f.apply(value);
        } catch (ConveneException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new MalformedResponseException("the vendor's answer could not be read: " + e.getMessage(), e);
        }
    }
}
