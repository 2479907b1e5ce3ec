package dev.convene;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Meetings, webinars and live streams at one vendor, through one neutral API. Get one from
 * {@link Convene}. Thread-safe; close it when done.
 *
 * <p>Every call checks its input first (the provider's {@link Capabilities} and {@link Limits}, plus the
 * vendor's own rules) and throws {@link InvalidSessionException} listing every violation, or
 * {@link UnsupportedFeatureException}, before anything is sent. Vendor refusals arrive as
 * {@link VendorException}s with the vendor's code and message. Reads and cancels are retried when
 * that is safe; creates and updates never are (see {@link SessionOutcomeUnknownException}).
 *
 * <p>The {@code *Async} variants do not park a thread per call; their futures fail with the same
 * exceptions the blocking variants throw.
 */
public interface SessionService extends AutoCloseable {

    /** The provider id, e.g. {@code zoom}. */
    String provider();

    Capabilities capabilities();

    Session create(SessionDraft draft);

    Session get(SessionId id);

    Session update(SessionId id, SessionUpdate update);

    void cancel(SessionId id);

    /** One page; pass {@link Page#nextCursor()} back as {@link ListQuery#cursor()} for the next. */
    Page<Session> list(ListQuery query);

    /** Every session matching {@code query}, fetching pages lazily as the stream is consumed. */
    Stream<Session> listAll(ListQuery query);

    /**
     * After a {@link SessionOutcomeUnknownException} on create: the sessions at the vendor that match the
     * draft (same kind, organizer, title and start). Empty means the create did not happen; the kind
     * must support {@link Operation#LIST}.
     */
    List<Session> findCreated(SessionDraft draft);

    CompletableFuture<Session> createAsync(SessionDraft draft);

    CompletableFuture<Session> getAsync(SessionId id);

    CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update);

    CompletableFuture<Void> cancelAsync(SessionId id);

    CompletableFuture<Page<Session>> listAsync(ListQuery query);

    @Override
    void close();
}
