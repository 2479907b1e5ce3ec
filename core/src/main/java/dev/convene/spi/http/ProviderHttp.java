package dev.convene.spi.http;

import com.squareup.moshi.Moshi;
import dev.convene.spi.ProviderContext;
import java.lang.annotation.Annotation;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * How a provider gets its HTTP client and its endpoints: the client derived from the shared root client (one
 * pool, one dispatcher for every provider), with the provider's own interceptors first, then redacted logging;
 * the endpoints, a Retrofit interface whose methods return {@link dev.convene.spi.Exchange}s, run by Retrofit.
 * A service's {@link dev.convene.SessionListener}s hear of every request that goes out through both, named by the
 * endpoint's path template ({@link dev.convene.HttpAttempt}).
 */
public final class ProviderHttp {
    private ProviderHttp() {
    }

    /** A client for this provider; {@code interceptors} (auth, signing) run in the order given. */
    public static OkHttpClient client(ProviderContext context, Interceptor... interceptors) {
        OkHttpClient.Builder builder = context.httpClient().newBuilder();
        builder.addInterceptor(EndpointObserver.SCOPE);
        for (Interceptor interceptor : interceptors) {
            builder.addInterceptor(interceptor);
        }
        builder.addInterceptor(EndpointObserver.ATTEMPTS);
        builder.addInterceptor(new HttpLog(context.providerId(), context.redactor()));
        builder.addNetworkInterceptor(EndpointObserver.SENT);
        return builder.build();
    }

    /**
     * {@code api} implemented by Retrofit over {@code client}: each method sends the request its annotations
     * describe, relative to {@code baseUrl} (the trailing slash may be omitted), and decodes the answer with
     * Retrofit's Moshi converter on {@code moshi}, {@code errors} deciding which answers are vendor errors. Every
     * method must return {@code Exchange<T>} ({@code Exchange<Void>} for an answer that is empty or JSON to
     * ignore); Retrofit checks a method's annotations when it is first called and throws
     * {@link IllegalArgumentException} there for a method it cannot send.
     *
     * @throws IllegalArgumentException if {@code api} is not an interface or {@code baseUrl} is not an HTTP URL
     */
    public static <T> T endpoints(Class<T> api, OkHttpClient client, String baseUrl, Moshi moshi, VendorErrors errors) {
        return endpoints(api, client, client.networkInterceptors().contains(EndpointObserver.SENT), baseUrl, moshi, errors);
    }

    /**
     * As {@link #endpoints(Class, OkHttpClient, String, Moshi, VendorErrors)}, over {@link #client} with the
     * interceptor {@code auth} makes from the endpoints themselves: a {@link TokenInterceptor} fetches its token
     * through the interface's own {@link NoToken} endpoint, so the interface is declared and bound once.
     * {@code auth} is called once, here; the endpoints send nothing before this returns.
     *
     * @throws IllegalArgumentException if {@code api} is not an interface or {@code baseUrl} is not an HTTP URL
     */
    public static <T> T endpoints(Class<T> api, ProviderContext context, String baseUrl, Moshi moshi, VendorErrors errors,
                                  Function<? super T, ? extends Interceptor> auth) {
        AtomicReference<OkHttpClient> client = new AtomicReference<>();
        T endpoints = endpoints(api, request -> client.get().newCall(request), true, baseUrl, moshi, errors);
        client.set(client(context, auth.apply(endpoints)));
        return endpoints;
    }

    /** {@code marksSent}: the client's network interceptors include {@link EndpointObserver#SENT}. */
    private static <T> T endpoints(Class<T> api, Call.Factory calls, boolean marksSent, String baseUrl, Moshi moshi, VendorErrors errors) {
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new Retrofit.Builder()
                .baseUrl(base)
                .callFactory(new EndpointObserver(base).tagging(calls, marksSent))
                .addCallAdapterFactory(new ExchangeCallAdapterFactory(errors))
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .build()
                .create(api);
    }

    /**
     * The annotation {@code type} on the endpoint method that made {@code request} (Retrofit tags every request
     * with its {@link Invocation}): how an interceptor gives one endpoint its own behaviour, as
     * {@link TokenInterceptor} does for {@link NoToken}. Empty for a request no endpoint made.
     */
    public static <A extends Annotation> Optional<A> endpointAnnotation(Request request, Class<A> type) {
        Invocation invocation = request.tag(Invocation.class);
        return invocation == null ? Optional.empty() : Optional.ofNullable(invocation.method().getAnnotation(type));
    }
}
