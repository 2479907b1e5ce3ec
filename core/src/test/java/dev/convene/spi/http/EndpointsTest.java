package dev.convene.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.convene.ConveneException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import dev.convene.spi.MalformedResponseException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.Socket;
import java.net.ServerSocket;
import javax.net.ServerSocketFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.CallAdapter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.Field;
import retrofit2.http.FormUrlEncoded;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;
import retrofit2.http.Url;

/**
 * Convene binds endpoint interfaces itself instead of through Retrofit's runtime (see {@code Endpoints}). Providers
 * were written, and their wire tests pass, against what Retrofit sent, so every shape of call they use is sent here
 * through both and the requests must be byte for byte the same: method, request line, headers and body, for
 * values that need encoding.
 */
public class EndpointsTest {
    public record Thing(String name, Integer size, List<String> tags) {
    }

    interface Api {
        @POST("cgi-bin/meeting/create")
        Exchange<Thing> create(@Body Thing body);

        @GET("v1/meetings/{meetingId}")
        Exchange<Thing> get(@Path("meetingId") String id, @Query("userid") String user, @Query("instanceid") int instance,
                            @Query("pos") Long pos);

        @GET("users/{userId}/{collection}")
        Exchange<Thing> list(@Path("userId") String user, @Path("collection") String collection, @Query("page_size") Integer size,
                             @Query("next_page_token") String token);

        @PATCH("{collection}/{id}")
        Exchange<Void> patch(@Path("collection") String collection, @Path("id") String id, @Body Thing body);

        @PUT("v1/webinars/{meetingId}")
        Exchange<Void> put(@Path("meetingId") String id, @Body Map<String, Object> body);

        @DELETE("{collection}/{id}")
        Exchange<Void> delete(@Path("collection") String collection, @Path("id") String id);

        @POST("v1/meetings/{meetingId}/cancel")
        Exchange<Void> cancelWithoutBody(@Path("meetingId") String id);

        @GET("{collection}/{id}?show_previous_occurrences=true")
        Exchange<Thing> withFixedQuery(@Path("collection") String collection, @Path("id") String id, @Query("occurrence_id") String occurrence);

        @GET("v1/meetings?instanceid=1&a%20b=c")
        Exchange<Thing> fixedWithFixedQuery(@Query("userid") String user);

        @GET("cgi-bin/gettoken")
        Exchange<Thing> token(@Query("corpid") String corp, @Query("corpsecret") String secret);

        @GET("raw/{segment}")
        Exchange<Thing> encoded(@Path(value = "segment", encoded = true) String segment, @Query(value = "q", encoded = true) String q);

        @FormUrlEncoded
        @POST
        Exchange<Thing> oauth(@Url String url, @Header("Authorization") String basic, @Field("grant_type") String grant,
                              @Field("account_id") String account, @Field(value = "raw", encoded = true) String raw);
    }

    /** Values that need percent-encoding somewhere, or that Retrofit and OkHttp treat specially. */
    static final List<String> AWKWARD = List.of("plain", "a b", "ä中文", "x/y", "50%", "a+b", "q?x#y", "me@example.com",
            "semi;colon", "amp&eq=", "tab\tline", "~tilde", "'quote\"", "{brace}", "%41");

    final MockWebServer server = new MockWebServer();
    final Moshi moshi = new Moshi.Builder().build();
    final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    {
        // MockWebServer writes an answer's head and body apart; without TCP_NODELAY, Nagle and delayed ACKs hold
        // each of the many small exchanges here for some 40 ms.
        server.setServerSocketFactory(new ServerSocketFactory() {
            @Override
            public ServerSocket createServerSocket() throws IOException {
                return new ServerSocket() {
                    @Override
                    public Socket accept() throws IOException {
                        Socket socket = super.accept();
                        socket.setTcpNoDelay(true);
                        return socket;
                    }
                };
            }

            @Override
            public ServerSocket createServerSocket(int port) {
                throw new UnsupportedOperationException("MockWebServer binds the socket it creates itself");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog) {
                throw new UnsupportedOperationException("MockWebServer binds the socket it creates itself");
            }

            @Override
            public ServerSocket createServerSocket(int port, int backlog, InetAddress address) {
                throw new UnsupportedOperationException("MockWebServer binds the socket it creates itself");
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void everyShapeOfCallSendsWhatRetrofitSent() throws Exception {
        for (String base : List.of("/", "/v2/accounts/sub%20one/", "/v2")) {
            Api ours = ProviderHttp.endpoints(Api.class, http, server.url(base).toString(), moshi, ERRORS);
            Api retrofits = retrofit(server.url(base).toString().endsWith("/") ? server.url(base).toString() : server.url(base) + "/");
            for (String v : AWKWARD) {
                List<Function<Api, Exchange<?>>> calls = List.of(
                        api -> api.create(new Thing(v, 3, List.of(v, "t"))),
                        api -> api.create(new Thing(v, null, null)),
                        api -> api.get(v, v, 1, null),
                        api -> api.get("123", "u", 7, 42L),
                        api -> api.list(v, "meetings", 300, v),
                        api -> api.list("me", "webinars", null, null),
                        api -> api.patch("meetings", v, new Thing(v, 1, List.of())),
                        api -> api.put(v, orderedMap(v)),
                        api -> api.delete("webinars", v),
                        api -> api.cancelWithoutBody(v),
                        api -> api.token(v, v),
                        api -> api.withFixedQuery("meetings", v, v),
                        api -> api.withFixedQuery("webinars", "1", null),
                        api -> api.fixedWithFixedQuery(v),
                        api -> api.fixedWithFixedQuery(null),
                        api -> api.oauth(server.url("/oauth/token").toString(), "Basic " + v.length(), "account_credentials", v, "a%20b"),
                        api -> api.oauth(server.url("/oauth/token?x=" + v.length()).toString(), null, "account_credentials", v, null));
                for (Function<Api, Exchange<?>> call : calls) {
                    assertThat(sent(ours, call)).as("value %s, base %s", v, base).isEqualTo(sent(retrofits, call));
                }
            }
            Function<Api, Exchange<?>> encoded = api -> api.encoded("a%2Fb", "x%20y+z");
            assertThat(sent(ours, encoded)).isEqualTo(sent(retrofits, encoded));
        }
    }

    @Test
    void answersDecodeAsBeforeAndVendorErrorsComeFromTheProvidersRules() throws Exception {
        Api api = ProviderHttp.endpoints(Api.class, http, server.url("/").toString(), moshi, ERRORS);
        server.enqueue(new MockResponse().setBody("\uFEFF{\"name\":\"n\",\"size\":2,\"tags\":[\"a\"]}"));
        assertThat(api.get("1", "u", 1, null).execute()).isEqualTo(new Thing("n", 2, List.of("a")));
        server.enqueue(new MockResponse().setBody("{\"name\":\"bad\"}"));
        assertThatThrownBy(() -> api.get("1", "u", 1, null).execute()).isInstanceOfSatisfying(VendorException.class,
                e -> assertThat(e.vendorCode()).isEqualTo("bad-name"));
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("X-Trace", "t-1").setBody("gone"));
        assertThatThrownBy(() -> api.get("1", "u", 1, null).execute()).isInstanceOfSatisfying(VendorException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.vendorMessage()).isEqualTo("gone");
            assertThat(e.requestId()).contains("t-1");
        });
        // Two JSON values: Moshi's strict reader refuses the second one (an IOException, as through Retrofit).
        server.enqueue(new MockResponse().setBody("{\"name\":\"n\"} {\"name\":\"again\"}"));
        assertThatThrownBy(() -> api.get("1", "u", 1, null).execute()).isInstanceOf(IOException.class);
        server.enqueue(new MockResponse().setBody("{\"size\":\"many\"}"));
        assertThatThrownBy(() -> api.get("1", "u", 1, null).execute()).isInstanceOf(MalformedResponseException.class);
        server.enqueue(new MockResponse().setBody("{\"name\":"));
        assertThatThrownBy(() -> api.get("1", "u", 1, null).execute()).isInstanceOf(IOException.class);
        server.enqueue(new MockResponse().setResponseCode(204));
        assertThat(api.get("1", "u", 1, null).execute()).isNull();
        server.enqueue(new MockResponse().setBody("not json"));
        assertThatThrownBy(() -> api.delete("meetings", "1").execute()).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("neither empty nor JSON");
        server.enqueue(new MockResponse().setResponseCode(204));
        assertThat(api.delete("meetings", "1").execute()).isNull();
    }

    @Test
    void enqueueDecodesTheSameWayWithoutBlocking() throws Exception {
        Api api = ProviderHttp.endpoints(Api.class, http, server.url("/").toString(), moshi, ERRORS);
        server.enqueue(new MockResponse().setBody("{\"name\":\"n\"}"));
        server.enqueue(new MockResponse().setBody("{\"name\":\"bad\"}"));
        assertThat(api.create(new Thing("a", 1, null)).enqueue().get()).isEqualTo(new Thing("n", null, null));
        CompletableFuture<Thing> failed = api.create(new Thing("a", 1, null)).enqueue();
        assertThat(Exchange.unwrap(failed.handle((v, t) -> t).get())).isInstanceOf(VendorException.class);
    }

    @Test
    void eachRunIsANewRequest() throws Exception {
        Api api = ProviderHttp.endpoints(Api.class, http, server.url("/").toString(), moshi, ERRORS);
        Exchange<Thing> once = api.create(new Thing("a", 1, null));
        server.enqueue(new MockResponse().setBody("{\"name\":\"1\"}"));
        server.enqueue(new MockResponse().setBody("{\"name\":\"2\"}"));
        assertThat(once.execute().name()).isEqualTo("1");
        assertThat(once.execute().name()).isEqualTo("2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void argumentsThatCannotMakeARequestFailBeforeAnythingIsSent() {
        Api api = ProviderHttp.endpoints(Api.class, http, server.url("/").toString(), moshi, ERRORS);
        for (String climb : List.of(".", "..")) {
            assertThatThrownBy(() -> api.delete("meetings", climb).execute()).isInstanceOf(ConveneException.class)
                    .hasMessageContaining("Api.delete").hasMessageContaining("must not be '" + climb + "'");
            assertThat(Exchange.unwrap(api.delete("meetings", climb).enqueue().handle((v, t) -> t).join())).isInstanceOf(ConveneException.class);
        }
        assertThatThrownBy(() -> api.get(null, "u", 1, null).execute()).hasMessageContaining("meetingId").hasMessageContaining("null");
        assertThatThrownBy(() -> api.create(null).execute()).hasMessageContaining("@Body");
        assertThat(server.getRequestCount()).isZero();
    }

    interface Unsupported {
        @retrofit2.http.Headers("X-A: b")
        @GET("x")
        Exchange<Thing> headers();
    }

    interface PartOfSegment {
        @GET("x/id-{id}")
        Exchange<Thing> get(@Path("id") String id);
    }

    interface UnboundPath {
        @GET("x/{id}")
        Exchange<Thing> get(@Query("id") String id);
    }

    interface BodyOnGet {
        @GET("x")
        Exchange<Thing> get(@Body Thing body);
    }

    interface NotAnExchange {
        @GET("x")
        Thing get();
    }

    @Test
    void whatTheBindingCannotSendFailsWhenTheInterfaceIsBoundNamingTheMethod() {
        String base = server.url("/").toString();
        assertThatThrownBy(() -> ProviderHttp.endpoints(Unsupported.class, http, base, moshi, ERRORS))
                .hasMessageContaining("Unsupported.headers").hasMessageContaining("@Headers");
        assertThatThrownBy(() -> ProviderHttp.endpoints(PartOfSegment.class, http, base, moshi, ERRORS))
                .hasMessageContaining("PartOfSegment.get").hasMessageContaining("whole segment");
        assertThatThrownBy(() -> ProviderHttp.endpoints(UnboundPath.class, http, base, moshi, ERRORS))
                .hasMessageContaining("UnboundPath.get").hasMessageContaining("[id]");
        assertThatThrownBy(() -> ProviderHttp.endpoints(BodyOnGet.class, http, base, moshi, ERRORS))
                .hasMessageContaining("BodyOnGet.get").hasMessageContaining("no body");
        assertThatThrownBy(() -> ProviderHttp.endpoints(NotAnExchange.class, http, base, moshi, ERRORS))
                .hasMessageContaining("NotAnExchange.get").hasMessageContaining("Exchange<T>");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A toy vendor: a thing named "bad" is an error in a 200 answer; every non-2xx status is unavailable. */
    static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorException fromHttpError(int status, Headers headers, String body) {
            return VendorException.of(VendorException.Kind.UNAVAILABLE, new VendorError("toy", status, "", body, headers.get("X-Trace"), null));
        }

        @Override
        public VendorException fromBody(int status, Headers headers, Object body) {
            return body instanceof Thing t && "bad".equals(t.name())
                    ? VendorException.of(VendorException.Kind.INVALID_REQUEST, new VendorError("toy", status, "bad-name", "bad", null, null))
                    : null;
        }
    };

    private static Map<String, Object> orderedMap(String v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", v);
        m.put("n", 2);
        m.put("flag", true);
        return m;
    }

    /** What {@code call} sent through {@code api}: method, request line, headers that are not per connection, body. */
    private String sent(Api api, Function<Api, Exchange<?>> call) throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        call.apply(api).execute();
        RecordedRequest r = server.takeRequest();
        List<String> headers = new ArrayList<>();
        for (String name : List.of("Content-Type", "Content-Length", "Authorization", "Transfer-Encoding")) {
            headers.add(name + "=" + r.getHeader(name));
        }
        return r.getRequestLine() + " " + headers + " " + r.getBody().readUtf8();
    }

    /** The same interface through Retrofit's runtime, with a call adapter that makes its calls Exchanges. */
    private Api retrofit(String base) {
        return new Retrofit.Builder().baseUrl(base).client(http)
                .addCallAdapterFactory(new CallAdapter.Factory() {
                    @Override
                    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
                        Type inner = getParameterUpperBound(0, (ParameterizedType) returnType);
                        Type response = inner == Void.class ? okhttp3.ResponseBody.class : inner;
                        return new CallAdapter<Object, Exchange<Object>>() {
                            @Override
                            public Type responseType() {
                                return response;
                            }

                            @Override
                            public Exchange<Object> adapt(retrofit2.Call<Object> call) {
                                return new Exchange<>() {
                                    @Override
                                    public Object execute() throws IOException {
                                        return call.clone().execute().body();
                                    }

                                    @Override
                                    public CompletableFuture<Object> enqueue() {
                                        throw new UnsupportedOperationException();
                                    }
                                };
                            }
                        };
                    }
                })
                .addConverterFactory(MoshiConverterFactory.create(moshi))
                .build().create(Api.class);
    }
}
