package dev.convene.spi.http;

import com.squareup.moshi.Moshi;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Implements a provider's endpoint interface: methods annotated with Retrofit's {@code retrofit2.http}
 * annotations and returning {@link dev.convene.spi.Exchange}, each call sent through OkHttp with Moshi
 * reading and writing the JSON.
 *
 * <p>Why not Retrofit's own runtime, when its annotations are kept: per call it builds the request through a
 * general-purpose factory, resolves the relative URL again, tags the request with an {@code Invocation} that
 * every later {@code Request.newBuilder()} copies, and rebuilds the response around a placeholder body after
 * parsing its {@code Content-Type} with a regex. On a WeCom meeting create that was 3.7 KB of garbage and a few
 * microseconds, a third of everything Convene added to the raw transport (benchmarks: {@code Compare latency}).
 * Here each method is read once; a path without parameters is resolved once, and the request and answer are
 * handled directly. What is supported: {@code @GET @POST @PUT @PATCH @DELETE} with a relative path whose
 * {@code {parameters}} are whole segments, {@code @Path @Query @Header @Body @Url}, and {@code @FormUrlEncoded}
 * with {@code @Field}; anything else fails when the interface is bound, naming the method.
 */
final class Endpoints implements InvocationHandler {
    private final Map<Method, Endpoint> endpoints;
    private final OkHttpClient client;
    private final VendorErrors errors;
    private final String api;

    private Endpoints(Class<?> api, Map<Method, Endpoint> endpoints, OkHttpClient client, VendorErrors errors) {
        this.api = api.getSimpleName();
        this.endpoints = endpoints;
        this.client = client;
        this.errors = errors;
    }

    static <T> T bind(Class<T> api, OkHttpClient client, String baseUrl, Moshi moshi, VendorErrors errors) {
        if (!api.isInterface()) {
            throw new IllegalArgumentException(api.getName() + " must be an interface");
        }
        HttpUrl base = HttpUrl.get(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        Map<Method, Endpoint> endpoints = new HashMap<>();
        for (Method m : api.getMethods()) {
            if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                endpoints.put(m, Endpoint.of(m, base, moshi));
            }
        }
        Object proxy = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, new Endpoints(api, Map.copyOf(endpoints), client, errors));
        return api.cast(proxy);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Endpoint endpoint = endpoints.get(method);
        if (endpoint != null) {
            return new EndpointExchange<>(endpoint, args == null ? new Object[0] : args, client, errors);
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return switch (method.getName()) {
            case "toString" -> api + " endpoints";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
