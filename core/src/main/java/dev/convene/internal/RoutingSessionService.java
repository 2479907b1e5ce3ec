package dev.convene.internal;

import dev.convene.Capabilities;
import dev.convene.ConveneException;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.UnconfiguredProviderException;
import dev.convene.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import java.util.stream.Stream;

/**
 * One {@link SessionService} over the per-provider services of {@code convene.providers}: a call on an id
 * goes to the id's provider, a create to the draft's provider or the default, a listing to the query's
 * provider or to every provider in turn. Everything else (checks, retries, listeners, paging within a
 * provider) is the per-provider service's. With one provider it only adds the clear error for ids of others.
 */
public final class RoutingSessionService implements SessionService {
    private static final String CURSOR_MARK = "providers\n";

    /** The default first. */
    private final Map<String, SessionService> services;
    private final String defaultProvider;
    private final List<String> ids;
    private final AutoCloseable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param services by provider id, the default first
     * @param onClose  what else to release on close (a token store the services share), or {@code null}
     */
    public RoutingSessionService(Map<String, SessionService> services, AutoCloseable onClose) {
        this.services = new LinkedHashMap<>(services);
        this.onClose = onClose;
        this.ids = List.copyOf(services.keySet());
        this.defaultProvider = ids.get(0);
    }

    @Override
    public String provider() {
        return defaultProvider;
    }

    @Override
    public Capabilities capabilities() {
        return services.get(defaultProvider).capabilities();
    }

    @Override
    public List<String> providers() {
        return ids;
    }

    @Override
    public Capabilities capabilities(String provider) {
        return service(provider).capabilities();
    }

    /** The service of {@code provider} ({@code null}: the default), refusing one that is not configured. */
    private SessionService service(String provider) {
        SessionService s = services.get(provider == null ? defaultProvider : provider);
        if (s == null) {
            throw new UnconfiguredProviderException(String.valueOf(provider), ids);
        }
        return s;
    }

    private SessionService open(String provider) {
        if (closed.get()) {
            throw new IllegalStateException("this SessionService of " + String.join(", ", ids) + " is closed");
        }
        return service(provider);
    }

    private SessionService of(SessionId id) {
        if (id == null) {
            if (closed.get()) {
                throw new IllegalStateException("this SessionService of " + String.join(", ", ids) + " is closed");
            }
            throw new InvalidSessionException(List.of(new Violation("id", "is required")));
        }
        return open(id.provider());
    }

    private SessionService of(SessionDraft draft) {
        return open(draft == null ? null : blankToNull(draft.provider()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public Session create(SessionDraft draft) {
        return of(draft).create(draft);
    }

    @Override
    public List<Violation> validate(SessionDraft draft) {
        return of(draft).validate(draft);
    }

    @Override
    public List<Violation> validate(SessionId id, SessionUpdate update) {
        return of(id).validate(id, update);
    }

    @Override
    public Session get(SessionId id) {
        return of(id).get(id);
    }

    @Override
    public Session update(SessionId id, SessionUpdate update) {
        return of(id).update(id, update);
    }

    @Override
    public void cancel(SessionId id) {
        of(id).cancel(id);
    }

    @Override
    public List<Session> findCreated(SessionDraft draft) {
        return of(draft).findCreated(draft);
    }

    /** Every configured provider's check, in turn; the first refusal stops it. */
    @Override
    public void checkCredentials() {
        open(null);
        services.values().forEach(SessionService::checkCredentials);
    }

    @Override
    public CompletableFuture<Session> createAsync(SessionDraft draft) {
        return async(() -> of(draft).createAsync(draft));
    }

    @Override
    public CompletableFuture<Session> getAsync(SessionId id) {
        return async(() -> of(id).getAsync(id));
    }

    @Override
    public CompletableFuture<Session> updateAsync(SessionId id, SessionUpdate update) {
        return async(() -> of(id).updateAsync(id, update));
    }

    @Override
    public CompletableFuture<Void> cancelAsync(SessionId id) {
        return async(() -> of(id).cancelAsync(id));
    }

    @Override
    public CompletableFuture<List<Session>> findCreatedAsync(SessionDraft draft) {
        return async(() -> of(draft).findCreatedAsync(draft));
    }

    @Override
    public CompletableFuture<Void> checkCredentialsAsync() {
        open(null);
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (SessionService s : services.values()) {
            all = all.thenCompose(ignored -> s.checkCredentialsAsync());
        }
        return all;
    }

    // ---- listings ------------------------------------------------------------------------------

    /**
     * Where a listing goes: one provider with the caller's own cursor (a query naming a provider, or a
     * service of one), or a walk over the providers that can answer it, whose cursor says which one it is at.
     */
    private record Route(List<String> walk, int index, ListQuery query) {
        boolean walking() {
            return walk.size() > 1;
        }
    }

    private Route route(ListQuery asked) {
        ListQuery q = asked == null ? ListQuery.all() : asked;
        String named = blankToNull(q.provider());
        if (named != null) {
            open(named);
            return new Route(List.of(named), 0, q);
        }
        open(null);
        List<String> walk = ids.stream().filter(id -> canList(services.get(id).capabilities(), q)).toList();
        if (walk.size() <= 1) {
            // the default's own refusal explains a listing nobody can answer
            return new Route(List.of(walk.isEmpty() ? defaultProvider : walk.get(0)), 0, q);
        }
        if (q.cursor() == null) {
            return new Route(walk, 0, q);
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(q.cursor()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            raw = "";
        }
        int nl = raw.indexOf('\n', CURSOR_MARK.length());
        int index = raw.startsWith(CURSOR_MARK) && nl > 0 ? walk.indexOf(raw.substring(CURSOR_MARK.length(), nl)) : -1;
        if (index < 0) {
            throw new InvalidSessionException(List.of(new Violation("cursor", "'" + q.cursor()
                    + "' was not made by this service's listing of " + String.join(", ", walk) + " (pass Page.nextCursor() back unchanged)")));
        }
        String inner = raw.substring(nl + 1);
        return new Route(walk, index, q.withCursor(inner.isEmpty() ? null : inner));
    }

    /** Whether the provider would list {@code q} rather than refuse it as unsupported. */
    private static boolean canList(Capabilities c, ListQuery q) {
        List<SessionKind> kinds = q.kind() != null ? List.of(q.kind())
                : c.supportedKinds().stream().filter(k -> c.supports(k, Operation.LIST)).toList();
        return !kinds.isEmpty() && kinds.stream().allMatch(k -> c.supports(k, Operation.LIST)
                && (!q.asksForCancelled() || c.supports(k, Feature.LISTS_CANCELLED)));
    }

    private SessionService at(Route r) {
        return services.get(r.walk().get(r.index()));
    }

    private ListQuery inner(Route r) {
        return r.walking() ? r.query().withProvider(null) : r.query();
    }

    /** The provider's page with a cursor that carries the walk on to the next provider when this one is done. */
    private static Page<Session> page(Route r, Page<Session> page) {
        if (!r.walking()) {
            return page;
        }
        if (page.hasNext()) {
            return new Page<>(page.items(), cursor(r.walk().get(r.index()), page.nextCursor()));
        }
        if (r.index() + 1 < r.walk().size()) {
            return new Page<>(page.items(), cursor(r.walk().get(r.index() + 1), null));
        }
        return Page.last(page.items());
    }

    private static String cursor(String provider, String inner) {
        String raw = CURSOR_MARK + provider + "\n" + (inner == null ? "" : inner);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Page<Session> list(ListQuery query) {
        Route r = route(query);
        return page(r, at(r).list(inner(r)));
    }

    @Override
    public CompletableFuture<Page<Session>> listAsync(ListQuery query) {
        return async(() -> {
            Route r = route(query);
            return at(r).listAsync(inner(r)).thenApply(p -> page(r, p));
        });
    }

    /** Each provider's own walk, one after another: every page of one before the first of the next. */
    @Override
    public Stream<Session> listAll(ListQuery query) {
        Route r = route(query);
        if (!r.walking()) {
            return at(r).listAll(r.query());
        }
        ListQuery inner = inner(r);
        return r.walk().subList(r.index(), r.walk().size()).stream().flatMap(id -> {
            // the first provider resumes from the caller's cursor, the others start from their beginning
            ListQuery q = id.equals(r.walk().get(r.index())) ? inner : inner.withCursor(null);
            return open(id).listAll(q);
        });
    }

    @Override
    public CompletableFuture<List<Session>> listAllAsync(ListQuery query) {
        return async(() -> walkAsync(route(query)));
    }

    private CompletableFuture<List<Session>> walkAsync(Route r) {
        if (!r.walking()) {
            return at(r).listAllAsync(r.query());
        }
        ListQuery inner = inner(r);
        CompletableFuture<List<Session>> all = CompletableFuture.completedFuture(new ArrayList<>());
        for (int i = r.index(); i < r.walk().size(); i++) {
            SessionService s = services.get(r.walk().get(i));
            ListQuery q = i == r.index() ? inner : inner.withCursor(null);
            all = all.thenCompose(sofar -> s.listAllAsync(q).thenApply(more -> {
                sofar.addAll(more);
                return sofar;
            }));
        }
        return all.thenApply(List::copyOf);
    }

    /**
     * An input error found while routing fails the future, as the per-provider services' own input errors do;
     * a closed service throws at once, as they do too.
     */
    private static <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (ConveneException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                services.values().forEach(SessionService::close);
            } finally {
                release(onClose);
            }
        }
    }

    private static void release(AutoCloseable resource) {
        if (resource != null) {
            try {
                resource.close();
            } catch (Exception e) {
                LoggerFactory.getLogger(RoutingSessionService.class).warn("closing failed: {}", e.getClass().getName());
            }
        }
    }

    /** Opens a routing service over {@code ids} (the default first), closing what was opened if one fails to open. */
    public static SessionService open(List<String> ids, Function<String, SessionService> opener, AutoCloseable onClose) {
        Map<String, SessionService> opened = new LinkedHashMap<>();
        try {
            for (String id : ids) {
                opened.put(id, opener.apply(id));
            }
        } catch (RuntimeException e) {
            opened.values().forEach(SessionService::close);
            release(onClose);
            throw e;
        }
        return new RoutingSessionService(opened, onClose);
    }
}
