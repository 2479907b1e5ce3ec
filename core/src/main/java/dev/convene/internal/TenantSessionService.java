package dev.convene.internal;

import dev.convene.Capabilities;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One tenant's sessions: each call holds the tenant's open service for as long as it runs (an async call
 * until its future completes), so an eviction never closes a service under a call.
 */
final class TenantSessionService implements SessionService {
    private final String tenant;
    private final TenantServices tenants;
    private final AtomicBoolean closed = new AtomicBoolean();

    TenantSessionService(String tenant, TenantServices tenants) {
        this.tenant = tenant;
        this.tenants = tenants;
    }

    private <T> T call(Function<SessionService, T> call) {
        ensureOpen();
        return describe(call);
    }

    /** What the tenant's service says of itself, which a closed view still answers as every closed service does. */
    private <T> T describe(Function<SessionService, T> call) {
        TenantServices.OpenTenant t = tenants.acquire(tenant);
        try {
            return call.apply(t.service);
        } finally {
            t.release();
        }
    }

    private <T> CompletableFuture<T> async(Function<SessionService, CompletableFuture<T>> call) {
        ensureOpen();
        TenantServices.OpenTenant t = tenants.acquire(tenant);
        CompletableFuture<T> future;
        try {
            future = call.apply(t.service);
        } catch (RuntimeException | Error e) {
            t.release();
            throw e;
        }
        future.whenComplete((v, e) -> t.release());
        return future;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this SessionService of tenant '" + tenant + "' is closed");
        }
    }

    @Override
    public String provider() {
        return describe(SessionService::provider);
    }

    @Override
    public Capabilities capabilities() {
        return describe(SessionService::capabilities);
    }

    @Override
    public List<String> providers() {
        return describe(SessionService::providers);
    }

    @Override
    public Capabilities capabilities(String provider) {
        return describe(s -> s.capabilities(provider));
    }

    @Override
    public Session create(SessionDraft draft) {
        return call(s -> s.create(draft));
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        return call(s -> s.validate(draft));
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        return call(s -> s.validate(id, update));
    }

    @Override
    public Session get(SessionId id) {
        return call(s -> s.get(id));
    }

    @Override
    public Session update(SessionId id, SessionUpdate update) {
        return call(s -> s.update(id, update));
    }

    @Override
    public void cancel(SessionId id) {
        call(s -> {
            s.cancel(id);
            return null;
        });
    }

    @Override
    public Page<Session> list(ListQuery query) {
        return call(s -> s.list(query));
    }

    /**
     * The walk holds the tenant's service only while it is made; a walk still going when the tenant is closed
     * (idle past its timeout, or evicted) ends with {@link IllegalStateException} at its next page.
     */
    @Override
    public Stream<Session> listAll(ListQuery query) {
        return call(s -> s.listAll(query));
    }

    @Override
    public List<Session> findCreated(SessionDraft draft) {
        return call(s -> s.findCreated(draft));
    }

    @Override
    public void checkCredentials() {
        call(s -> {
            s.checkCredentials();
            return null;
        });
    }

    @Override
    public CompletableFuture<Session> createAsync(SessionDraft draft) {
        return async(s -> s.createAsync(draft));
    }

    @Override
    public CompletableFuture<Session> getAsync(SessionId id) {
        return async(s -> s.getAsync(id));
    }

    @Override
    public CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update) {
        return async(s -> s.updateAsync(id, update));
    }

    @Override
    public CompletableFuture<Void> cancelAsync(SessionId id) {
        return async(s -> s.cancelAsync(id));
    }

    @Override
    public CompletableFuture<Page<Session>> listAsync(ListQuery query) {
        return async(s -> s.listAsync(query));
    }

    @Override
    public CompletableFuture<List<Session>> listAllAsync(ListQuery query) {
        return async(s -> s.listAllAsync(query));
    }

    @Override
    public CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft) {
        return async(s -> s.findCreatedAsync(draft));
    }

    @Override
    public CompletableFuture<Void> checkCredentialsAsync() {
        return async(SessionService::checkCredentialsAsync);
    }

    /** Ends this view; the tenant's service stays open for other views until idleness or eviction closes it. */
    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "SessionService[tenant " + tenant + "]";
    }
}
