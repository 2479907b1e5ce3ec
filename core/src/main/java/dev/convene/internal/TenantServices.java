package dev.convene.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.convene.ConfigurationException;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.TenantResolver;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The open tenants of {@link dev.convene.Tenants}: a bounded Caffeine cache of services, loaded through the
 * resolver and closed when removed (idle, evicted, refreshed) once no call holds them.
 */
public final class TenantServices implements AutoCloseable {
    private final TenantResolver resolver;
    private final ServiceFactory.Configuration shared;
    private final ServiceFactory.Settings settings;
    private final List<Function<String, SessionListener>> listeners;
    private final TokenStore tokens;
    private final AutoCloseable ownedTokens;
    /** One pool and one dispatcher for every tenant. */
    private final OkHttpClient root;
    private final LoadingCache<String, OpenTenant> open;
    private final AtomicBoolean closed = new AtomicBoolean();

    public TenantServices(TenantResolver resolver, ServiceFactory.Configuration shared, ServiceFactory.Settings settings,
                          List<Function<String, SessionListener>> listeners, int maxOpen, Duration idleTimeout) {
        this.resolver = resolver;
        this.shared = new ServiceFactory.Configuration(shared.registry(), sharedKeys(shared));
        this.settings = settings;
        this.listeners = listeners;
        this.root = HttpRoot.client(ServiceFactory.httpSettings(this.shared.values()));
        if (settings.tokenStore() != null) {
            this.tokens = settings.tokenStore();
            this.ownedTokens = null;
        } else {
            TokenStore configured = ServiceFactory.configuredTokenStore(this.shared.values(), settings);
            this.tokens = configured;
            this.ownedTokens = ServiceFactory.isJvmStore(configured) ? null : configured;
        }
        this.open = Caffeine.newBuilder()
                .maximumSize(maxOpen)
                .expireAfterAccess(idleTimeout)
                .ticker(() -> settings.clock().millis() * 1_000_000L)
                // removal work runs on the caller's thread: no pool of our own, and tests see it at once
                .executor(Runnable::run)
                .removalListener((String tenant, OpenTenant t, RemovalCause cause) -> {
                    if (t != null) {
                        t.evict();
                    }
                })
                .build(this::openTenant);
    }

    /** The shared layers without any provider's keys or provider choice: those come from each tenant's resolver alone. */
    private static Map<String, String> sharedKeys(ServiceFactory.Configuration c) {
        List<String> prefixes = c.registry().all().stream().map(p -> "convene." + p.id() + ".").toList();
        Map<String, String> out = new LinkedHashMap<>();
        c.values().forEach((k, v) -> {
            if (!k.equals("convene.provider") && !k.equals("convene.providers") && prefixes.stream().noneMatch(k::startsWith)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private OpenTenant openTenant(String tenant) {
        Map<String, String> answer;
        try {
            answer = resolver.configuration(tenant);
        } catch (Exception e) {
            throw new ConfigurationException("tenant '" + tenant + "': the resolver failed (" + e.getClass().getName() + ")", List.of(), e);
        }
        if (answer == null || answer.isEmpty()) {
            throw new ConfigurationException("tenant '" + tenant + "': the resolver has no configuration for it (convene.provider and its keys)",
                    List.of("convene.provider"), null);
        }
        Map<String, String> values = new LinkedHashMap<>(shared.values());
        answer.forEach((k, v) -> {
            if (k != null && v != null) {
                values.put(k, v);
            }
        });
        List<SessionListener> own = new ArrayList<>(settings.listeners());
        for (Function<String, SessionListener> l : listeners) {
            SessionListener listener = l.apply(tenant);
            if (listener != null) {
                own.add(listener);
            }
        }
        ServiceFactory.Settings tenantSettings = new ServiceFactory.Settings(settings.clock(), settings.retryPolicy(), settings.retryWait(),
                own, null, settings.classLoader(), settings.completionExecutor());
        try {
            return new OpenTenant(ServiceFactory.open(new ServiceFactory.Configuration(shared.registry(), values), null, tenantSettings,
                    new TenantTokens(tenant, tokens), root));
        } catch (ConfigurationException e) {
            throw new ConfigurationException("tenant '" + tenant + "': " + e.getMessage(), e.missingKeys(), e);
        }
    }

    /** The tenant's open service, opening it when needed, held for one call: release it when the call ends. */
    OpenTenant acquire(String tenant) {
        while (true) {
            if (closed.get()) {
                throw new IllegalStateException("these Tenants are closed");
            }
            OpenTenant t;
            try {
                t = open.get(tenant);
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            if (t.acquire()) {
                return t;
            }
            // closed by an eviction a moment ago: the cache no longer holds it, so the next get opens it anew
            open.asMap().remove(tenant, t);
        }
    }

    public SessionService scoped(String tenant) {
        return new TenantSessionService(tenant, this);
    }

    public void refresh(String tenant) {
        open.invalidate(tenant);
    }

    public Set<String> open() {
        open.cleanUp();
        return Set.copyOf(open.asMap().keySet());
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            open.invalidateAll();
            open.cleanUp();
            if (ownedTokens != null) {
                try {
                    ownedTokens.close();
                } catch (Exception e) {
                    // nothing more to release
                }
            }
        }
    }

    /** A tenant's service and the calls holding it: an evicted one is closed when the last of them ends. */
    static final class OpenTenant {
        final SessionService service;
        private int inUse;
        private boolean evicted;
        private boolean closed;

        OpenTenant(SessionService service) {
            this.service = service;
        }

        synchronized boolean acquire() {
            if (closed) {
                return false;
            }
            inUse++;
            return true;
        }

        void release() {
            boolean close;
            synchronized (this) {
                close = --inUse == 0 && evicted && !closed;
                closed |= close;
            }
            if (close) {
                service.close();
            }
        }

        void evict() {
            boolean close;
            synchronized (this) {
                evicted = true;
                close = inUse == 0 && !closed;
                closed |= close;
            }
            if (close) {
                service.close();
            }
        }
    }

    /**
     * The shared store seen by one tenant: every key is the tenant's own, so two tenants never share a token,
     * even for the same credentials, and none is left to a tenant that takes over another's id.
     */
    static final class TenantTokens implements TokenStore {
        private final String tenant;
        private final TokenStore store;

        TenantTokens(String tenant, TokenStore store) {
            this.tenant = tenant;
            this.store = Objects.requireNonNull(store);
        }

        private TokenKey key(TokenKey key) {
            return TokenKey.of(key.provider(), "tenant", tenant, key.credentialHash());
        }

        @Override
        public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
            return store.obtain(key(key), validUntil, fetcher);
        }

        @Override
        public void invalidate(TokenKey key, AccessToken stale) {
            store.invalidate(key(key), stale);
        }

        /** Budgets belong to the vendor account, not to the tenant: tenants of one account share them. */
        @Override
        public dev.convene.spi.CallBudgets callBudgets() {
            return store.callBudgets();
        }

        /** The shared store outlives every tenant. */
        @Override
        public void close() {
        }
    }
}
