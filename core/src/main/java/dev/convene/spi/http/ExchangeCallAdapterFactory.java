package dev.convene.spi.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import dev.convene.ConveneException;
import dev.convene.VendorException;
import dev.convene.internal.Attempt;
import dev.convene.internal.CallScope;
import dev.convene.spi.Exchange;
import dev.convene.spi.MalformedResponseException;
import java.io.EOFException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/**
 * Lets the methods of a provider's Retrofit interface return {@link Exchange}s. An exchange keeps the call Retrofit
 * made for the method's arguments and sends a clone of it on every run, so the provider's interceptors authorize
 * and sign every attempt afresh; the provider's {@link VendorErrors} decide which answers are errors.
 */
final class ExchangeCallAdapterFactory extends CallAdapter.Factory {
    private final VendorErrors errors;

    ExchangeCallAdapterFactory(VendorErrors errors) {
        this.errors = errors;
    }

    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
        if (getRawType(returnType) != Exchange.class) {
            return null;
        }
        if (!(returnType instanceof ParameterizedType parameterized)) {
            throw new IllegalArgumentException("an endpoint must return Exchange<T>, not a raw Exchange");
        }
        Type result = getParameterUpperBound(0, parameterized);
        // Retrofit drops a Void answer unread; it is taken as a buffered body instead, to check that it is empty or JSON.
        boolean empty = result == Void.class;
        return new Adapter<>(empty ? ResponseBody.class : result, empty, errors);
    }

    private record Adapter<R>(Type responseType, boolean empty, VendorErrors errors) implements CallAdapter<R, Exchange<?>> {
        @Override
        public Exchange<?> adapt(Call<R> call) {
            return new CallExchange<>(call, this);
        }
    }

    /** One call of an endpoint; {@code template} itself is never sent, only its clones. */
    private static final class CallExchange<R, T> extends Exchange<T> {
        private final Call<R> template;
        private final Adapter<R> adapter;

        CallExchange(Call<R> template, Adapter<R> adapter) {
            this.template = template;
            this.adapter = adapter;
        }

        @Override
        public T execute() throws IOException {
            Call<R> attempt = attempt();
            try {
                return read(attempt.execute());
            } catch (VendorCallException e) {
                throw e.error();
            } catch (ConveneException | IOException e) {
                throw e;
            } catch (RuntimeException e) {
                throw undecodable(e);
            }
        }

        @Override
        public CompletableFuture<T> enqueue() {
            Call<R> attempt;
            try {
                attempt = attempt();
            } catch (ConveneException e) {
                return CompletableFuture.failedFuture(e);
            }
            CompletableFuture<T> future = new CompletableFuture<>();
            // what is chained on the answer (the next request of the call) runs as part of the same call and attempt
            CallScope scope = CallScope.current();
            Attempt owner = Attempt.current();
            attempt.enqueue(new Callback<>() {
                @Override
                public void onResponse(Call<R> call, Response<R> response) {
                    CallScope.within(scope, () -> Attempt.around(owner, () -> {
                        try {
                            return future.complete(read(response));
                        } catch (ConveneException | IOException e) {
                            return future.completeExceptionally(e);
                        } catch (RuntimeException e) {
                            return future.completeExceptionally(undecodable(e));
                        }
                    }));
                }

                @Override
                public void onFailure(Call<R> call, Throwable t) {
                    CallScope.within(scope, () -> Attempt.around(owner, () -> future.completeExceptionally(
                            t instanceof VendorCallException v ? v.error()
                                    : t instanceof RuntimeException e && !(t instanceof ConveneException) ? undecodable(e) : t)));
                }
            });
            if (owner != null) {
                // the caller gave the call up: the request in flight is cancelled, one not yet sent is never sent
                owner.onAbandon(attempt::cancel);
            }
            future.whenComplete((ignored, failure) -> {
                if (future.isCancelled()) {
                    attempt.cancel();
                }
            });
            return future;
        }

        /**
         * A fresh call with its request built: arguments that cannot make a request fail here, as a
         * {@link ConveneException}, so that nobody takes them for a call that may have reached the vendor.
         */
        private Call<R> attempt() {
            Call<R> attempt = template.clone();
            try {
                attempt.request();
            } catch (RuntimeException e) {
                throw new ConveneException("could not build the request: " + e.getMessage(), e);
            }
            return attempt;
        }

        @SuppressWarnings("unchecked")
        private T read(Response<R> response) throws IOException {
            VendorErrors errors = adapter.errors();
            if (!response.isSuccessful()) {
                ResponseBody body = response.errorBody();
                throw errors.fromHttpError(response.code(), response.headers(), body == null ? "" : body.string());
            }
            if (adapter.empty()) {
                requireEmptyOrJson((ResponseBody) response.body());
                return null;
            }
            T value = (T) response.body();
            VendorException error = errors.fromBody(response.code(), response.headers(), value);
            if (error != null) {
                throw error;
            }
            return value;
        }
    }

    /** A converter (or interceptor) that failed with anything but an I/O error met an answer it cannot read. */
    private static MalformedResponseException undecodable(RuntimeException e) {
        return new MalformedResponseException("the vendor's answer could not be decoded: " + e.getMessage(), e);
    }

    /** For {@code Exchange<Void>}: an answer that is neither empty nor one JSON value is not a success. */
    private static void requireEmptyOrJson(ResponseBody body) throws IOException {
        if (body == null) {
            return;
        }
        try (body) {
            BufferedSource source = body.source();
            if (source.exhausted()) {
                return;
            }
            JsonReader reader = JsonReader.of(source);
            reader.skipValue();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new MalformedResponseException("the vendor's answer has more than one JSON value", null);
            }
        } catch (JsonEncodingException | JsonDataException | EOFException e) {
            throw new MalformedResponseException("the vendor's answer is neither empty nor JSON", e);
        }
    }
}
