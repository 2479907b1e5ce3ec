package dev.convene.internal;

import dev.convene.ConveneException;
import dev.convene.SessionEvent;
import dev.convene.SessionListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service's {@link SessionListener}s, told of each observed call: its attempts, retries and how it ended. Every
 * call that began ends in exactly one success or failure for them. Events are built only when someone listens:
 * most services have no listener, and every call would pay for them.
 */
final class Listeners {
    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

    private final String provider;
    private final List<SessionListener> listeners;

    Listeners(String provider, List<SessionListener> listeners) {
        this.provider = provider;
        this.listeners = List.copyOf(listeners);
    }

    /** What one call tells its listeners; {@link #NONE} for a call nobody hears of. */
    final class Told {
        private final VendorCall<?> call;
        private final long id = CallScope.newCall();
        private final long started = System.nanoTime();

        private Told(VendorCall<?> call) {
            this.call = call;
        }

        void start(int attempt) {
            SessionEvent event = event(attempt);
            fire(l -> l.onStart(event));
        }

        void success(int attempt) {
            SessionEvent event = event(attempt);
            fire(l -> l.onSuccess(event));
        }

        void failure(int attempt, ConveneException error) {
            SessionEvent event = event(attempt);
            fire(l -> l.onFailure(event, error));
        }

        void retry(int attempt, ConveneException error, Duration delay) {
            SessionEvent event = event(attempt);
            fire(l -> l.onRetry(event, error, delay));
        }

        /** What an attempt's HTTP requests and token fetches are told to listeners under. */
        CallScope scope(int attempt) {
            return new CallScope(id, provider, call.operation(), call.kind(), attempt, listeners);
        }

        private SessionEvent event(int attempt) {
            return new SessionEvent(provider, call.operation(), call.kind(), attempt, Duration.ofNanos(System.nanoTime() - started), id);
        }
    }

    /** The listeners' view of {@code call}: {@code null} when nobody hears of it (no listener, or a credential check). */
    Told of(VendorCall<?> call) {
        return listeners.isEmpty() || !call.observed() ? null : new Told(call);
    }

    private void fire(Consumer<SessionListener> action) {
        for (SessionListener l : listeners) {
            try {
                action.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a SessionListener threw and was ignored: {}", e.toString());
            }
        }
    }
}
