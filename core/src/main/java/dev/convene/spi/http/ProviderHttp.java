package dev.convene.spi.http;

import com.squareup.moshi.Moshi;
import dev.convene.spi.ProviderContext;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * How a provider gets its HTTP client and its endpoints: the client derived from the shared root client (one
 * pool, one dispatcher for every provider), with the provider's own interceptors first, then redacted logging;
 * the endpoints an interface declared with Retrofit's annotations, whose methods return
 * {@link dev.convene.spi.Exchange}s (see {@code Endpoints} for what is supported, and why not Retrofit's runtime).
 */
public final class ProviderHttp {
    private ProviderHttp() {
    }

    /** A client for this provider; {@code interceptors} (auth, signing) run in the order given. */
    public static OkHttpClient client(ProviderContext context, Interceptor... interceptors) {
        OkHttpClient.Builder builder = context.httpClient().newBuilder();
        for (Interceptor interceptor : interceptors) {
            builder.addInterceptor(interceptor);
        }
        builder.addInterceptor(new HttpLog(context.providerId(), context.redactor()));
        return builder.build();
    }

    /**
     * {@code api} implemented over {@code client}: each method sends the request its annotations describe,
     * relative to {@code baseUrl} (the trailing slash may be omitted), and decodes the answer with {@code moshi},
     * {@code errors} deciding which answers are vendor errors. A method the binding cannot send fails here.
     */
    public static <T> T endpoints(Class<T> api, OkHttpClient client, String baseUrl, Moshi moshi, VendorErrors errors) {
        return Endpoints.bind(api, client, baseUrl, moshi, errors);
    }
}
