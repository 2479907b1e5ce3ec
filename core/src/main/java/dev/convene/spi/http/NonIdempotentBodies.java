package dev.convene.spi.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import retrofit2.Invocation;

/**
 * Marks the bodies of {@link NonIdempotent} calls as one-shot. OkHttp's own connection-failure retry
 * replays a request whose body is not one-shot even after it was sent, which for a create means a
 * duplicate meeting; with this mark it only retries when nothing went out. Must run last, after any
 * interceptor that reads the body (signing).
 */
final class NonIdempotentBodies implements Interceptor {
    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Invocation invocation = request.tag(Invocation.class);
        RequestBody body = request.body();
        if (body == null || invocation == null || !invocation.method().isAnnotationPresent(NonIdempotent.class)) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().method(request.method(), new OneShot(body)).build());
    }

    private static final class OneShot extends RequestBody {
        private final RequestBody delegate;

        OneShot(RequestBody delegate) {
            this.delegate = delegate;
        }

        @Override
        public MediaType contentType() {
            return delegate.contentType();
        }

        @Override
        public long contentLength() throws IOException {
            return delegate.contentLength();
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            delegate.writeTo(sink);
        }

        @Override
        public boolean isOneShot() {
            return true;
        }
    }
}
