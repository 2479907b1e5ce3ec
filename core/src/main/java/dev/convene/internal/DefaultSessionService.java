package dev.convene.internal;

import dev.convene.AlreadyCancelledException;
import dev.convene.AuthenticationException;
import dev.convene.Capabilities;
import dev.convene.ConveneException;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.KindCapabilities;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import dev.convene.Violation;
import dev.convene.spi.Exchange;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionService}, written once for every provider: checks input against the provider's
 * capabilities and the vendor's rules before any I/O, routes by {@link SessionId}, retries what is safe
 * to retry, turns transport failures into typed errors, tells listeners, and pages.
 */
public final class DefaultSessionService implements SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSessionService.class);

    private final String provider;
    private final Capabilities capabilities;
    private final VendorClient client;
    private final Clock clock;
    private final RetryPolicy retry;
    private final Function<Duration, CompletionStage<Void>> retryWait;
    private final List<SessionListener> listeners;
    /** Events are built only when someone listens: most services have no listener, and every call would pay for them. */
    private final boolean listening;
    private final Redactor redactor;
    private final AutoCloseable onClose;
    /** The full configuration keys an authentication error names, e.g. {@code convene.zoom.client-secret}. */
    private final List<String> credentialKeys;
    /** Where futures complete; {@code null}: on the thread that finished the call. */
    private final Executor completions;
    private final AtomicBoolean closed = new AtomicBoolean();

    public DefaultSessionService(String provider, Capabilities capabilities, VendorClient client, Clock clock, RetryPolicy retry,
                                 Function<Duration, CompletionStage<Void>> retryWait, List<SessionListener> listeners, Redactor redactor,
                                 AutoCloseable onClose, List<String> credentialKeys, Executor completions) {
        this.provider = provider;
        this.capabilities = capabilities;
        this.client = client;
        this.clock = clock;
        this.retry = retry;
        this.retryWait = retryWait;
        this.listeners = List.copyOf(listeners);
        this.listening = !this.listeners.isEmpty();
        this.redactor = redactor;
        this.onClose = onClose;
        this.credentialKeys = List.copyOf(credentialKeys);
        this.completions = completions;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    // ---- operations -------------------------------------------------------------------------

    @Override
    public Session create(SessionDraft draft) {
        ensureOpen();
        SessionDraft checked = checkCreate(draft);
        return run(new Call<>(Operation.CREATE, checked.kind(), () -> client.create(checked), checked, null));
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        ensureOpen();
        try {
            checkCreate(draft);
            return List.of();
        } catch (InvalidSessionException e) {
            return e.violations();
        }
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        ensureOpen();
        try {
            checkUpdate(id, update);
            return List.of();
        } catch (InvalidSessionException e) {
            return e.violations();
        }
    }

    @Override
    public CompletableFuture<Session> createAsync(SessionDraft draft) {
        ensureOpen();
        return async(() -> {
            SessionDraft checked = checkCreate(draft);
            return new Call<>(Operation.CREATE, checked.kind(), () -> client.create(checked), checked, null);
        });
    }

    @Override
    public Session get(SessionId id) {
        ensureOpen();
        checkTarget(id, Operation.GET);
        return run(new Call<>(Operation.GET, id.kind(), () -> asked(id, client.get(id)), null, id));
    }

    @Override
    public CompletableFuture<Session> getAsync(SessionId id) {
        ensureOpen();
        return async(() -> {
            checkTarget(id, Operation.GET);
            return new Call<>(Operation.GET, id.kind(), () -> asked(id, client.get(id)), null, id);
        });
    }

    @Override
    public Session update(SessionId id, SessionUpdate update) {
        ensureOpen();
        checkUpdate(id, update);
        return run(new Call<>(Operation.UPDATE, id.kind(), () -> client.update(id, update), null, id));
    }

    @Override
    public CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update) {
        ensureOpen();
        return async(() -> {
            checkUpdate(id, update);
            return new Call<>(Operation.UPDATE, id.kind(), () -> client.update(id, update), null, id);
        });
    }

    /** A get answers about the session asked for; an answer about another one is unusable, like an unreadable one. */
    private static Exchange<Session> asked(SessionId id, Exchange<Session> get) {
        return get.map(s -> {
            if (s == null || !s.id().equals(id)) {
                throw new IllegalStateException("the vendor answered a get of " + id + " with " + (s == null ? "nothing" : s.id()));
            }
            return s;
        });
    }

    @Override
    public void cancel(SessionId id) {
        ensureOpen();
        checkTarget(id, Operation.CANCEL);
        run(new Call<>(Operation.CANCEL, id.kind(), () -> client.cancel(id), null, id));
    }

    @Override
    public CompletableFuture<Void> cancelAsync(SessionId id) {
        ensureOpen();
        return async(() -> {
            checkTarget(id, Operation.CANCEL);
            return new Call<>(Operation.CANCEL, id.kind(), () -> client.cancel(id), null, id);
        });
    }

    @Override
    public Page<Session> list(ListQuery query) {
        ensureOpen();
        Listing listing = checkList(query);
        return listing.toPage(run(listing.call()));
    }

    @Override
    public CompletableFuture<Page<Session>> listAsync(ListQuery query) {
        ensureOpen();
        Listing listing;
        try {
            listing = checkList(query);
        } catch (ConveneException e) {
            return failed(e);
        }
        return async(listing::call).thenApply(listing::toPage);
    }

    @Override
    public Stream<Session> listAll(ListQuery asked) {
        ensureOpen();
        ListQuery query = asked == null ? ListQuery.all() : asked;
        checkList(query);
        Walk walk = new Walk(query);
        Iterator<Session> pages = new Iterator<>() {
            Page<Session> page;
            Iterator<Session> items = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                // Pages are fetched only as the stream is consumed, and only one is held at a time.
                while (!items.hasNext() && (page == null || page.hasNext())) {
                    page = list(walk.next(page));
                    items = page.items().iterator();
                }
                return items.hasNext();
            }

            @Override
            public Session next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
        Supplier<Spliterator<Session>> lazy = () -> Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(lazy, Spliterator.ORDERED | Spliterator.NONNULL, false);
    }

    @Override
    public CompletableFuture<List<Session>> listAllAsync(ListQuery asked) {
        ensureOpen();
        ListQuery query = asked == null ? ListQuery.all() : asked;
        try {
            checkList(query);
        } catch (ConveneException e) {
            return failed(e);
        }
        return collect(new Walk(query), null, new ArrayList<>());
    }

    /** The pages after {@code page}, one after another, each asked for when the one before has come. */
    private CompletableFuture<List<Session>> collect(Walk walk, Page<Session> page, List<Session> all) {
        ListQuery next;
        try {
            next = walk.next(page);
        } catch (ConveneException e) {
            return failed(e);
        }
        return listAsync(next).thenCompose(p -> {
            all.addAll(p.items());
            return p.hasNext() ? collect(walk, p, all) : CompletableFuture.completedFuture(List.copyOf(all));
        });
    }

    /**
     * Where a walk over every page goes next, refusing a vendor whose next-page cursor leads back to a page
     * already read: that listing would be walked for ever.
     */
    private final class Walk {
        private final ListQuery query;
        private final Set<String> walked = new java.util.HashSet<>();

        Walk(ListQuery query) {
            this.query = query;
            if (query.cursor() != null) {
                walked.add(query.cursor());
            }
        }

        /** The query of the page after {@code page} ({@code null}: the first). */
        ListQuery next(Page<Session> page) {
            if (page == null) {
                return query;
            }
            if (!walked.add(page.nextCursor())) {
                throw new VendorUnavailableException(new VendorError(provider, 0, "",
                        "the vendor's listing leads back to a page already read (its next-page cursor repeats); stopped after "
                                + walked.size() + " pages", null, null), null);
            }
            return query.withCursor(page.nextCursor());
        }
    }

    @Override
    public List<Session> findCreated(SessionDraft draft) {
        ensureOpen();
        SessionDraft d = normalize(draft);
        try (Stream<Session> all = listAll(findQuery(d))) {
            return all.filter(s -> sameAs(s, d)).toList();
        }
    }

    @Override
    public CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft) {
        ensureOpen();
        SessionDraft d;
        ListQuery query;
        try {
            d = normalize(draft);
            query = findQuery(d);
        } catch (ConveneException e) {
            return failed(e);
        }
        return listAllAsync(query).thenApply(all -> all.stream().filter(s -> sameAs(s, d)).toList());
    }

    /** The listing a draft's session is in: its kind and organizer, a minute either side of its start. */
    private ListQuery findQuery(SessionDraft d) {
        if (d.kind() == null || d.start() == null || d.title() == null) {
            throw new InvalidSessionException(List.of(new Violation("draft", "needs kind, title and start to be found again")));
        }
        if (!capabilities.supports(d.kind(), Operation.LIST)) {
            throw new UnsupportedFeatureException(provider, d.kind(), Operation.LIST.name() + " (needed to look for the session)");
        }
        Instant start = d.start();
        return ListQuery.of(d.kind()).withOrganizer(d.organizer()).between(start.minusSeconds(60), start.plusSeconds(60));
    }

    private static boolean sameAs(Session s, SessionDraft d) {
        return s.title().equals(d.title()) && s.start().getEpochSecond() == d.start().getEpochSecond();
    }

    @Override
    public void checkCredentials() {
        ensureOpen();
        run(credentialCheck());
    }

    @Override
    public CompletableFuture<Void> checkCredentialsAsync() {
        ensureOpen();
        return async(this::credentialCheck);
    }

    private Call<Void> credentialCheck() {
        Exchange<Void> check;
        try {
            check = client.checkCredentials();
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedFeatureException(provider, null, "checking credentials");
        }
        return new Call<>(null, null, () -> check, null, null);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            client.close();
            if (onClose != null) {
                onClose.close();
            }
        } catch (Exception e) {
            LOG.warn("closing {} failed: {}", provider, redactor.redact(String.valueOf(e)));
        }
    }

    /** A closed service sends nothing: a call after {@link #close()} is a mistake of the caller's, not a failure of the vendor's. */
    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this " + provider + " SessionService is closed");
        }
    }

    // ---- checks before any I/O ----------------------------------------------------------------

    private SessionDraft normalize(SessionDraft draft) {
        if (draft == null) {
            throw new InvalidSessionException(List.of(new Violation("draft", "is required")));
        }
        boolean noOrganizer = draft.organizer() == null || draft.organizer().isBlank();
        if (!noOrganizer && draft.timeZone() != null) {
            return draft;
        }
        SessionDraft.Builder b = draft.toBuilder();
        if (noOrganizer) {
            b.organizer(client.defaultOrganizer());
        }
        if (draft.timeZone() == null) {
            b.timeZone(ZoneOffset.UTC);
        }
        return b.build();
    }

    private SessionDraft checkCreate(SessionDraft raw) {
        SessionDraft draft = normalize(raw);
        if (draft.kind() == null) {
            throw new InvalidSessionException(List.of(new Violation("kind", "is required")));
        }
        KindCapabilities kind = supported(draft.kind(), Operation.CREATE);
        features(draft.kind(), kind, UsedFeatures.of(draft));
        List<Violation> violations = new ArrayList<>(Validation.draft(draft, kind.limits(), clock.instant()));
        // The provider's rules see only times they can compute with; absurd ones are core's violations alone.
        if (violations.isEmpty() || Validation.computable(draft.start(), draft.duration())) {
            violations.addAll(client.validate(draft));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
        return draft;
    }

    private void checkUpdate(SessionId id, SessionUpdate update) {
        if (update == null) {
            throw new InvalidSessionException(List.of(new Violation("update", "is required")));
        }
        KindCapabilities kind = checkTarget(id, Operation.UPDATE);
        features(id.kind(), kind, UsedFeatures.of(update));
        List<Violation> violations = new ArrayList<>(Validation.update(update, kind.limits(), clock.instant()));
        if (violations.isEmpty() || Validation.computable(update.start(), update.duration())) {
            violations.addAll(client.validate(id, update));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
    }

    private KindCapabilities checkTarget(SessionId id, Operation operation) {
        if (id == null) {
            throw new InvalidSessionException(List.of(new Violation("id", "is required")));
        }
        if (!id.provider().equals(provider)) {
            throw new InvalidSessionException(List.of(new Violation("id", "belongs to provider '" + id.provider()
                    + "', but this service talks to '" + provider + "'")));
        }
        return supported(id.kind(), operation);
    }

    private KindCapabilities supported(SessionKind kind, Operation operation) {
        KindCapabilities k = capabilities.of(kind).orElseThrow(() -> UnsupportedFeatureException.ofKind(provider, kind));
        if (!k.supports(operation)) {
            throw new UnsupportedFeatureException(provider, kind, operation.name());
        }
        return k;
    }

    private void features(SessionKind kind, KindCapabilities k, Set<Feature> used) {
        Set<Feature> missing = EnumSet.noneOf(Feature.class);
        missing.addAll(used);
        missing.removeAll(k.features());
        if (!missing.isEmpty()) {
            throw new UnsupportedFeatureException(provider, kind, missing.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A list call resolved to one kind and the provider's cursor, and how to turn its page into ours. */
    private record Listing(List<SessionKind> kinds, int index, ListQuery providerQuery, VendorClient client) {
        Call<Page<Session>> call() {
            SessionKind kind = kinds.get(index);
            return new Call<>(Operation.LIST, kind, () -> client.list(kind, providerQuery), null, null);
        }

        /**
         * Leaves out, whatever the vendor lists, the statuses not asked for (cancelled sessions by default) and the
         * sessions starting outside {@code from}–{@code to}: no vendor's own time filter is exact (WeCom's is loose,
         * Zoom and Tencent Meeting have none that bounds both ends), so providers pass their pages on unfiltered.
         */
        Page<Session> toPage(Page<Session> page) {
            List<Session> items = page.items().stream()
                    .filter(s -> providerQuery.matches(s.status()) && providerQuery.includesStart(s.start())).toList();
            if (page.hasNext()) {
                return new Page<>(items, Cursors.encode(kinds.get(index), page.nextCursor()));
            }
            if (index + 1 < kinds.size()) {
                return new Page<>(items, Cursors.encode(kinds.get(index + 1), null));
            }
            return Page.last(items);
        }
    }

    private Listing checkList(ListQuery query) {
        ListQuery q = query == null ? ListQuery.all() : query;
        List<Violation> violations = new ArrayList<>();
        if (q.pageSize() < 0) {
            violations.add(new Violation("pageSize", "must not be negative, was " + q.pageSize()));
        }
        if (q.from() != null && q.to() != null && q.to().isBefore(q.from())) {
            violations.add(new Violation("to", "must not be before from (" + q.from() + "), was " + q.to()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidSessionException(violations);
        }
        List<SessionKind> kinds;
        if (q.kind() != null) {
            supported(q.kind(), Operation.LIST);
            kinds = List.of(q.kind());
        } else {
            kinds = capabilities.supportedKinds().stream().filter(k -> capabilities.supports(k, Operation.LIST)).sorted().toList();
            if (kinds.isEmpty()) {
                throw new UnsupportedFeatureException(provider, null, "listing sessions");
            }
        }
        if (q.asksForCancelled()) {
            for (SessionKind kind : kinds) {
                if (!capabilities.supports(kind, Feature.LISTS_CANCELLED)) {
                    throw new UnsupportedFeatureException(provider, kind, Feature.LISTS_CANCELLED.name()
                            + " (the vendor does not list cancelled sessions)");
                }
            }
        }
        int index = 0;
        String providerCursor = null;
        if (q.cursor() != null) {
            Cursors.Position position;
            try {
                position = Cursors.decode(q.cursor());
            } catch (IllegalArgumentException e) {
                throw new InvalidSessionException(List.of(new Violation("cursor", e.getMessage())));
            }
            index = kinds.indexOf(position.kind());
            if (index < 0) {
                throw new InvalidSessionException(List.of(new Violation("cursor", "belongs to a listing of other kinds")));
            }
            providerCursor = position.providerCursor();
        }
        String organizer = q.organizer() == null || q.organizer().isBlank() ? client.defaultOrganizer() : q.organizer();
        ListQuery providerQuery = q.toBuilder().kind(kinds.get(index)).organizer(organizer).cursor(providerCursor).build();
        return new Listing(kinds, index, providerQuery, client);
    }

    // ---- running, retrying, classifying failures ------------------------------------------------

    /**
     * One vendor call with what is needed to run, retry and explain it. A credential check has no
     * operation (and no kind): it is no session operation, so listeners do not hear of it.
     */
    private record Call<T>(Operation operation, SessionKind kind, Supplier<Exchange<T>> exchange, SessionDraft draft, SessionId target) {
        /** Gets, lists and credential checks read; a cancel that already happened is reported as such by the vendor, so it is safe too. */
        boolean safeToRetry() {
            return operation == null || operation == Operation.GET || operation == Operation.LIST || operation == Operation.CANCEL;
        }

        boolean observed() {
            return operation != null;
        }
    }

    private <T> T run(Call<T> call) {
        boolean observed = listening && call.observed();
        long started = System.nanoTime();
        long id = observed ? CallScope.newCall() : 0;
        for (int attempt = 1; ; attempt++) {
            int n = attempt;
            if (observed) {
                SessionEvent event = event(call, n, started, id);
                fire(l -> l.onStart(event));
            }
            ConveneException failure;
            try {
                T result = CallScope.within(scope(call, n, id), () -> call.exchange().get().execute());
                if (observed) {
                    fire(l -> l.onSuccess(event(call, n, started, id)));
                }
                return result;
            } catch (Throwable t) {
                failure = classify(call, t);
            }
            if (doneAlready(call, attempt, failure)) {
                if (observed) {
                    fire(l -> l.onSuccess(event(call, n, started, id)));
                }
                return null;
            }
            Optional<Duration> delay = retryDelay(call, attempt, failure);
            if (delay.isEmpty()) {
                ConveneException f = failure;
                if (observed) {
                    fire(l -> l.onFailure(event(call, n, started, id), f));
                }
                throw failure;
            }
            ConveneException f = failure;
            if (observed) {
                fire(l -> l.onRetry(event(call, n, started, id), f, delay.get()));
            }
            try {
                sleep(delay.get());
            } catch (ConveneException e) {
                // every call that began ends in a success or a failure for listeners, an interrupted wait too
                if (observed) {
                    fire(l -> l.onFailure(event(call, n, started, id), e));
                }
                throw e;
            }
            if (closed.get()) {
                // Closed while waiting: a closed service sends nothing, so this failure is the last.
                if (observed) {
                    fire(l -> l.onFailure(event(call, n, started, id), f));
                }
                throw failure;
            }
        }
    }

    private <T> CompletableFuture<T> async(Supplier<Call<T>> prepare) {
        Call<T> call;
        try {
            call = prepare.get();
        } catch (ConveneException e) {
            return failed(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        attemptAsync(call, 1, System.nanoTime(), listening && call.observed() ? CallScope.newCall() : 0, result);
        return result;
    }

    private <T> void attemptAsync(Call<T> call, int attempt, long started, long id, CompletableFuture<T> result) {
        boolean observed = listening && call.observed();
        if (observed) {
            SessionEvent event = event(call, attempt, started, id);
            fire(l -> l.onStart(event));
        }
        CompletableFuture<T> exchange;
        try {
            exchange = CallScope.within(scope(call, attempt, id), () -> call.exchange().get().enqueue());
        } catch (Throwable t) {
            exchange = CompletableFuture.failedFuture(t);
        }
        exchange.whenComplete((value, error) -> {
            if (error == null) {
                if (observed) {
                    fire(l -> l.onSuccess(event(call, attempt, started, id)));
                }
                finish(result, value, null);
                return;
            }
            ConveneException failure = classify(call, Exchange.unwrap(error));
            if (doneAlready(call, attempt, failure)) {
                if (observed) {
                    fire(l -> l.onSuccess(event(call, attempt, started, id)));
                }
                finish(result, null, null);
                return;
            }
            Optional<Duration> delay = retryDelay(call, attempt, failure);
            if (delay.isEmpty()) {
                if (observed) {
                    fire(l -> l.onFailure(event(call, attempt, started, id), failure));
                }
                finish(result, null, failure);
                return;
            }
            if (observed) {
                fire(l -> l.onRetry(event(call, attempt, started, id), failure, delay.get()));
            }
            waitFor(delay.get()).whenCompleteAsync((ignored, waitFailure) -> {
                if (waitFailure != null) {
                    ConveneException failed = waitFailed(waitFailure);
                    if (observed) {
                        fire(l -> l.onFailure(event(call, attempt, started, id), failed));
                    }
                    finish(result, null, failed);
                } else if (closed.get()) {
                    // Closed while waiting: a closed service sends nothing, so this failure is the last.
                    if (observed) {
                        fire(l -> l.onFailure(event(call, attempt, started, id), failure));
                    }
                    finish(result, null, failure);
                } else {
                    attemptAsync(call, attempt + 1, started, id, result);
                }
            });
        });
    }

    /** A future that fails with {@code error}, completed where every other future of this service completes. */
    private <T> CompletableFuture<T> failed(Throwable error) {
        CompletableFuture<T> future = new CompletableFuture<>();
        finish(future, null, error);
        return future;
    }

    /**
     * Completes {@code future} on the completion executor when there is one, else right here. An executor
     * that refuses the task (shut down) does not leave the future hanging: it completes here then.
     */
    private <T> void finish(CompletableFuture<T> future, T value, Throwable failure) {
        Runnable complete = () -> {
            if (failure == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(failure);
            }
        };
        if (completions == null) {
            complete.run();
            return;
        }
        try {
            completions.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run();
        }
    }

    /**
     * Cancel is idempotent: a session the vendor reports cancelled already is what was asked for. A retried
     * cancel whose earlier attempt went through may also meet "not found", where the vendor deletes what it cancels.
     */
    private static boolean doneAlready(Call<?> call, int attempt, ConveneException failure) {
        return call.operation() == Operation.CANCEL
                && (failure instanceof AlreadyCancelledException || (attempt > 1 && failure instanceof SessionNotFoundException));
    }

    /** No retry once the service is closed: a closed service sends nothing, so the last failure stands. */
    private Optional<Duration> retryDelay(Call<?> call, int attempt, ConveneException failure) {
        if (!call.safeToRetry() || attempt >= retry.maxAttempts() || closed.get()
                || !(failure instanceof VendorException vendor) || !vendor.isRetryable()) {
            return Optional.empty();
        }
        Duration backoff = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
        Optional<Duration> hint = vendor.retryAfter();
        if (hint.isPresent()) {
            if (hint.get().compareTo(retry.maxRetryAfter()) > 0) {
                return Optional.empty();
            }
            return Optional.of(hint.get().compareTo(backoff) > 0 ? hint.get() : backoff);
        }
        return Optional.of(backoff);
    }

    /**
     * Every failure becomes one of Convene's exceptions; whether a write may have happened decides which.
     * A refusal of the credentials is told which configuration keys hold them.
     */
    private ConveneException classify(Call<?> call, Throwable t) {
        if (t instanceof AuthenticationException e && e.credentialKeys().isEmpty() && !credentialKeys.isEmpty()) {
            return new AuthenticationException(e.error(), credentialKeys, e);
        }
        if (t instanceof SessionNotFoundException e && call.target() != null && !e.mayHaveBeenCancelled()
                && !capabilities.supports(call.kind(), Feature.KEEPS_CANCELLED)) {
            // The vendor deletes what is cancelled: its "not found" may well mean "cancelled", and the caller should know.
            return new SessionNotFoundException(e.error(), true);
        }
        if (t instanceof ConveneException e) {
            return e;
        }
        boolean write = call.operation() == Operation.CREATE || call.operation() == Operation.UPDATE;
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + redactor.redact(t.getMessage()));
        if (t instanceof IOException io && neverSent(io)) {
            return new VendorUnavailableException(new VendorError(provider, 0, "", "could not reach the vendor (" + what + ")", null, null), t);
        }
        if (write) {
            return new SessionOutcomeUnknownException(provider, call.operation(), call.draft(), call.target(),
                    t instanceof IOException ? new IOException(what, t) : t);
        }
        if (t instanceof IOException) {
            return new VendorUnavailableException(new VendorError(provider, 0, "", "no usable answer (" + what + ")", null, null), t);
        }
        return new ConveneException(provider + " failed unexpectedly (" + what + ")", t);
    }

    /** Failures that happen before a byte of the request can have reached the vendor. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException
                || (e instanceof SocketTimeoutException && String.valueOf(e.getMessage()).startsWith("connect"));
    }

    /** The default wait before a retry: real time, on the JDK's one shared delay thread, parking no thread of ours. */
    public static CompletionStage<Void> waitInRealTime(Duration delay) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
    }

    private void sleep(Duration delay) {
        try {
            waitFor(delay).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConveneException("interrupted while waiting to retry", e);
        } catch (ExecutionException e) {
            throw waitFailed(e.getCause());
        }
    }

    /** Blocking and async calls wait through the one configured wait, so a test can replace real time for both. */
    private CompletableFuture<Void> waitFor(Duration delay) {
        try {
            return retryWait.apply(delay).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ConveneException waitFailed(Throwable cause) {
        Throwable t = Exchange.unwrap(cause);
        return t instanceof ConveneException e ? e : new ConveneException("waiting to retry failed (" + t + ")", t);
    }

    private SessionEvent event(Call<?> call, int attempt, long started, long id) {
        return new SessionEvent(provider, call.operation(), call.kind(), attempt, Duration.ofNanos(System.nanoTime() - started), id);
    }

    /** What an attempt's HTTP requests and token fetches are told to listeners under; none when nobody hears of the call. */
    private CallScope scope(Call<?> call, int attempt, long id) {
        return listening && call.observed() ? new CallScope(id, provider, call.operation(), call.kind(), attempt, listeners) : null;
    }

    private void fire(java.util.function.Consumer<SessionListener> action) {
        for (SessionListener l : listeners) {
            try {
                action.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a SessionListener threw and was ignored: {}", e.toString());
            }
        }
    }
}
