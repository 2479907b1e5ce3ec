package dev.convene.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One attempt of a call, as its HTTP requests see it: whether any of them went out, and how to abandon the ones in
 * flight. Core opens it around an attempt; the endpoints' call factory tags every request made inside with it (only
 * for clients whose network interceptors tell it when a request leaves), the last interceptor before the wire marks
 * it sent, and an asynchronous request registers how to cancel itself.
 *
 * <p>This is how core knows that a write was <em>never sent</em> without reading an exception's message: a request
 * that failed before any of the attempt's requests reached the network (no connection, the account's budget, a
 * token that could not be had) leaves {@link #tracked()} true and {@link #sent()} false. A token fetch made for the
 * attempt is not part of it: its request is not the write.
 */
public final class Attempt {
    private static final ThreadLocal<Attempt> CURRENT = new ThreadLocal<>();

    private volatile boolean tracked;
    private volatile boolean sent;
    /** Guarded by {@link #cancels}, as is the step from not sent to sent. */
    private boolean abandoned;
    private final List<Runnable> cancels = new ArrayList<>(1);

    /** The attempt open on this thread, or {@code null}. */
    public static Attempt current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with {@code attempt} open on this thread ({@code null}: none), then puts back what was open. */
    public static <T, E extends Exception> T within(Attempt attempt, CallScope.Work<T, E> work) throws E {
        Attempt outer = CURRENT.get();
        if (outer == attempt) {
            return work.get();
        }
        set(attempt);
        try {
            return work.get();
        } finally {
            set(outer);
        }
    }

    /** {@link #within} for work that throws nothing checked. */
    public static <T> T around(Attempt attempt, Supplier<T> work) {
        return within(attempt, work::get);
    }

    private static void set(Attempt attempt) {
        if (attempt == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(attempt);
        }
    }

    /** A request of this attempt was made by a client that reports when it leaves. */
    public void track() {
        tracked = true;
    }

    /**
     * A request of this attempt is about to be written to a connection; false (and the request must not go) when
     * the attempt was abandoned first.
     */
    public boolean sending() {
        synchronized (cancels) {
            if (abandoned) {
                return false;
            }
            sent = true;
            return true;
        }
    }

    /** Whether the attempt's requests are reported as they leave; when not, nothing is known of {@link #sent()}. */
    public boolean tracked() {
        return tracked;
    }

    /** Whether any of the attempt's requests may have reached the vendor (true whenever that is not known). */
    public boolean mayHaveSent() {
        return !tracked || sent;
    }

    /** Whether a request of the attempt was known to leave. */
    public boolean sent() {
        return sent;
    }

    /** Runs {@code cancel} when the attempt is abandoned (at once if it was already). */
    public void onAbandon(Runnable cancel) {
        synchronized (cancels) {
            if (!abandoned) {
                cancels.add(cancel);
                return;
            }
        }
        cancel.run();
    }

    /**
     * Cancels what the attempt has in flight; from now on no request of it leaves. Returns whether one may have
     * left before (as {@link #mayHaveSent()}, decided at the same instant as the abandonment).
     */
    public boolean abandon() {
        List<Runnable> run;
        boolean mayHaveSent;
        synchronized (cancels) {
            mayHaveSent = mayHaveSent();
            if (abandoned) {
                return mayHaveSent;
            }
            abandoned = true;
            run = new ArrayList<>(cancels);
            cancels.clear();
        }
        run.forEach(Runnable::run);
        return mayHaveSent;
    }

    /** Whether the attempt was abandoned (its caller cancelled it). */
    public boolean abandoned() {
        synchronized (cancels) {
            return abandoned;
        }
    }
}
