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

    /**
     * Every rule {@code draft} breaks, checked exactly as {@link #create} checks it (declared limits in
     * characters and bytes, and the vendor's own rules), without sending anything; empty when create would
     * send it.
     *
     * @throws UnsupportedFeatureException where create would: the provider lacks the kind, CREATE, or a
     *                                     feature the draft uses
     */
    List<Violation> validate(SessionDraft draft);

    /**
     * Every rule an update of {@code id} breaks, checked as {@link #update} checks it before sending,
     * without sending anything. Rules that depend on the session as it is now (say, a password for
     * password access the session already has) need a read, so {@link #update} checks them after reading.
     *
     * @throws UnsupportedFeatureException where update would: the provider lacks the kind, UPDATE, or a
     *                                     feature the update uses
     */
    List<Violation> validate(SessionId id, SessionUpdate update);

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
