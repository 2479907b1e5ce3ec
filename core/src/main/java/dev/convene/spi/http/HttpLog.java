package dev.convene.spi.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs vendor calls through SLF4J logger {@code dev.convene.http.<provider>}: one line per request and
 * answer at DEBUG, headers and bodies at TRACE; everything passes through the {@link Redactor} first.
 * It sits after the auth and signing interceptors, so what it shows is what is sent.
 */
final class HttpLog implements Interceptor {
    private static final long MAX_BODY = 64 * 1024;
    private final Logger log;
    private final Redactor redactor;

    HttpLog(String provider, Redactor redactor) {
        this.log = LoggerFactory.getLogger("dev.convene.http." + provider);
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!log.isDebugEnabled()) {
            return chain.proceed(request);
        }
        log.debug("--> {} {}", request.method(), redactor.redact(request.url().toString()));
        if (log.isTraceEnabled()) {
            log.trace("--> headers\n{}", headers(request.headers()));
            if (request.body() != null && !request.body().isOneShot() && request.body().contentLength() <= MAX_BODY) {
                Buffer buffer = new Buffer();
                request.body().writeTo(buffer);
                log.trace("--> body {}", redactor.redact(buffer.readString(StandardCharsets.UTF_8)));
            }
        }
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log.debug("<-- failed after {} ms: {}", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    redactor.redact(String.valueOf(e)));
            throw e;
        }
        log.debug("<-- {} {} ({} ms)", response.code(), redactor.redact(request.url().encodedPath()),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (log.isTraceEnabled()) {
            log.trace("<-- headers\n{}", headers(response.headers()));
            log.trace("<-- body {}", redactor.redact(response.peekBody(MAX_BODY).string()));
        }
        return response;
    }

    private String headers(Headers headers) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = redactor.isSensitiveName(name) ? Redactor.MASK : redactor.redact(headers.value(i));
            b.append(name).append(": ").append(value).append('\n');
        }
        return b.toString();
    }
}
