package dev.convene.spi.http;

import dev.convene.ConveneException;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import dev.convene.spi.MalformedResponseException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Callback;
import retrofit2.Response;
import retrofit2.Retrofit;

/** Lets Retrofit interfaces return {@link Exchange}s, decoding vendor errors with the provider's {@link VendorErrors}. */
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
            throw new IllegalArgumentException("Exchange return types need a type argument, e.g. Exchange<CreateResponse>");
        }
        Type declared = getParameterUpperBound(0, parameterized);
        // For Exchange<Void> we still read the body: an answer that is not empty or JSON is not a success.
        boolean noResult = declared == Void.class;
        Type responseType = noResult ? okhttp3.ResponseBody.class : declared;
        return new CallAdapter<Object, Exchange<Object>>() {
            @Override
            public Type responseType() {
                return responseType;
            }

            @Override
            public Exchange<Object> adapt(Call<Object> call) {
                return new RetrofitExchange<>(call, errors, noResult);
            }
        };
    }

    private static final class RetrofitExchange<T> extends Exchange<T> {
        private final Call<T> call;
        private final VendorErrors errors;
        private final boolean noResult;

        RetrofitExchange(Call<T> call, VendorErrors errors, boolean noResult) {
            this.call = call;
            this.errors = errors;
            this.noResult = noResult;
        }

        @Override
        public T execute() throws IOException {
            Response<T> response;
            try {
                response = call.clone().execute();
            } catch (VendorCallException e) {
                throw e.error();
            } catch (ConveneException | IOException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new MalformedResponseException("the vendor's answer could not be decoded: " + e.getMessage(), e);
            }
            return handle(response);
        }

        @Override
        public CompletableFuture<T> enqueue() {
            CompletableFuture<T> future = new CompletableFuture<>();
            Call<T> attempt = call.clone();
            attempt.enqueue(new Callback<>() {
                @Override
                public void onResponse(Call<T> c, Response<T> response) {
                    try {
                        future.complete(handle(response));
                    } catch (Throwable t) {
                        future.completeExceptionally(t);
                    }
                }

                @Override
                public void onFailure(Call<T> c, Throwable t) {
                    if (t instanceof VendorCallException v) {
                        future.completeExceptionally(v.error());
                    } else if (t instanceof IOException || t instanceof ConveneException) {
                        future.completeExceptionally(t);
                    } else {
                        future.completeExceptionally(new MalformedResponseException("the vendor's answer could not be decoded: " + t.getMessage(), t));
                    }
                }
            });
            future.whenComplete((ignored, failure) -> {
                if (future.isCancelled()) {
                    attempt.cancel();
                }
            });
            return future;
        }

        private T handle(Response<T> response) throws IOException {
            if (!response.isSuccessful()) {
                String body;
                try (okhttp3.ResponseBody errorBody = response.errorBody()) {
                    body = errorBody == null ? "" : errorBody.string();
                }
                throw errors.fromHttpError(response.code(), response.headers(), body);
            }
            T body = response.body();
            if (noResult) {
                requireEmptyOrJson((okhttp3.ResponseBody) body);
                return null;
            }
            VendorException error = errors.fromBody(response.code(), response.headers(), body);
            if (error != null) {
                throw error;
            }
            return body;
        }

        private static void requireEmptyOrJson(okhttp3.ResponseBody body) throws IOException {
            if (body == null) {
                return;
            }
            try (body) {
                okio.BufferedSource source = body.source();
                if (source.exhausted()) {
                    return;
                }
                com.squareup.moshi.JsonReader reader = com.squareup.moshi.JsonReader.of(source);
                reader.skipValue();
                if (reader.peek() != com.squareup.moshi.JsonReader.Token.END_DOCUMENT) {
                    throw new MalformedResponseException("the vendor's answer has more than one JSON value", null);
                }
            } catch (com.squareup.moshi.JsonEncodingException | com.squareup.moshi.JsonDataException | java.io.EOFException e) {
                throw new MalformedResponseException("the vendor's answer is neither empty nor JSON", e);
            }
        }
    }
}
