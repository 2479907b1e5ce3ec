package dev.convene.spring.boot.internal;

import dev.convene.AuthenticationException;
import dev.convene.ConveneException;
import dev.convene.HttpAttempt;
import dev.convene.PermissionDeniedException;
import dev.convene.SessionEvent;
import dev.convene.SessionListener;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.TokenFetch;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What Actuator's health endpoint reports for Convene, learnt from the calls the application makes anyway: per
 * provider, the last token fetch and the last answer of the vendor. A probe never calls the vendor: only when
 * nothing was heard from a provider for {@code maxAge} does it start one credential check in the background (no
 * request at all where a valid token is held), whose outcome the next probes report. So Kubernetes probing every
 * few seconds spends no vendor quota.
 *
 * <p>Status: {@code DOWN} when the vendor refused the credentials (authentication or permission) or could not be
 * reached at the last call or token fetch; {@code UP} when it answered (a vendor's refusal of one request, such as
 * a session not found, says the account works); {@code UNKNOWN} before anything was heard.
 */
public final class HealthState implements SessionListener {
    /** The health's status, as Actuator names it. */
    public enum Status { UP, DOWN, UNKNOWN }

    /** The status and the details to show. */
    public record Report(Status status, Map<String, Object> details) {
    }

    private record Outcome(Instant at, String what, String outcome, String error, boolean down) {
        Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("at", at.toString());
            if (what != null) {
                d.put("operation", what);
            }
            d.put("outcome", outcome);
            if (error != null) {
                d.put("error", error);
            }
            return d;
        }
    }

    private static final class Provider {
        volatile Outcome token;
        volatile Outcome call;
        volatile int httpStatus = -1;
    }

    private final Clock clock;
    private final Duration maxAge;
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastCheck = new AtomicReference<>();
    private volatile Instant lastHeard;

    /** @param maxAge how long without a word from the vendor before a probe starts a background check */
    public HealthState(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public void onSuccess(SessionEvent event) {
        call(event.provider(), new Outcome(clock.instant(), lower(event.operation().name()), "success", null, false));
    }

    @Override
    public void onFailure(SessionEvent event, ConveneException error) {
        call(event.provider(), failure(lower(event.operation().name()), error));
    }

    @Override
    public HttpAttempt.Listener onHttpAttempt(HttpAttempt attempt) {
        return (status, duration, error) -> provider(attempt.provider()).httpStatus = status;
    }

    @Override
    public void onTokenFetch(TokenFetch fetch) {
        Outcome o = fetch.error() == null
                ? new Outcome(clock.instant(), null, "fetched", null, false)
                : failure(null, fetch.error());
        provider(fetch.provider()).token = o;
        lastHeard = o.at();
    }

    /**
     * The report for one probe; starts a background credential check of {@code sessions} (may be null) when nothing
     * was heard for {@code maxAge} and no check started within it.
     */
    public Report probe(SessionService sessions) {
        Instant now = clock.instant();
        Instant heard = lastHeard;
        if (sessions != null && (heard == null || heard.plus(maxAge).isBefore(now))) {
            Instant checked = lastCheck.get();
            if ((checked == null || checked.plus(maxAge).isBefore(now)) && lastCheck.compareAndSet(checked, now)) {
                check(sessions);
            }
        }
        return report();
    }

    private void check(SessionService sessions) {
        try {
            sessions.checkCredentialsAsync().whenComplete((ok, error) -> {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
                // with this state among the service's listeners the calls were heard already; without, record the outcome here
                for (String id : sessions.providers()) {
                    Provider p = provider(id);
                    if (p.call == null || p.call.at().isBefore(lastCheck.get())) {
                        call(id, cause == null
                                ? new Outcome(clock.instant(), "check_credentials", "success", null, false)
                                : failure("check_credentials", cause));
                    }
                }
            });
        } catch (RuntimeException e) {
            // a closed service: nothing to check
        }
    }

    /** The status and details now, without calling anything. */
    public Report report() {
        Map<String, Object> details = new TreeMap<>();
        Status overall = Status.UNKNOWN;
        for (Map.Entry<String, Provider> e : new TreeMap<>(providers).entrySet()) {
            Provider p = e.getValue();
            Map<String, Object> d = new LinkedHashMap<>();
            Outcome token = p.token;
            Outcome call = p.call;
            Outcome latest = latest(token, call);
            Status status = latest == null ? Status.UNKNOWN : latest.down() ? Status.DOWN : Status.UP;
            d.put("status", status.name());
            if (token != null) {
                d.put("token", token.details());
            }
            if (call != null) {
                d.put("lastCall", call.details());
            }
            if (p.httpStatus >= 0) {
                d.put("lastHttpStatus", p.httpStatus);
            }
            details.put(e.getKey(), d);
            overall = worse(overall, status);
        }
        return new Report(overall, details);
    }

    private static Outcome latest(Outcome a, Outcome b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.at().isAfter(b.at()) ? a : b;
    }

    private static Status worse(Status a, Status b) {
        if (a == Status.DOWN || b == Status.DOWN) {
            return Status.DOWN;
        }
        return a == Status.UP || b == Status.UP ? Status.UP : Status.UNKNOWN;
    }

    private void call(String provider, Outcome outcome) {
        provider(provider).call = outcome;
        lastHeard = outcome.at();
    }

    private Provider provider(String id) {
        return providers.computeIfAbsent(id, k -> new Provider());
    }

    private Outcome failure(String what, Throwable error) {
        // refused credentials or no vendor: the account cannot work; any other refusal is an answer about one request
        boolean down = error instanceof AuthenticationException || error instanceof PermissionDeniedException
                || error instanceof VendorUnavailableException
                || (error instanceof SessionOutcomeUnknownException);
        String outcome = error instanceof VendorException || error instanceof SessionOutcomeUnknownException ? "failure" : "error";
        return new Outcome(clock.instant(), what, outcome, error.getClass().getSimpleName(), down);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "HealthState[" + providers.keySet() + "]";
    }
}
