package dev.convene.spi.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * Marks every request body one-shot, so that OkHttp never replays a request on its own once it has
 * started to send it. OkHttp's connection-failure recovery would otherwise resend a POST whose answer
 * was lost, which for a create means a duplicate meeting; deciding what may be repeated is core's job
 * (reads and cancels are retried there, writes never). Requests without a body (GET, DELETE) are left
 * to OkHttp, since repeating them is harmless. Runs last, after any interceptor that reads the body.
 */
final class NoSilentReplays implements Interceptor {
    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        if (body == null || body.isOneShot()) {
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
