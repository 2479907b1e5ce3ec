package dev.convene.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import dev.convene.ConveneException;
import dev.convene.HttpAttempt;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.TokenFetch;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.internal.DefaultSessionService;
import dev.convene.internal.HttpRoot;
import dev.convene.internal.InMemoryTokenStore;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderConfig;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenCache;
import dev.convene.spi.token.TokenKey;
import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.TestClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Listeners hear of every HTTP request a call sends, by path template, with the call's number, blocking and
 * non-blocking alike, token fetches and resends included; a listener that throws changes nothing.
 */
class HttpAttemptTest {
    interface Api {
        @NoToken
        @GET("oauth/token?grant=client")
        Exchange<Map<String, Object>> token();

        @GET("v1/things/{id}?detail=full")
        Exchange<Map<String, Object>> get(@Path("id") String id, @Query("secretish") String extra);

        @DELETE("v1/things/{id}")
        Exchange<Void> delete(@Path("id") String id);
    }

    static final VendorErrors ERRORS = new VendorErrors() {
        @Override
        public VendorException fromHttpError(int status, Headers headers, String body) {
            return new dev.convene.VendorUnavailableException(new VendorError("toy", status, "", body, null, null));
        }

        @Override
        public VendorException fromBody(int status, Headers headers, Object body) {
            return null;
        }
    };

    final MockWebServer server = new MockWebServer();
    final TestClock clock = new TestClock(Instant.parse("2030-01-01T00:00:00Z"));
    final Redactor redactor = new Redactor();
    final ProviderContext context = new ProviderContext("scripted", new ProviderConfig("scripted", Map.of()),
            HttpRoot.client(HttpRoot.Settings.DEFAULT), clock, new InMemoryTokenStore(), redactor);
    final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    final List<Long> calls = Collections.synchronizedList(new ArrayList<>());

    /** Notes what it hears as text, for the assertions to read in order. */
    final SessionListener recorder = new SessionListener() {
        @Override
        public void onStart(SessionEvent event) {
            calls.add(event.call());
            heard.add("start " + event.operation() + " " + event.attempt());
        }

        @Override
        public void onSuccess(SessionEvent event) {
            calls.add(event.call());
            heard.add("success");
        }

        @Override
        public void onFailure(SessionEvent event, ConveneException error) {
            calls.add(event.call());
            heard.add("failure " + error.getClass().getSimpleName());
        }

        @Override
        public HttpAttempt.Listener onHttpAttempt(HttpAttempt a) {
            calls.add(a.call());
            String sent = a.method() + " " + a.pathTemplate() + " #" + a.number() + " " + a.provider() + " " + a.operation() + " " + a.kind()
                    + " " + a.host();
            return (status, duration, error) -> heard.add(sent + " -> " + status + (error == null ? "" : " " + error.getClass().getSimpleName()));
        }

        @Override
        public void onTokenFetch(TokenFetch fetch) {
            calls.add(fetch.call());
            heard.add("token " + fetch.provider() + (fetch.error() == null ? "" : " " + fetch.error().getClass().getSimpleName()));
        }
    };

    /** Throws from every hook: the calls must not notice. */
    final SessionListener thrower = new SessionListener() {
        @Override
        public void onStart(SessionEvent event) {
            throw new IllegalStateException("listener broke");
        }

        @Override
        public HttpAttempt.Listener onHttpAttempt(HttpAttempt attempt) {
            if (attempt.number() > 1) {
                throw new IllegalStateException("listener broke");
            }
            return (status, duration, error) -> {
                throw new IllegalStateException("listener broke");
            };
        }

        @Override
        public void onTokenFetch(TokenFetch fetch) {
            throw new IllegalStateException("listener broke");
        }
    };

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    /** A vendor whose cancel reads the thing first, then deletes it; tokens travel in a header, "rejected" means a new one. */
    SessionService service(RetryPolicy retry) {
        Api api = ProviderHttp.endpoints(Api.class, context, server.url("/base").toString(), new Moshi.Builder().build(), ERRORS,
                endpoints -> new TokenInterceptor(new TokenCache(context.tokenStore(), TokenKey.of("scripted", server.url("/").toString()),
                        () -> {
                            Map<String, Object> answer = endpoints.token().execute();
                            return new AccessToken((String) answer.get("token"), clock.instant().plusSeconds(7200));
                        }, clock, Duration.ofMinutes(5), redactor)) {
                    @Override
                    protected Request authorize(Request request, AccessToken token) {
                        return request.newBuilder().header("Authorization", "Bearer " + token.value()).build();
                    }

                    @Override
                    protected boolean tokenRejected(Response response) throws IOException {
                        return response.code() == 401;
                    }
                });
        VendorClient client = new VendorClient() {
            @Override
            public Exchange<Session> create(SessionDraft draft) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Exchange<Session> get(SessionId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Exchange<Session> update(SessionId id, SessionUpdate update) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Exchange<Void> cancel(SessionId id) {
                return api.get(id.nativeId(), "s3cr3t-value").then(thing -> api.delete(id.nativeId()));
            }

            @Override
            public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
                throw new UnsupportedOperationException();
            }

            @Override
            public String defaultOrganizer() {
                return "me";
            }
        };
        return new DefaultSessionService("scripted", ScriptedProvider.CAPABILITIES, client, clock, retry,
                delay -> CompletableFuture.completedFuture(null), List.of(thrower, recorder), redactor, null, List.of(), null);
    }

    final SessionId thing = SessionId.of("scripted", SessionKind.MEETING, "4711");

    @Test
    void blockingCallTellsTokenFetchAndEveryRequestByTemplate() {
        String host = server.getHostName();
        server.enqueue(new MockResponse().setBody("{\"token\":\"tok-1-abcdef\"}"));
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        service(RetryPolicy.NONE).cancel(thing);

        assertThat(heard).containsExactly(
                "start CANCEL 1",
                "GET /base/oauth/token #1 scripted CANCEL MEETING " + host + " -> 200",
                "token scripted",
                "GET /base/v1/things/{id} #1 scripted CANCEL MEETING " + host + " -> 200",
                "DELETE /base/v1/things/{id} #1 scripted CANCEL MEETING " + host + " -> 204",
                "success");
        assertThat(calls).containsOnly(calls.get(0));
    }

    @Test
    void retriesAndFreshTokenResendsCountOnAndErrorsAreTold() {
        String host = server.getHostName();
        server.enqueue(new MockResponse().setBody("{\"token\":\"tok-1-abcdef\"}"));
        server.enqueue(new MockResponse().setResponseCode(503).setBody("busy"));
        server.enqueue(new MockResponse().setResponseCode(401));
        server.enqueue(new MockResponse().setBody("{\"token\":\"tok-2-abcdef\"}"));
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        service(new RetryPolicy(3, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO)).cancel(thing);

        assertThat(heard).containsExactly(
                "start CANCEL 1",
                "GET /base/oauth/token #1 scripted CANCEL MEETING " + host + " -> 200",
                "token scripted",
                "GET /base/v1/things/{id} #1 scripted CANCEL MEETING " + host + " -> 503",
                "start CANCEL 2",
                "GET /base/v1/things/{id} #2 scripted CANCEL MEETING " + host + " -> 401",
                "GET /base/oauth/token #1 scripted CANCEL MEETING " + host + " -> 200",
                "token scripted",
                "GET /base/v1/things/{id} #3 scripted CANCEL MEETING " + host + " -> 200",
                "DELETE /base/v1/things/{id} #2 scripted CANCEL MEETING " + host + " -> 0 IOException",
                "start CANCEL 3",
                "GET /base/v1/things/{id} #3 scripted CANCEL MEETING " + host + " -> 200",
                "DELETE /base/v1/things/{id} #3 scripted CANCEL MEETING " + host + " -> 204",
                "success");
    }

    @Test
    void nonBlockingCallIsToldTheSameOnOkHttpsThreads() throws Exception {
        String host = server.getHostName();
        server.enqueue(new MockResponse().setBody("{\"token\":\"tok-1-abcdef\"}"));
        server.enqueue(new MockResponse().setBody("{}"));
        server.enqueue(new MockResponse().setResponseCode(204));
        service(RetryPolicy.NONE).cancelAsync(thing).get(10, TimeUnit.SECONDS);

        assertThat(heard).containsExactly(
                "start CANCEL 1",
                "GET /base/oauth/token #1 scripted CANCEL MEETING " + host + " -> 200",
                "token scripted",
                "GET /base/v1/things/{id} #1 scripted CANCEL MEETING " + host + " -> 200",
                "DELETE /base/v1/things/{id} #1 scripted CANCEL MEETING " + host + " -> 204",
                "success");
        assertThat(calls).containsOnly(calls.get(0));
    }

    @Test
    void requestsOutsideACallAndServicesWithoutListenersAreNotTagged() throws Exception {
        server.enqueue(new MockResponse().setBody("{\"token\":\"tok-1-abcdef\"}"));
        server.enqueue(new MockResponse().setBody("{}"));
        Api api = ProviderHttp.endpoints(Api.class, ProviderHttp.client(context), server.url("/").toString(), new Moshi.Builder().build(), ERRORS);
        api.token().execute();
        api.get("1", null).execute();
        assertThat(heard).isEmpty();
    }
}
