package dev.convene.spi.http;

import dev.convene.HttpAttempt;
import dev.convene.internal.Attempt;
import dev.convene.internal.CallScope;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;

/**
 * Tells a call's listeners about each HTTP request its endpoints send. A request made while a {@link CallScope} is
 * open is tagged with it and with its endpoint's path template, on the thread that makes it; {@link #SCOPE} opens
 * the scope again on the thread that sends it, and {@link #ATTEMPTS}, after the provider's interceptors, tells of
 * every request that actually goes out, a resend with a fresh token included.
 */
final class EndpointObserver {
    /** What a request made inside a call carries; {@code sends} counts how often it went out. */
    private record Sending(CallScope scope, String template, AtomicInteger sends) {
    }

    /** First of a client's interceptors: requests made while this one is sent (a token fetch) belong to its call. */
    static final Interceptor SCOPE = chain -> {
        Sending sending = chain.request().tag(Sending.class);
        if (sending == null) {
            return chain.proceed(chain.request());
        }
        return CallScope.within(sending.scope().nested(), () -> chain.proceed(chain.request()));
    };

    /** Last of a client's interceptors: one attempt per request that goes out. */
    static final Interceptor ATTEMPTS = chain -> {
        Request request = chain.request();
        Sending sending = request.tag(Sending.class);
        if (sending == null) {
            return chain.proceed(request);
        }
        HttpAttempt.Listener end = sending.scope().httpAttempt(request.method(), sending.template(), request.url().host(),
                sending.sends().getAndIncrement());
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException | RuntimeException e) {
            end.onEnd(0, Duration.ofNanos(System.nanoTime() - started), e);
            throw e;
        }
        end.onEnd(response.code(), Duration.ofNanos(System.nanoTime() - started), null);
        return response;
    };

    private final String basePath;
    private final Map<Method, String> templates = new ConcurrentHashMap<>();

    /** For the endpoints of one interface bound to {@code baseUrl} (ending with a slash). */
    EndpointObserver(String baseUrl) {
        HttpUrl base = HttpUrl.get(baseUrl);
        this.basePath = base.encodedPath();
    }

    /**
     * Last before the wire (a network interceptor, run once the connection is there): marks the request's
     * {@link Attempt} sent, so that core knows a write that failed before this point never left.
     */
    static final Interceptor SENT = chain -> {
        Attempt attempt = chain.request().tag(Attempt.class);
        if (attempt != null && !attempt.sending()) {
            throw new IOException("Canceled: the call was given up before this request was sent");
        }
        return chain.proceed(chain.request());
    };

    /**
     * {@code calls}, tagging each request made inside a call with the call's scope, and, when {@code marksSent}
     * (the client has {@link #SENT} among its network interceptors), with the attempt it belongs to.
     */
    Call.Factory tagging(Call.Factory calls, boolean marksSent) {
        return request -> {
            CallScope scope = CallScope.current();
            Attempt attempt = marksSent ? Attempt.current() : null;
            if (scope == null && attempt == null) {
                return calls.newCall(request);
            }
            Request.Builder tagged = request.newBuilder();
            if (scope != null) {
                tagged.tag(Sending.class, new Sending(scope, template(request), new AtomicInteger()));
            }
            if (attempt != null) {
                attempt.track();
                tagged.tag(Attempt.class, attempt);
            }
            return calls.newCall(tagged.build());
        };
    }

    /**
     * The endpoint's path as its annotation declares it, under the base URL's path, without any query: never a
     * filled-in identifier. An endpoint whose URL is an argument ({@code @Url}, a configured OAuth endpoint) has
     * none to declare: its path is taken, still without the query.
     */
    private String template(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation == null) {
            return "none";
        }
        String declared = templates.computeIfAbsent(invocation.method(), m -> declared(m).map(this::underBase).orElse(""));
        return declared.isEmpty() ? request.url().encodedPath() : declared;
    }

    private String underBase(String relative) {
        String path = relative;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : path.substring(slash);
        }
        return path.startsWith("/") ? path : basePath + path;
    }

    private static java.util.Optional<String> declared(Method method) {
        for (Annotation a : method.getAnnotations()) {
            String value = a instanceof GET g ? g.value()
                    : a instanceof POST p ? p.value()
                    : a instanceof PUT p ? p.value()
                    : a instanceof PATCH p ? p.value()
                    : a instanceof DELETE d ? d.value()
                    : a instanceof HEAD h ? h.value()
                    : a instanceof OPTIONS o ? o.value()
                    : a instanceof HTTP h ? h.path()
                    : null;
            if (value != null) {
                return value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(value);
            }
        }
        return java.util.Optional.empty();
    }
}
