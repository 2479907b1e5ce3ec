package dev.convene.provider.wecom.internal;

import dev.convene.ConveneException;
import dev.convene.spi.Exchange;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What {@link Exchange} lacks for WeCom: a vendor refusal that needs a second look (a read) before it can
 * be told apart. Kept here until core offers it (see the requests file).
 */
final class Exchanges {
    private Exchanges() {
    }

    static <T> Exchange<T> failed(ConveneException error) {
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

    /** On a {@link ConveneException}, runs what {@code handler} makes of it instead; transport failures pass through. */
    static <T> Exchange<T> recover(Exchange<T> exchange, Function<ConveneException, Exchange<T>> handler) {
        return new Exchange<>() {
            @Override
            public T execute() throws IOException {
                try {
                    return exchange.execute();
                } catch (ConveneException e) {
                    return handler.apply(e).execute();
                }
            }

            @Override
            public CompletableFuture<T> enqueue() {
                return exchange.enqueue().handle((value, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(value);
                    }
                    Throwable cause = Exchange.unwrap(failure);
                    return cause instanceof ConveneException e ? handler.apply(e).enqueue() : CompletableFuture.<T>failedFuture(cause);
                }).thenCompose(Function.identity());
            }
        };
    }
}
