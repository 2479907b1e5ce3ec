package dev.convene.internal;

import dev.convene.HttpAttempt;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.TokenFetch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attempt of a call that is running on this thread, for its listeners to hear of its HTTP requests and token
 * fetches. Core opens it around an attempt; a request made inside carries it as a tag to the thread that sends it,
 * which opens it again there (so that a token fetched inside the request's interceptors belongs to the call too),
 * and an asynchronous answer opens it while the call's next step is chained. Services without listeners open none,
 * and nothing is then tagged or told.
 */
public final class CallScope {
    private static final Logger LOG = LoggerFactory.getLogger(CallScope.class);
    private static final ThreadLocal<CallScope> CURRENT = new ThreadLocal<>();
    private static final AtomicLong CALLS = new AtomicLong();

    private final long call;
    private final String provider;
    private final Operation operation;
    private final SessionKind kind;
    private final int attempt;
    private final List<SessionListener> listeners;

    public CallScope(long call, String provider, Operation operation, SessionKind kind, int attempt, List<SessionListener> listeners) {
        this.call = call;
        this.provider = provider;
        this.operation = operation;
        this.kind = kind;
        this.attempt = attempt;
        this.listeners = listeners;
    }

    /** A number for a new call, distinct from every other of this JVM. */
    public static long newCall() {
        return CALLS.incrementAndGet();
    }

    /** The scope open on this thread, or {@code null}. */
    public static CallScope current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with {@code scope} open on this thread ({@code null}: none), then puts back what was open. */
    public static <T, E extends Exception> T within(CallScope scope, Work<T, E> work) throws E {
        CallScope outer = CURRENT.get();
        if (outer == scope) {
            return work.get();
        }
        set(scope);
        try {
            return work.get();
        } finally {
            set(outer);
        }
    }

    /** Work that may throw {@code E} (an I/O error, or nothing checked). */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T get() throws E;
    }

    private static void set(CallScope scope) {
        if (scope == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(scope);
        }
    }

    /** The scope for requests made while one of this call's requests is sent (a token fetch): their first send is 1. */
    public CallScope nested() {
        return attempt == 1 ? this : new CallScope(call, provider, operation, kind, 1, listeners);
    }

    /**
     * Tells the listeners that a request goes out, its {@code resends}-th resend within the current attempt;
     * what comes back is to be told how it ended (never null, never throws).
     */
    public HttpAttempt.Listener httpAttempt(String method, String pathTemplate, String host, int resends) {
        HttpAttempt event = new HttpAttempt(call, provider, operation, kind, method, pathTemplate, host, attempt + resends);
        List<HttpAttempt.Listener> ends = new ArrayList<>(1);
        for (SessionListener l : listeners) {
            try {
                HttpAttempt.Listener end = l.onHttpAttempt(event);
                if (end != null) {
                    ends.add(end);
                }
            } catch (RuntimeException | LinkageError e) {
                ignored(e);
            }
        }
        return (status, duration, error) -> {
            for (HttpAttempt.Listener end : ends) {
                try {
                    end.onEnd(status, duration, error);
                } catch (RuntimeException | LinkageError e) {
                    ignored(e);
                }
            }
        };
    }

    /** Tells the listeners that a token was fetched, or that fetching one failed. */
    public void tokenFetched(Duration duration, Throwable error) {
        TokenFetch fetch = new TokenFetch(call, provider, duration, error);
        for (SessionListener l : listeners) {
            try {
                l.onTokenFetch(fetch);
            } catch (RuntimeException | LinkageError e) {
                ignored(e);
            }
        }
    }

    private static void ignored(Throwable e) {
        LOG.warn("a SessionListener threw and was ignored: {}", e.toString());
    }
}
