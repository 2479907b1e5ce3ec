package dev.convene.spi.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import dev.convene.ConveneException;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import dev.convene.spi.MalformedResponseException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import okio.ByteString;

/**
 * One call of an {@link Endpoint}: each run sends a new OkHttp call (so interceptors sign and authorize every
 * attempt afresh) and reads the answer into the endpoint's result, the provider's {@link VendorErrors} deciding
 * what is an error.
 */
final class EndpointExchange<T> extends Exchange<T> {
    private static final ByteString UTF8_BOM = ByteString.decodeHex("EFBBBF");

    private final Endpoint endpoint;
    private final Object[] args;
    private final OkHttpClient client;
    private final VendorErrors errors;

    EndpointExchange(Endpoint endpoint, Object[] args, OkHttpClient client, VendorErrors errors) {
        this.endpoint = endpoint;
        this.args = args;
        this.client = client;
        this.errors = errors;
    }

    @Override
    public T execute() throws IOException {
        Call call = client.newCall(request());
        try (Response response = call.execute()) {
            return read(response);
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
        CompletableFuture<T> future = new CompletableFuture<>();
        Call call;
        try {
            call = client.newCall(request());
        } catch (IOException | ConveneException e) {
            return CompletableFuture.failedFuture(e);
        }
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    future.complete(read(response));
                } catch (ConveneException | IOException e) {
                    future.completeExceptionally(e);
                } catch (RuntimeException e) {
                    future.completeExceptionally(undecodable(e));
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                future.completeExceptionally(e instanceof VendorCallException v ? v.error() : e);
            }
        });
        future.whenComplete((ignored, failure) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        return future;
    }

    /** A decoder (or interceptor) that failed with anything but an I/O error met an answer it cannot read. */
    private static MalformedResponseException undecodable(RuntimeException e) {
        return new MalformedResponseException("the vendor's answer could not be decoded: " + e.getMessage(), e);
    }

    /** Nothing has been sent when this fails: the arguments cannot make a request. */
    private Request request() throws IOException {
        try {
            return endpoint.request(args);
        } catch (RuntimeException e) {
            throw new ConveneException("could not build the request of " + endpoint.name + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private T read(Response response) throws IOException {
        ResponseBody body = response.body();
        if (!response.isSuccessful()) {
            throw errors.fromHttpError(response.code(), response.headers(), body == null ? "" : body.string());
        }
        if (endpoint.result == null) {
            requireEmptyOrJson(body);
            return null;
        }
        if (response.code() == 204 || response.code() == 205 || body == null) {
            VendorException error = errors.fromBody(response.code(), response.headers(), null);
            if (error != null) {
                throw error;
            }
            return null;
        }
        BufferedSource source = body.source();
        if (source.rangeEquals(0, UTF8_BOM)) {
            source.skip(UTF8_BOM.size());
        }
        JsonReader reader = JsonReader.of(source);
        T value = (T) endpoint.result.get().fromJson(reader);
        if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
            throw new JsonDataException("JSON document was not fully consumed.");
        }
        VendorException error = errors.fromBody(response.code(), response.headers(), value);
        if (error != null) {
            throw error;
        }
        return value;
    }

    /** For {@code Exchange<Void>}: an answer that is neither empty nor one JSON value is not a success. */
    private static void requireEmptyOrJson(ResponseBody body) throws IOException {
        if (body == null) {
            return;
        }
        BufferedSource source = body.source();
        if (source.exhausted()) {
            return;
        }
        try {
            JsonReader reader = JsonReader.of(source);
            reader.skipValue();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new MalformedResponseException("the vendor's answer has more than one JSON value", null);
            }
        } catch (com.squareup.moshi.JsonEncodingException | JsonDataException | java.io.EOFException e) {
            throw new MalformedResponseException("the vendor's answer is neither empty nor JSON", e);
        }
    }
}
