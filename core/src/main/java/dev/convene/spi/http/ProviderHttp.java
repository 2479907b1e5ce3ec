package dev.convene.spi.http;

import com.squareup.moshi.Moshi;
import dev.convene.spi.ProviderContext;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * How a provider gets its HTTP client and Retrofit: derived from the shared root client (one pool, one
 * dispatcher for every provider), with the provider's own interceptors first, then redacted logging.
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

    /** A Retrofit whose interface methods return {@link dev.convene.spi.Exchange}s; {@code baseUrl} may omit the trailing slash. */
    public static Retrofit retrofit(OkHttpClient client, String baseUrl, Moshi moshi, VendorErrors errors) {
        return new Retrofit.Builder()
                .baseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/")
                .client(client)
                .addCallAdapterFactory(new ExchangeCallAdapterFactory(errors))
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .build();
    }
}
