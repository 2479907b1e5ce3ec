package dev.convene.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Convene;
import dev.convene.RateLimitedException;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Micrometer records for a create, a retried read and failed writes against the Zoom simulator: timers with
 * their low-cardinality tags, spans with OpenTelemetry's attributes and their parents, and no secret anywhere.
 */
class ObservationTest {
    static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");

    final SettableClock clock = new SettableClock(NOW);
    final ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).withDailyLimits(false));
    final MeterRegistry meters = new SimpleMeterRegistry();
    final SimpleTracer tracer = new SimpleTracer();
    final SessionService sessions;

    ObservationTest() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig()
                .observationHandler(new DefaultMeterObservationHandler(meters))
                .observationHandler(new DefaultTracingObservationHandler(tracer));
        sessions = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false).clock(clock)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(5)))
                .listener(new ConveneObservations(observations, meters))
                .build();
    }

    @AfterEach
    void close() {
        sessions.close();
        sim.close();
    }

    SessionDraft draft(String title) {
        return SessionDraft.builder(SessionKind.MEETING).title(title).start(NOW.plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30)).build();
    }

    @Test
    void aCreateARetriedReadAndFailedWrites() {
        Session created = sessions.create(draft("Observed"));

        sim.faults().inject(FaultKind.SERVER_ERROR, 1, Operation.GET);
        assertThat(sessions.get(created.id()).title()).isEqualTo("Observed");

        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE);
        assertThatThrownBy(() -> sessions.create(draft("Refused"))).isInstanceOf(RateLimitedException.class);

        sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        assertThatThrownBy(() -> sessions.create(draft("Lost answer"))).isInstanceOf(SessionOutcomeUnknownException.class);

        // convene.operations: one timer per call, the retried read counted once
        assertThat(operation("create", "success", "none").count()).isEqualTo(1);
        // two gets: core's read after the create (Zoom's create answer names the host by e-mail only) and the retried read
        assertThat(operation("get", "success", "none").count()).isEqualTo(2);
        assertThat(operation("create", "failure", "RateLimitedException").count()).isEqualTo(1);
        assertThat(operation("create", "unknown", "SessionOutcomeUnknownException").count()).isEqualTo(1);
        assertThat(meters.find("convene.operations").timers()).hasSize(4);
        assertThat(meters.get("convene.operations").tag("provider", "zoom").tag("kind", "meeting").timers()).hasSize(4);

        // http.client.requests: the token, the creates and reads by their templates, the failed read as its own request
        String host = sim.baseUrl().getHost();
        assertThat(request("POST", "/oauth/token", "200").count()).isEqualTo(1);
        assertThat(request("POST", "/v2/users/{userId}/{collection}", "201").count()).isEqualTo(1);
        assertThat(request("POST", "/v2/users/{userId}/{collection}", "429").count()).isEqualTo(1);
        assertThat(request("POST", "/v2/users/{userId}/{collection}", "IO_ERROR").count()).isEqualTo(1);
        assertThat(request("GET", "/v2/{collection}/{id}", "500").count()).isEqualTo(1);
        assertThat(request("GET", "/v2/{collection}/{id}", "200").count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("http.client.requests").tag("client.name", host).timers()).isNotEmpty();
        assertThat(meters.get("http.client.requests").tag("status", "500").timer().getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
        Set<Set<String>> keySets = meters.find("http.client.requests").timers().stream()
                .map(t -> t.getId().getTags().stream().map(Tag::getKey).collect(Collectors.toSet())).collect(Collectors.toSet());
        // Spring's HTTP clients' keys (the meter handler adds "error"): one meter name, one key set, as Prometheus requires
        assertThat(keySets).containsExactly(Set.of("method", "uri", "status", "client.name", "exception", "outcome", "error"));

        // token fetches and rate limits
        assertThat(meters.get("convene.token.fetches").tag("provider", "zoom").tag("outcome", "success").timer().count()).isEqualTo(1);
        assertThat(meters.get("convene.rate.limited").tag("provider", "zoom").tag("operation", "create").tag("source", "vendor")
                .counter().count()).isEqualTo(1);

        // spans: the read's two requests are children of its operation, the second with resend_count 1
        SimpleSpan read = spans().stream().filter(s -> s.getName().equals("convene get meeting")
                && "2".equals(s.getTags().get("convene.attempts"))).findFirst().orElseThrow();
        assertThat(read.getTags()).containsEntry("outcome", "success").containsEntry("convene.attempts", "2");
        List<SimpleSpan> readRequests = children(read);
        assertThat(readRequests).extracting(SimpleSpan::getName).containsOnly("GET /v2/{collection}/{id}");
        assertThat(readRequests).extracting(s -> s.getTags().get("http.response.status_code")).containsExactly("500", "200");
        assertThat(readRequests.get(0).getTags()).doesNotContainKey("http.request.resend_count").containsEntry("error.type", "500");
        assertThat(readRequests.get(1).getTags()).containsEntry("http.request.resend_count", "1")
                .containsEntry("http.request.method", "GET").containsEntry("url.template", "/v2/{collection}/{id}")
                .containsEntry("server.address", host);

        SimpleSpan create = spans().stream().filter(s -> s.getName().equals("convene create meeting")
                && "success".equals(s.getTags().get("outcome"))).findFirst().orElseThrow();
        assertThat(children(create)).extracting(SimpleSpan::getName).contains("POST /oauth/token", "POST /v2/users/{userId}/{collection}");

        SimpleSpan refused = spans().stream().filter(s -> "RateLimitedException".equals(s.getTags().get("error.type"))).findFirst().orElseThrow();
        assertThat(refused.getError()).isInstanceOf(RateLimitedException.class);
        assertThat(refused.getTags()).containsEntry("convene.vendor.status", "429").containsEntry("convene.attempts", "1");
        SimpleSpan lost = spans().stream().filter(s -> "unknown".equals(s.getTags().get("outcome"))).findFirst().orElseThrow();
        assertThat(children(lost)).singleElement().satisfies(s -> {
            assertThat(s.getTags()).containsEntry("status", "IO_ERROR").doesNotContainKey("http.response.status_code");
            assertThat(s.getTags().get("error.type")).startsWith("java.");
        });

        assertNoSecretIn(created);
    }

    /** Neither the credentials, the token, a session's id nor any URL reaches a tag or a span name. */
    private void assertNoSecretIn(Session created) {
        List<String> values = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            values.add(meter.getId().getName());
            meter.getId().getTags().forEach(t -> values.add(t.getValue()));
        }
        for (SimpleSpan span : spans()) {
            values.add(span.getName());
            values.addAll(span.getTags().values());
        }
        String token = sim.requests(Operation.CREATE).stream().map(r -> r.header("Authorization").orElseThrow()).findFirst().orElseThrow()
                .substring("Bearer ".length());
        assertThat(token).hasSizeGreaterThan(10);
        assertThat(values).isNotEmpty().allSatisfy(v -> assertThat(v)
                .doesNotContain(ZoomSimulator.CLIENT_SECRET, ZoomSimulator.CLIENT_ID, ZoomSimulator.PRIMARY_ACCOUNT_ID, token,
                        created.id().nativeId(), "?", "://", "Bearer", "Basic"));
    }

    private Timer operation(String operation, String outcome, String errorType) {
        return meters.get("convene.operations").tag("operation", operation).tag("outcome", outcome).tag("error.type", errorType).timer();
    }

    private Timer request(String method, String uri, String status) {
        return meters.get("http.client.requests").tag("method", method).tag("uri", uri).tag("status", status).timer();
    }

    private List<SimpleSpan> spans() {
        return new ArrayList<>(tracer.getSpans());
    }

    private SimpleSpan span(String name) {
        return spans().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                "no span " + name + " in " + spans().stream().map(SimpleSpan::getName).toList()));
    }

    private List<SimpleSpan> children(SimpleSpan parent) {
        return spans().stream().filter(s -> parent.getSpanId().equals(s.getParentId()))
                .sorted(java.util.Comparator.comparing(SimpleSpan::getStartTimestamp)).toList();
    }
}
