package dev.convene.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox alone, with a channel that signs nothing: when it sends, what it sends again, when it gives up. */
class EventPushTest {
    private static final Duration AWAIT = Duration.ofSeconds(10);

    /** Checks by echo, seals by wrapping, retries after 1 and 2 minutes. */
    static final class PlainChannel implements EventChannel {
        @Override
        public Check check(Instant now) {
            Request request = new Request("GET", Map.of("echo", "ping"), Map.of(), null);
            return new Check() {
                @Override
                public Request request() {
                    return request;
                }

                @Override
                public boolean passes(HttpResponse<String> answer) {
                    return answer.statusCode() == 200 && answer.body().equals("ping");
                }
            };
        }

        @Override
        public Request deliver(String sealed, Instant now) {
            return new Request("POST", Map.of("at", Long.toString(now.getEpochSecond())), Map.of("Content-Type", "text/plain"),
                    sealed.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String seal(String payload) {
            return "[" + payload + "]";
        }

        @Override
        public String sample(String vendorEvent, String nativeId, Instant at) {
            return vendorEvent + ":" + nativeId;
        }

        @Override
        public List<Duration> retries() {
            return List.of(Duration.ofMinutes(1), Duration.ofMinutes(2));
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(2);
        }

        @Override
        public Map<String, String> receiverProperties() {
            return Map.of();
        }
    }

    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final EventPush push = new EventPush("plain", new PlainChannel(), clock);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/hook", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    if (exchange.getRequestMethod().equals("GET")) {
                        byte[] echo = "ping".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, echo.length);
                        exchange.getResponseBody().write(echo);
                        return;
                    }
                    int status = failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
                    if (status == 204) {
                        received.add(exchange.getRequestURI().getRawQuery() + " " + body);
                    }
                    exchange.sendResponseHeaders(status, -1);
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        push.close();
        server.stop(0);
    }

    @Test
    void nothingIsPushedBeforeAUrlIsRegistered() {
        push.push("changed", "1", "before");
        push.register(url());
        push.push("changed", "2", "after");
        push.await(AWAIT);

        assertThat(received).containsExactly("at=1893456000 [after]");
        assertThat(push.events()).singleElement().satisfies(e -> {
            assertThat(e.nativeId()).isEqualTo("2");
            assertThat(e.state()).isEqualTo(PushedEvent.State.DELIVERED);
            assertThat(e.attempts()).extracting(PushedEvent.Attempt::status).containsExactly(204);
        });
    }

    @Test
    void aUrlWhoseCheckFailsIsRefused() {
        assertThatThrownBy(() -> push.register(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/elsewhere")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("URL check").hasMessageContaining("404");
        push.push("changed", "1", "x");
        push.await(AWAIT);
        assertThat(push.events()).isEmpty();
    }

    @Test
    void aFailedDeliveryIsSentAgainOnlyWhenTheSimulatorsClockReachesTheRetry() {
        push.register(url());
        failing.set(2);
        push.push("changed", "1", "x");
        push.await(AWAIT);
        assertThat(push.events().get(0).state()).isEqualTo(PushedEvent.State.PENDING);

        clock.advance(Duration.ofSeconds(59));
        push.await(AWAIT);
        assertThat(push.events().get(0).attempts()).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        push.await(AWAIT);
        assertThat(push.events().get(0).attempts()).extracting(PushedEvent.Attempt::status).containsExactly(500, 500);

        clock.advance(Duration.ofMinutes(2));
        push.await(AWAIT);
        PushedEvent e = push.events().get(0);
        assertThat(e.state()).isEqualTo(PushedEvent.State.DELIVERED);
        assertThat(e.attempts()).extracting(PushedEvent.Attempt::status).containsExactly(500, 500, 204);
        assertThat(received).as("sealed once, signed at each attempt's time").containsExactly("at=1893456180 [x]");
    }

    @Test
    void afterTheLastRetryTheEventIsDropped() {
        push.register(url());
        failing.set(10);
        push.push("changed", "1", "x");
        for (Duration wait : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(10))) {
            clock.advance(wait);
            push.await(AWAIT);
        }
        assertThat(push.events().get(0).state()).isEqualTo(PushedEvent.State.DROPPED);
        assertThat(push.events().get(0).attempts()).hasSize(3);
        assertThat(received).isEmpty();
    }
}
