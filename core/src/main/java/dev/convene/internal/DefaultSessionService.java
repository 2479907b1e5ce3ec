package dev.convene.internal;

import dev.convene.Capabilities;
import dev.convene.ConveneException;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.Violation;
import dev.convene.spi.Exchange;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SessionService}, written once for every provider, from small parts: {@link CallChecks} before anything is
 * sent, {@link Attempts} (the one retry loop, blocking and async, with {@link Failures} classifying what went wrong
 * and {@link Listeners} told), and {@link Paging}. What remains here is routing each operation to them.
 */
public final class DefaultSessionService implements SessionService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSessionService.class);

    /** How long {@code findCreated} keeps looking before it answers empty, unless {@code convene.find-created.settle} says otherwise. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(10);

    private final String provider;
    private final Capabilities capabilities;
    private final VendorClient client;
    private final Redactor redactor;
    private final AutoCloseable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CallChecks checks;
    private final Attempts attempts;
    private final Paging paging;
    /** A create's or update's answer, completed by one get when it lacks parts. */
    private final ReadBack readBack;
    /** The series rule an update is checked against with the session as it is. */
    private final SeriesEdits seriesEdits;

    public DefaultSessionService(String provider, Capabilities capabilities, VendorClient client, Clock clock, RetryPolicy retry,
                                 Function<Duration, CompletionStage<Void>> retryWait, List<SessionListener> listeners, Redactor redactor,
                                 AutoCloseable onClose, List<String> credentialKeys, Executor completions) {
        this(provider, capabilities, client, clock, retry, retryWait, listeners, redactor, onClose, credentialKeys, completions, DEFAULT_SETTLE);
    }

    /** @param settle how long {@code findCreated} keeps looking before it answers empty ({@code convene.find-created.settle}) */
    public DefaultSessionService(String provider, Capabilities capabilities, VendorClient client, Clock clock, RetryPolicy retry,
                                 Function<Duration, CompletionStage<Void>> retryWait, List<SessionListener> listeners, Redactor redactor,
                                 AutoCloseable onClose, List<String> credentialKeys, Executor completions, Duration settle) {
        this.provider = provider;
        this.capabilities = capabilities;
        this.client = client;
        this.redactor = redactor;
        this.onClose = onClose;
        this.checks = new CallChecks(provider, capabilities, client, clock);
        this.attempts = new Attempts(retry, retryWait, new Failures(provider, capabilities, redactor, credentialKeys),
                new Listeners(provider, listeners), closed::get, completions);
        this.paging = new Paging(provider, checks, attempts, this::listed, this::listedAsync, settle);
        this.readBack = new ReadBack(this::get, this::getAsync, redactor);
        this.seriesEdits = new SeriesEdits(capabilities, this::get, this::getAsync);
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
        return readBack.complete(attempts.run(createCall(draft)));
    }

    @Override
    public CompletableFuture<Session> createAsync(SessionDraft draft) {
        ensureOpen();
        return readBack.completeAsync(async(() -> createCall(draft)));
    }

    private VendorCall<Session> createCall(SessionDraft draft) {
        SessionDraft checked = checks.checkCreate(draft);
        return new VendorCall<>(Operation.CREATE, checked.kind(), () -> client.create(checked), checked, null);
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        ensureOpen();
        try {
            checks.checkCreate(draft);
            return List.of();
        } catch (InvalidSessionException e) {
            return e.violations();
        }
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        ensureOpen();
        try {
            checks.checkUpdate(id, update);
            return List.of();
        } catch (InvalidSessionException e) {
            return e.violations();
        }
    }

    @Override
    public Session get(SessionId id) {
        ensureOpen();
        return attempts.run(getCall(id));
    }

    @Override
    public CompletableFuture<Session> getAsync(SessionId id) {
        ensureOpen();
        return async(() -> getCall(id));
    }

    private VendorCall<Session> getCall(SessionId id) {
        checks.checkTarget(id, Operation.GET);
        return new VendorCall<>(Operation.GET, id.kind(), () -> asked(id, client.get(id)), null, id);
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
    public Session update(SessionId id, SessionUpdate update) {
        ensureOpen();
        VendorCall<Session> call = updateCall(id, update);
        seriesEdits.check(id, update);
        return readBack.complete(attempts.run(call));
    }

    @Override
    public CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update) {
        ensureOpen();
        VendorCall<Session> call;
        try {
            call = updateCall(id, update);
        } catch (ConveneException e) {
            return attempts.failed(e);
        }
        return readBack.completeAsync(seriesEdits.checkAsync(id, update, () -> attempts.start(call)));
    }

    private VendorCall<Session> updateCall(SessionId id, SessionUpdate update) {
        checks.checkUpdate(id, update);
        return new VendorCall<>(Operation.UPDATE, id.kind(), () -> client.update(id, update), null, id);
    }

    @Override
    public void cancel(SessionId id) {
        ensureOpen();
        attempts.run(cancelCall(id));
    }

    @Override
    public CompletableFuture<Void> cancelAsync(SessionId id) {
        ensureOpen();
        return async(() -> cancelCall(id));
    }

    private VendorCall<Void> cancelCall(SessionId id) {
        checks.checkTarget(id, Operation.CANCEL);
        return new VendorCall<>(Operation.CANCEL, id.kind(), () -> client.cancel(id), null, id);
    }

    @Override
    public Page<Session> list(ListQuery query) {
        ensureOpen();
        return attempts.run(checks.checkList(query).pageCall());
    }

    @Override
    public CompletableFuture<Page<Session>> listAsync(ListQuery query) {
        ensureOpen();
        return async(() -> checks.checkList(query).pageCall());
    }

    /** A page of a walk, which also tells whether the vendor's page was empty but said there was more. */
    private Listing.Listed listed(ListQuery query) {
        ensureOpen();
        return attempts.run(checks.checkList(query).call());
    }

    private CompletableFuture<Listing.Listed> listedAsync(ListQuery query) {
        ensureOpen();
        return async(() -> checks.checkList(query).call());
    }

    @Override
    public Stream<Session> listAll(ListQuery query) {
        ensureOpen();
        return paging.listAll(query);
    }

    @Override
    public CompletableFuture<List<Session>> listAllAsync(ListQuery query) {
        ensureOpen();
        return paging.listAllAsync(query);
    }

    @Override
    public List<Session> findCreated(SessionDraft draft) {
        ensureOpen();
        return paging.findCreated(draft);
    }

    @Override
    public CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft) {
        ensureOpen();
        return paging.findCreatedAsync(draft);
    }

    @Override
    public void checkCredentials() {
        ensureOpen();
        attempts.run(credentialCheck());
    }

    @Override
    public CompletableFuture<Void> checkCredentialsAsync() {
        ensureOpen();
        return async(this::credentialCheck);
    }

    private VendorCall<Void> credentialCheck() {
        Exchange<Void> check;
        try {
            check = client.checkCredentials();
        } catch (UnsupportedOperationException e) {
            throw new UnsupportedFeatureException(provider, null, "checking credentials");
        }
        return new VendorCall<>(null, null, () -> check, null, null);
    }

    /** The call {@code prepare} checks and makes, started; a refusal before anything is sent comes back as a failed future. */
    private <T> CompletableFuture<T> async(Supplier<VendorCall<T>> prepare) {
        VendorCall<T> call;
        try {
            call = prepare.get();
        } catch (ConveneException e) {
            return attempts.failed(e);
        }
        return attempts.start(call);
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

    /** The default wait before a retry: real time, on the JDK's one shared delay thread, parking no thread of ours. */
    public static CompletionStage<Void> waitInRealTime(Duration delay) {
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
    }
}
