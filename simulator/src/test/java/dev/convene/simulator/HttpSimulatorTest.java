package dev.convene.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSimulatorTest {
    /** A vendor that counts creates, so tests can tell whether a faulted request was applied. */
    static final class CountingVendor extends HttpSimulator {
        final List<String> created = new ArrayList<>();

        CountingVendor(SimulatorOptions options) {
            super("counting", options);
        }

        private final Routes<String> routes = new Routes<String>()
                .add("POST", "/x", Operation.CREATE, "create")
                .add("GET", "/x", Operation.GET, "get");

        @Override
        protected Routes<String> routes() {
            return routes;
        }

        @Override
        protected SimResponse handle(RecordedRequest request) {
            if (request.operation() == Operation.CREATE) {
                created.add(request.bodyText());
            }
            return SimResponse.json(200, "{\"count\":" + created.size() + ",\"padding\":\"xxxxxxxxxxxxxxxx\"}");
        }

        @Override
        protected SimResponse faultResponse(FaultKind kind, RecordedRequest request) {
            return SimResponse.json(kind == FaultKind.RATE_LIMITED ? 429 : 503, "{\"fault\":\"" + kind + "\"}");
        }

        @Override public Map<String, String> properties() { return Map.of(); }
        @Override public Map<String, String> propertiesWithBadCredentials() { return Map.of(); }
        @Override public List<StoredSession> sessions() { return List.of(); }
        @Override public void revokeTokens() { }
        @Override public void expireTokens() { }
    }

    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final CountingVendor vendor = new CountingVendor(SimulatorOptions.defaults().withClock(clock));
    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        vendor.close();
    }

    HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(vendor.baseUrl() + "/x?a=b%40c"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void recordsRawRequestsWithTheirOperationAndClockTime() throws Exception {
        post("{\"n\":1}");
        RecordedRequest r = vendor.requests().get(0);
        assertThat(r.rawUri()).isEqualTo("/x?a=b%40c");
        assertThat(r.query("a")).contains("b@c");
        assertThat(r.bodyText()).isEqualTo("{\"n\":1}");
        assertThat(r.operation()).isEqualTo(Operation.CREATE);
        assertThat(r.receivedAt()).isEqualTo(clock.instant());
        assertThat(r.header("content-length")).contains("7");
    }

    @Test
    void dropAfterApplyLosesTheAnswerButKeepsTheEffect() {
        vendor.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        assertThatThrownBy(() -> post("{}")).isInstanceOf(IOException.class);
        assertThat(vendor.created).hasSize(1);
    }

    @Test
    void dropBeforeReadHasNoEffect() {
        vendor.faults().inject(FaultKind.DROP_BEFORE_READ, 1, Operation.CREATE);
        assertThatThrownBy(() -> post("{}")).isInstanceOf(IOException.class);
        assertThat(vendor.created).isEmpty();
        assertThat(vendor.requests()).hasSize(1);
    }

    @Test
    void vendorFaultsDoNotTouchStateAndAreConsumedInOrder() throws Exception {
        vendor.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE).inject(FaultKind.SERVER_ERROR, 1);
        assertThat(post("{}").statusCode()).isEqualTo(429);
        assertThat(post("{}").statusCode()).isEqualTo(503);
        assertThat(post("{}").statusCode()).isEqualTo(200);
        assertThat(vendor.created).hasSize(1);
        assertThat(vendor.faults().pending()).isZero();
    }

    @Test
    void malformedAndTruncatedBodiesAreNotJson() throws Exception {
        vendor.faults().inject(FaultKind.MALFORMED_JSON, 1).inject(FaultKind.TRUNCATED_JSON, 1);
        assertThat(post("{}").body()).startsWith("<html>");
        String truncated = post("{}").body();
        assertThat(truncated).startsWith("{\"count\":1").doesNotEndWith("}");
        assertThat(vendor.created).hasSize(1);
    }

    @Test
    void faultsOnlyHitTheOperationsNamed() throws Exception {
        vendor.faults().inject(FaultKind.SERVER_ERROR, 1, Operation.GET);
        assertThat(post("{}").statusCode()).isEqualTo(200);
        assertThat(vendor.faults().pending()).isEqualTo(1);
    }
}
