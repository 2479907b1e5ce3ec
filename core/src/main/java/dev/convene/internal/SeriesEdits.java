package dev.convene.internal;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.spi.Exchange;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Checks, before an update is sent, the one rule for a series' start ({@link Validation#seriesEdit}) where it
 * needs the session as it is: one read (the service's own get) of a session of a kind that can recur, only when
 * the update moves its start or zone, or sets a rule, without giving start, zone and rule together.
 */
final class SeriesEdits {
    private final Capabilities capabilities;
    private final Function<SessionId, Session> get;
    private final Function<SessionId, CompletableFuture<Session>> getAsync;

    SeriesEdits(Capabilities capabilities, Function<SessionId, Session> get, Function<SessionId, CompletableFuture<Session>> getAsync) {
        this.capabilities = capabilities;
        this.get = get;
        this.getAsync = getAsync;
    }

    private boolean needsRead(SessionId id, SessionUpdate update) {
        return capabilities.supports(id.kind(), Feature.RECURRENCE) && Validation.needsCurrentForSeries(update);
    }

    /** @throws InvalidSessionException when the update would move a series off its rule's days */
    void check(SessionId id, SessionUpdate update) {
        if (needsRead(id, update)) {
            refuse(Validation.seriesEdit(get.apply(id), update));
        }
    }

    /**
     * The update {@code send} starts, once the rule holds: at once when no read is needed, else after the read; a
     * refusal fails the result with {@link InvalidSessionException} and nothing is sent. Cancelling the result
     * gives up the read, or the update as its own future allows.
     */
    CompletableFuture<Session> checkAsync(SessionId id, SessionUpdate update, Supplier<CompletableFuture<Session>> send) {
        if (!needsRead(id, update)) {
            return send.get();
        }
        StepFuture<Session> out = new StepFuture<>();
        CompletableFuture<Session> read = getAsync.apply(id);
        out.step(read);
        read.whenComplete((current, error) -> {
            if (error != null) {
                out.completeExceptionally(Exchange.unwrap(error));
                return;
            }
            List<Violation> violations = Validation.seriesEdit(current, update);
            if (!violations.isEmpty()) {
                out.completeExceptionally(new InvalidSessionException(violations));
            } else if (!out.isDone()) {
                CompletableFuture<Session> sent = send.get();
                out.step(sent);
                out.follow(sent);
            }
        });
        return out;
    }

    private static void refuse(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
    }
}
