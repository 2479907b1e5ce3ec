package dev.convene.micrometer;

import dev.convene.ConveneException;
import dev.convene.HttpAttempt;
import dev.convene.RateLimitedException;
import dev.convene.SessionEvent;
import dev.convene.SessionListener;
import dev.convene.TokenFetch;
import dev.convene.micrometer.internal.Conventions;
import dev.convene.micrometer.internal.HttpAttemptContext;
import dev.convene.micrometer.internal.OperationContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Metrics and traces of a {@code SessionService}, through Micrometer: register it with
 * {@code Convene.builder().listener(...)}.
 *
 * <ul>
 *   <li>{@value #OPERATIONS}: one observation per call, however many attempts it took; low-cardinality tags
 *       {@code provider}, {@code operation}, {@code kind} ({@code any} for a list over every kind), {@code outcome}
 *       ({@code success}, {@code failure}, or {@code unknown} for a write that may have happened) and
 *       {@code error.type} (the exception's simple name, {@code none}).</li>
 *   <li>{@value #HTTP_REQUESTS}: one observation per HTTP request sent, a child of its call's, retries and resends
 *       with a fresh token included; tags {@code method}, {@code uri} (the endpoint's path template, such as
 *       {@code /v2/users/{userId}/meetings}: never a URL with its ids, query or token), {@code status},
 *       {@code client.name} (the vendor's host), {@code exception}, {@code outcome}; on spans also OpenTelemetry's
 *       stable attributes ({@code http.request.method}, {@code url.template}, {@code server.address},
 *       {@code http.response.status_code}, {@code error.type}, {@code http.request.resend_count}).</li>
 *   <li>{@value #TOKEN_FETCHES}: a timer of the access tokens asked of a vendor, by {@code provider},
 *       {@code outcome} and {@code error.type}; {@value #RATE_LIMITED}: a counter of the vendor's rate-limit answers,
 *       by {@code provider}, {@code operation} and {@code source} ({@code vendor}). Both need a {@link MeterRegistry}.</li>
 * </ul>
 *
 * The observations become timers through the registry's handlers (Spring Boot adds one; {@link #of(MeterRegistry)}
 * does for plain Java) and spans where a tracer is registered. No tag holds a credential, a token, a URL or a
 * session's content.
 */
public final class ConveneObservations implements SessionListener {
    /** The name of the per-call observation. */
    public static final String OPERATIONS = "convene.operations";
    /** The name of the per-request observation. */
    public static final String HTTP_REQUESTS = "http.client.requests";
    /** The name of the token-fetch timer. */
    public static final String TOKEN_FETCHES = "convene.token.fetches";
    /** The name of the rate-limit counter. */
    public static final String RATE_LIMITED = "convene.rate.limited";

    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    private record Running(Observation observation, OperationContext context) {
    }

    /**
     * Observations in {@code observations} (its handlers make timers and spans of them) and the token and
     * rate-limit meters in {@code meters}.
     *
     * @param meters where token fetches and rate limits are counted; {@code null}: they are not
     * @throws NullPointerException if {@code observations} is null
     */
    public ConveneObservations(ObservationRegistry observations, MeterRegistry meters) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.meters = meters;
    }

    /**
     * For an application without Micrometer's observation set up: every observation becomes a timer in
     * {@code meters}, no span.
     *
     * @throws NullPointerException if {@code meters} is null
     */
    public static ConveneObservations of(MeterRegistry meters) {
        Objects.requireNonNull(meters, "meters");
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return new ConveneObservations(observations, meters);
    }

    @Override
    public void onStart(SessionEvent event) {
        if (event.attempt() > 1) {
            Running call = running.get(event.call());
            if (call != null) {
                call.context().attempts(event.attempt());
            }
            return;
        }
        OperationContext context = new OperationContext(event.provider(), event.operation(), event.kind());
        Observation observation = Observation.createNotStarted(null, Conventions.OPERATIONS, () -> context, observations).start();
        running.put(event.call(), new Running(observation, context));
    }

    @Override
    public void onSuccess(SessionEvent event) {
        Running call = running.remove(event.call());
        if (call != null) {
            call.observation().stop();
        }
    }

    @Override
    public void onFailure(SessionEvent event, ConveneException error) {
        countRateLimit(event, error);
        Running call = running.remove(event.call());
        if (call != null) {
            call.context().failure(error);
            call.observation().error(error);
            call.observation().stop();
        }
    }

    @Override
    public void onRetry(SessionEvent event, ConveneException error, Duration delay) {
        countRateLimit(event, error);
    }

    @Override
    public HttpAttempt.Listener onHttpAttempt(HttpAttempt attempt) {
        HttpAttemptContext context = new HttpAttemptContext(attempt);
        Observation observation = Observation.createNotStarted(null, Conventions.HTTP_REQUESTS, () -> context, observations);
        Running call = running.get(attempt.call());
        if (call != null) {
            observation.parentObservation(call.observation());
        }
        observation.start();
        return (status, duration, error) -> {
            context.ended(status, error);
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        };
    }

    @Override
    public void onTokenFetch(TokenFetch fetch) {
        if (meters == null) {
            return;
        }
        Timer.builder(TOKEN_FETCHES)
                .description("Access tokens asked of a vendor")
                .tag("provider", fetch.provider())
                .tag("outcome", fetch.error() == null ? "success" : "failure")
                .tag("error.type", fetch.error() == null ? "none" : fetch.error().getClass().getSimpleName())
                .register(meters)
                .record(fetch.duration());
    }

    private void countRateLimit(SessionEvent event, ConveneException error) {
        if (meters == null || !(error instanceof RateLimitedException limited)) {
            return;
        }
        Counter.builder(RATE_LIMITED)
                .description("Calls a rate limit held back or refused")
                .tag("provider", event.provider())
                .tag("operation", Conventions.lower(event.operation().name()))
                // convene: the account's budget held the call back before it was sent (convene.<provider>.rate-limits)
                .tag("source", limited.wasSent() ? "vendor" : "convene")
                .register(meters)
                .increment();
    }

    @Override
    public String toString() {
        return "ConveneObservations[" + running.size() + " calls running]";
    }
}
