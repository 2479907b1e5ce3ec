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
 * that is safe; creates and updates never are (see {@link SessionOutcomeUnknownException}). Every
 * failure of a call is a {@link ConveneException}; the one exception is a call on a closed service.
 *
 * <p><b>Several providers.</b> A service configured with several ({@code convene.providers = wecom, zoom})
 * sends every call on a {@link SessionId} to the provider the id names, a create to the provider the draft
 * names ({@link SessionDraft#provider()}) or else the default ({@code convene.provider}), and a listing to the
 * provider the query names or to all of them, page after page. An id, draft or query naming a provider that
 * is not configured throws {@link UnconfiguredProviderException} before anything is sent.
 *
 * <p><b>Rate limits.</b> Every request first takes a call from its vendor account's budget
 * ({@code convene.<provider>.rate-limits}); a call whose turn would not come within
 * {@code convene.rate-limits.max-wait} throws {@link RateLimitedException} with {@link RateLimitedException#wasSent()}
 * false, before anything is sent (so never {@link SessionOutcomeUnknownException}), wherever the methods below
 * say {@link VendorException}.
 *
 * <p><b>Async.</b> Every operation has an {@code …Async} variant that parks no thread per call (a first
 * WeCom or Zoom call waits for its token on one of OkHttp's threads). Its future fails with the same
 * exceptions the blocking variant throws, input errors included (the future is then returned already
 * failed, nothing sent). Which thread completes a future: the executor given to
 * {@link Convene.Builder#completionExecutor}, when there is one; otherwise the thread that finished the
 * call, which is one of OkHttp's dispatcher threads (or, for a future returned already failed, the
 * caller's own). Stages attached without an executor of their own ({@code thenApply}, {@code whenComplete}
 * …) run on that thread, so without a completion executor keep them short and never block in them: until
 * they return, the dispatcher thread holds one of the {@code convene.http.max-requests} slots.
 *
 * <p><b>Cancelling a future</b> ({@code future.cancel(…)} on the future an {@code …Async} method returned) gives
 * the call up: what has not been sent is never sent (a request still waiting for the account's budget, the next
 * attempt after a retry's wait, the next page of {@link #listAllAsync}, the next look of {@link #findCreatedAsync}),
 * and a request in flight is cancelled. A read, cancel or walk so given up completes with
 * {@link java.util.concurrent.CancellationException} and {@code cancel} returns true. A create or update whose
 * request may already have reached the vendor cannot be called back: its future completes with
 * {@link SessionOutcomeUnknownException} (cause {@link java.util.concurrent.CancellationException}) instead, and
 * {@code cancel} returns false; use {@link #findCreated} or {@link #get} as for any outcome-unknown write. A create
 * or update given up before its request left (waiting for its turn in the account's budget, or for its token)
 * is cancelled like a read. Stages attached to the future are separate futures: cancelling one of them gives up
 * nothing. Listeners hear of a call given up as a failure with {@link CallCancelledException}.
 *
 * <p><b>Interrupts.</b> A blocking call whose thread is interrupted while it waits to retry ends with
 * {@link CallCancelledException}, nothing further sent, and the thread's interrupt flag set again.
 *
 * <p><b>Closing.</b> {@link #close()} is idempotent. Afterwards every method but {@link #provider()},
 * {@link #providers()}, the {@code capabilities} methods and {@code close()} throws {@link IllegalStateException} at once and sends
 * nothing; so do the async variants (they throw rather than return a future) and walks of a
 * {@link #listAll} stream that need another page.
 */
public interface SessionService extends AutoCloseable {

    /** The provider id, e.g. {@code zoom}; with several providers, the default one, where creates go. */
    String provider();

    /** What the provider can do per kind: operations, features and limits; with several providers, the default one's. */
    Capabilities capabilities();

    /**
     * The providers this service talks to, the default ({@link #provider()}) first; one unless
     * {@code convene.providers} names several. Never throws, even after {@link #close()}.
     */
    default List<String> providers() {
        return List.of(provider());
    }

    /**
     * What {@code provider} can do per kind. Never throws for a configured provider, even after {@link #close()}.
     *
     * @throws UnconfiguredProviderException when this service is not configured for {@code provider}
     */
    default Capabilities capabilities(String provider) {
        if (provider().equals(provider)) {
            return capabilities();
        }
        throw new UnconfiguredProviderException(String.valueOf(provider), providers());
    }

    /**
     * Creates a session and returns it as the vendor reports it.
     *
     * @throws InvalidSessionException        when the draft breaks a rule (every violation listed; nothing sent)
     * @throws UnsupportedFeatureException    when the provider cannot create this kind or offer a feature asked for
     * @throws UnconfiguredProviderException  when the draft names a provider this service is not configured for
     * @throws SessionOutcomeUnknownException when the request may have reached the vendor and no answer proves it was
     *                                        refused before it was applied: no answer or an unreadable one, a 5xx (the
     *                                        vendor's error body, a gateway's page, an empty 504) or a "busy" answer;
     *                                        never retried, it carries the draft for {@link #findCreated}
     * @throws VendorException                when the vendor refused (a {@link VendorUnavailableException} only when
     *                                        nothing was sent: the vendor could not be reached)
     * @throws CallCancelledException         when the thread was interrupted before the request was sent
     * @throws IllegalStateException          after {@link #close()}
     */
    Session create(SessionDraft draft);

    /**
     * Every rule {@code draft} breaks, checked exactly as {@link #create} checks it (declared limits in
     * characters and bytes, and the vendor's own rules), without sending anything; empty when create would
     * send it.
     *
     * @throws UnsupportedFeatureException where create would: the provider lacks the kind, CREATE, or a
     *                                     feature the draft uses
     * @throws UnconfiguredProviderException when the draft names a provider this service is not configured for
     * @throws IllegalStateException       after {@link #close()}
     */
    List<Violation> validate(SessionDraft draft);

    /**
     * Every rule an update of {@code id} breaks, checked as {@link #update} checks it before sending,
     * without sending anything. Rules that depend on the session as it is now (say, a password for
     * password access the session already has) need a read, so {@link #update} checks them after reading.
     *
     * @throws UnsupportedFeatureException where update would: the provider lacks the kind, UPDATE, or a
     *                                     feature the update uses
     * @throws UnconfiguredProviderException when {@code id} names a provider this service is not configured for
     * @throws IllegalStateException       after {@link #close()}
     */
    List<Violation> validate(SessionId id, SessionUpdate update);

    /**
     * The session {@code id} names, read from the vendor it names.
     *
     * @throws InvalidSessionException     when {@code id} is missing
     * @throws UnconfiguredProviderException when {@code id} belongs to a provider this service is not configured for
     * @throws UnsupportedFeatureException when the provider cannot read this kind
     * @throws SessionNotFoundException    when the vendor has no such session
     * @throws VendorException             when the vendor refused otherwise or could not be reached
     * @throws IllegalStateException       after {@link #close()}
     */
    Session get(SessionId id);

    /**
     * Changes what {@code update} sets and returns the session as the vendor reports it afterwards.
     *
     * @throws InvalidSessionException        when the update breaks a rule (every violation listed; nothing sent)
     * @throws UnsupportedFeatureException    when the provider cannot update this kind or offer a feature asked for
     * @throws UnconfiguredProviderException  when {@code id} belongs to a provider this service is not configured for
     * @throws SessionOutcomeUnknownException when the change may have reached the vendor and no answer proves it was
     *                                        refused before it was applied (as for {@link #create}); a provider that
     *                                        reads the session first reports a failure of that read so too
     * @throws VendorException                when the vendor refused
     * @throws IllegalStateException          after {@link #close()}
     */
    Session update(SessionId id, SessionUpdate update);

    /**
     * Cancels the session.
     *
     * @throws InvalidSessionException     when {@code id} is missing
     * @throws UnconfiguredProviderException when {@code id} belongs to a provider this service is not configured for
     * @throws UnsupportedFeatureException when the provider cannot cancel this kind
     * @throws VendorException             when the vendor refused (e.g. {@link AlreadyCancelledException})
     * @throws IllegalStateException       after {@link #close()}
     */
    void cancel(SessionId id);

    /**
     * One page; pass {@link Page#nextCursor()} back as {@link ListQuery#cursor()} for the next.
     *
     * @throws InvalidSessionException     when the query breaks a rule or its cursor is not one of this library's
     * @throws UnsupportedFeatureException when the provider cannot list the kind asked for (or any kind)
     * @throws UnconfiguredProviderException when the query names a provider this service is not configured for
     * @throws VendorException             when the vendor refused or could not be reached
     * @throws IllegalStateException       after {@link #close()}
     */
    Page<Session> list(ListQuery query);

    /**
     * Every session matching {@code query}, fetching pages lazily as the stream is consumed (one page held
     * at a time). A page that cannot be read ends the stream with the {@link ConveneException} of
     * {@link #list}, never silently short.
     *
     * @throws InvalidSessionException     when the query breaks a rule (at once, before any page)
     * @throws UnsupportedFeatureException when the provider cannot list the kind asked for (at once)
     * @throws UnconfiguredProviderException when the query names a provider this service is not configured for
     * @throws IllegalStateException       after {@link #close()}, at once or when a later page is needed
     */
    Stream<Session> listAll(ListQuery query);

    /**
     * After a {@link SessionOutcomeUnknownException} on create: the sessions at the vendor that match the
     * draft (same kind, organizer, title and start); the kind must support {@link Operation#LIST}.
     *
     * <p>A vendor may apply a create some time after the client gave up on it (a request held in a queue, a
     * timed-out read whose write still goes through), so an empty look is not taken for an answer at once: while
     * nothing matches, it looks again every two seconds for the settle time {@code convene.find-created.settle}
     * (default {@code PT10S}; {@code PT0S} looks once), the waits going through the service's
     * {@link ServiceBuilder#retryWait retryWait}. Empty then means that no such session appeared within the settle
     * time: the create very probably did not happen. A caller that must be sure before creating again (the vendor
     * is known to be slow, or the first look was much later than the create) calls again later; a second create
     * of the same draft can be told apart only by its id.
     *
     * @throws InvalidSessionException     when the draft lacks kind, title or start
     * @throws UnsupportedFeatureException when the provider cannot list the draft's kind
     * @throws UnconfiguredProviderException when the draft names a provider this service is not configured for
     * @throws VendorException             when the vendor refused or could not be reached
     * @throws CallCancelledException      when the thread was interrupted while it waited to look again
     * @throws IllegalStateException       after {@link #close()}
     */
    List<Session> findCreated(SessionDraft draft);

    /**
     * Proves that the vendor accepts the configured credentials, creating and changing nothing: WeCom and
     * Zoom obtain an access token (one request to the token endpoint, unless a valid token for these very
     * credentials is already held); Tencent Meeting, which signs every request instead, makes one signed
     * read of the organizer's meeting list, so it checks {@code convene.tencentmeeting.organizer} as well.
     *
     * @throws AuthenticationException      when the vendor refused the credentials; its message names the
     *                                      configuration keys to check, never their values
     * @throws VendorException              when the vendor refused otherwise or could not be reached
     * @throws UnsupportedFeatureException  when the provider (a plugin) offers no such check
     * @throws IllegalStateException        after {@link #close()}
     */
    void checkCredentials();

    /**
     * {@link #create} without blocking. Cancelling the future after the request may have been sent completes it
     * with {@link SessionOutcomeUnknownException}, not {@link java.util.concurrent.CancellationException} (see
     * "Cancelling a future" above).
     *
     * @throws IllegalStateException after {@link #close()}
     */
    CompletableFuture<Session> createAsync(SessionDraft draft);

    /** {@link #get} without blocking. @throws IllegalStateException after {@link #close()} */
    CompletableFuture<Session> getAsync(SessionId id);

    /**
     * {@link #update} without blocking; cancelling its future is as for {@link #createAsync}.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update);

    /** {@link #cancel} without blocking. @throws IllegalStateException after {@link #close()} */
    CompletableFuture<Void> cancelAsync(SessionId id);

    /** {@link #list} without blocking. @throws IllegalStateException after {@link #close()} */
    CompletableFuture<Page<Session>> listAsync(ListQuery query);

    /**
     * {@link #listAll} without blocking: every page, one after another, collected into one list, so the
     * whole listing is held in memory. For a listing too large for that, walk the pages with
     * {@link #listAsync} and {@link Page#nextCursor()}.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    CompletableFuture<List<Session>> listAllAsync(ListQuery query);

    /** {@link #findCreated} without blocking. @throws IllegalStateException after {@link #close()} */
    CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft);

    /** {@link #checkCredentials} without blocking. @throws IllegalStateException after {@link #close()} */
    CompletableFuture<Void> checkCredentialsAsync();

    /** Releases what this service holds (its own token store, if any); calls afterwards throw {@link IllegalStateException}. Idempotent. */
    @Override
    void close();
}
