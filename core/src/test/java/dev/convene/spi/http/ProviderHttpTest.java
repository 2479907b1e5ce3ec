package dev.convene.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.squareup.moshi.Moshi;
import dev.convene.SessionNotFoundException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.internal.HttpRoot;
import dev.convene.internal.InMemoryTokenStore;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderConfig;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import dev.convene.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;

class ProviderHttpTest {
    interface Api {
        @POST("create")
        Exchange<Map<String, Object>> create(@Body Map<String, Object> body);

        @GET("get")
        Exchange<Map<String, Object>> get();
    }

    /** A toy vendor: HTTP 404 means not found; a 200 body with "errcode" other than 0 is an error. */
    static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorException fromHttpError(int status, Headers headers, String body) {
            VendorError error = new VendorError("toy", status, "", body, headers.get("X-Trace"), null);
            return status == 404 ? new dev.convene.SessionNotFoundException(error) : new dev.convene.VendorUnavailableException(error);
        }

        @Override
        public VendorException fromBody(int status, Headers headers, Object body) {
            Object code = ((Map<?, ?>) body).get("errcode");
            return code == null || ((Number) code).intValue() == 0 ? null
                    : new dev.convene.VendorRejectedException(new VendorError("toy", 0, String.valueOf(((Number) code).intValue()), "bad", null, null));
        }
    };

    final MockWebServer server = new MockWebServer();
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    final Redactor redactor = new Redactor();
    final ProviderContext context = new ProviderContext("toy", new ProviderConfig("toy", Map.of()), HttpRoot.client(HttpRoot.Settings.DEFAULT),
            clock, new InMemoryTokenStore(), redactor);
    final AtomicInteger fetches = new AtomicInteger();
    final TokenCache tokens = new TokenCache(context.tokenStore(), TokenKey.of("toy", server.url("/").toString()),
            () -> new AccessToken("tok-" + fetches.incrementAndGet() + "-abcdef", clock.instant().plusSeconds(7200)), clock, Duration.ofMinutes(5), redactor);

    /** Token as a query parameter; a 200 answer with errcode 42001 means "token expired". */
    final TokenInterceptor tokenInterceptor = new TokenInterceptor(tokens) {
        @Override
        protected Request authorize(Request request, AccessToken token) {
            return request.newBuilder().url(request.url().newBuilder().setQueryParameter("access_token", token.value()).build()).build();
        }

        @Override
        protected boolean tokenRejected(Response response) throws IOException {
            return response.peekBody(1024).string().contains("\"errcode\":42001");
        }
    };

    Api api() {
        return ProviderHttp.endpoints(Api.class, ProviderHttp.client(context, tokenInterceptor), server.url("/").toString(), new Moshi.Builder().build(), ERRORS);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    @Test
    void aRequestCutOffAfterSendingIsNotReplayedByOkHttp() throws Exception {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{\"errcode\":0}"));
        assertThatThrownBy(() -> api().create(Map.of("title", "x")).execute()).isInstanceOf(IOException.class);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void decodesVendorErrorsFromStatusAndBody() {
        server.enqueue(new MockResponse().setResponseCode(404).setHeader("X-Trace", "tr-9").setBody("no such meeting"));
        assertThatThrownBy(() -> api().get().execute()).isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(404);
            assertThat(e.requestId()).contains("tr-9");
            assertThat(e.vendorMessage()).isEqualTo("no such meeting");
        });
        server.enqueue(new MockResponse().setBody("{\"errcode\":40058}"));
        assertThatThrownBy(() -> api().get().execute()).isInstanceOfSatisfying(VendorException.class,
                e -> assertThat(e.vendorCode()).isEqualTo("40058"));
    }

    @Test
    void anUnreadableAnswerIsAnIoFailure() {
        server.enqueue(new MockResponse().setBody("<html>"));
        assertThatThrownBy(() -> api().get().execute()).isInstanceOf(IOException.class);
    }

    @Test
    void anExpiredTokenIsRefetchedAndTheCallReplayedExactlyOnce() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":42001}"));
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"ok\":true}"));
        assertThat(api().create(Map.of("t", 1)).execute()).containsEntry("ok", true);
        assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token")).isEqualTo("tok-1-abcdef");
        assertThat(server.takeRequest().getRequestUrl().queryParameter("access_token")).isEqualTo("tok-2-abcdef");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aTokenThatStaysRejectedEndsAfterOneReplay() {
        server.enqueue(new MockResponse().setBody("{\"errcode\":42001}"));
        server.enqueue(new MockResponse().setBody("{\"errcode\":42001}"));
        server.enqueue(new MockResponse().setBody("{\"errcode\":0}"));
        assertThatThrownBy(() -> api().get().execute()).isInstanceOfSatisfying(VendorException.class,
                e -> assertThat(e.vendorCode()).isEqualTo("42001"));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void enqueueRunsWithoutBlockingAndDecodesTheSameWay() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"v\":\"a\"}"));
        server.enqueue(new MockResponse().setResponseCode(404).setBody("gone"));
        assertThat(api().get().map(m -> m.get("v")).enqueue().get()).isEqualTo("a");
        assertThat(Exchange.unwrap(api().get().enqueue().handle((v, t) -> t).get())).isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void traceLogsShowCallsButNoSecrets() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.convene.http.toy");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.TRACE);
        try {
            server.enqueue(new MockResponse().setBody("{\"errcode\":0,\"access_token\":\"leaky-token-value\"}"));
            api().create(Map.of("title", "x")).execute();
        } finally {
            logger.detachAppender(appender);
        }
        String all = String.join("\n", appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(all).contains("--> POST").contains("<-- 200").doesNotContain("tok-1-abcdef").doesNotContain("leaky-token-value");
    }
}
