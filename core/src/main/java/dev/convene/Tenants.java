package dev.convene;

import dev.convene.internal.DefaultSessionService;
import dev.convene.internal.ServiceFactory;
import dev.convene.internal.TenantServices;
import dev.convene.spi.token.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Sessions of many tenants, each with its own vendor credentials, in one application: a SaaS that holds
 * its customers' WeCom, Tencent Meeting or Zoom accounts. An application-supplied {@link TenantResolver}
 * gives a tenant's configuration when the tenant is first used; {@link #sessions(String)} is a
 * {@link SessionService} scoped to that tenant.
 *
 * <pre>{@code
 * Tenants tenants = Tenants.builder(tenant -> repository.conveneProperties(tenant))
 *         .properties(Map.of("convene.token-store", "redis", "convene.redis.url", "redis://cache:6379"))
 *         .build();
 * Session s = tenants.sessions("acme").create(draft);
 * }</pre>
 *
 * <p>A tenant's service is opened on first use and closed when it has been idle for
 * {@link Builder#idleTimeout} or when more than {@link Builder#maxOpen} are open (the least recently used
 * goes first); a call in flight keeps its service open until it ends. The next use resolves and opens the
 * tenant again. Every tenant shares one HTTP connection pool and dispatcher and one token store, in which
 * each tenant's tokens are its own: no token, listener call or cached value crosses from one tenant to
 * another, even where two tenants hold the same credentials, and a tenant whose credentials changed
 * (after {@link #refresh} or an idle close) gets tokens for the new ones. One tenant's bad configuration or
 * refused credentials fail that tenant's calls only.
 *
 * <p>Thread-safe. {@link #close()} closes every open tenant and the token store it opened.
 */
public final class Tenants implements AutoCloseable {
    private final TenantServices services;

    private Tenants(TenantServices services) {
        this.services = services;
    }

    /** A builder for tenants configured by {@code resolver}. @throws NullPointerException when it is null */
    public static Builder builder(TenantResolver resolver) {
        return new Builder(java.util.Objects.requireNonNull(resolver, "resolver"));
    }

    /**
     * The sessions of {@code tenant}: a service whose every call goes to that tenant's open service, opening it
     * (through the resolver) first when it is not open. Cheap: no I/O and no resolving happen here. Its
     * {@link SessionService#close()} ends this view only, not the tenant's service, which idleness or
     * eviction closes. Calls throw what {@link SessionService} documents, and also
     * {@link ConfigurationException} naming the tenant (and the missing keys, never the values) when the
     * resolver fails, has no configuration for the tenant, or gives an incomplete one; and
     * {@link IllegalStateException} after {@link #close()}.
     *
     * @throws IllegalArgumentException when {@code tenant} is null or blank
     */
    public SessionService sessions(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant id is required");
        }
        return services.scoped(tenant);
    }

    /**
     * Closes {@code tenant}'s service (once its calls in flight end) so that its next call resolves its
     * configuration again: how an application makes changed credentials take effect at once. Nothing happens
     * when the tenant is not open.
     */
    public void refresh(String tenant) {
        services.refresh(tenant);
    }

    /** The tenants whose services are open now (idle ones past their timeout already closed). */
    public Set<String> openTenants() {
        return services.open();
    }

    /** Closes every tenant's service and the token store opened from the configuration; idempotent. */
    @Override
    public void close() {
        services.close();
    }

    /**
     * Configures {@link Tenants}. The properties given here are what every tenant shares (the token store,
     * {@code convene.http.*}, {@code convene.redis.*}); a tenant's own keys come from the resolver alone, so
     * provider keys set here, in system properties or in the environment never reach a tenant. Setters take
     * {@code null} as "the default".
     */
    public static final class Builder {
        private final TenantResolver resolver;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private boolean systemProperties = true;
        private int maxOpen = 10_000;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Function<Duration, CompletionStage<Void>> retryWait = DefaultSessionService::waitInRealTime;
        private final List<Function<String, SessionListener>> listeners = new ArrayList<>();
        private TokenStore tokenStore;
        private ClassLoader classLoader;
        private Executor completionExecutor;

        private Builder(TenantResolver resolver) {
            this.resolver = resolver;
        }

        /** Shared configuration (token store, HTTP, Redis); later calls override earlier ones. */
        public Builder properties(Map<String, String> values) {
            if (values != null) {
                properties.putAll(values);
            }
            return this;
        }

        /** The environment variables applied to the shared configuration (default: the process environment). */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? System.getenv() : Map.copyOf(environment);
            return this;
        }

        /** Whether {@code convene.*} system properties apply to the shared configuration (default: yes). */
        public Builder systemProperties(boolean use) {
            this.systemProperties = use;
            return this;
        }

        /**
         * The most tenants open at once (default 10,000); past it the least recently used is closed.
         *
         * @throws IllegalArgumentException when below 1
         */
        public Builder maxOpen(int maxOpen) {
            if (maxOpen < 1) {
                throw new IllegalArgumentException("maxOpen must be at least 1, was " + maxOpen);
            }
            this.maxOpen = maxOpen;
            return this;
        }

        /**
         * How long a tenant's service stays open after its last call (default 10 minutes).
         *
         * @throws IllegalArgumentException when negative or zero
         */
        public Builder idleTimeout(Duration idleTimeout) {
            if (idleTimeout != null && (idleTimeout.isNegative() || idleTimeout.isZero())) {
                throw new IllegalArgumentException("idleTimeout must be positive, was " + idleTimeout);
            }
            this.idleTimeout = idleTimeout == null ? Duration.ofMinutes(10) : idleTimeout;
            return this;
        }

        /** The clock for every "now", idleness included (tests inject one); default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock == null ? Clock.systemUTC() : clock;
            return this;
        }

        /** As {@link Convene.Builder#retryPolicy}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
            return this;
        }

        /** As {@link Convene.Builder#retryWait}. */
        public Builder retryWait(Function<Duration, CompletionStage<Void>> wait) {
            this.retryWait = wait == null ? DefaultSessionService::waitInRealTime : wait;
            return this;
        }

        /** As {@link Convene.Builder#completionExecutor}. */
        public Builder completionExecutor(Executor executor) {
            this.completionExecutor = executor;
            return this;
        }

        /**
         * Adds a listener per tenant: {@code forTenant} is asked for the tenant's listener each time its service
         * opens (return {@code null} for none), so a listener hears only its own tenant's calls.
         */
        public Builder listener(Function<String, SessionListener> forTenant) {
            if (forTenant != null) {
                listeners.add(forTenant);
            }
            return this;
        }

        /** The store every tenant's tokens live in, each under its own keys; default: {@code convene.token-store}. */
        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        /** Where to look for provider plugins in addition to the context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
            return this;
        }

        /**
         * Finds the providers and opens the shared token store; no tenant is resolved yet.
         *
         * @throws ConfigurationException when the shared configuration is wrong (an unknown token store, a malformed value)
         */
        public Tenants build() {
            ServiceFactory.Configuration shared = ServiceFactory.configure(classLoader, properties, systemProperties, environment);
            ServiceFactory.Settings settings = new ServiceFactory.Settings(clock, retryPolicy, retryWait, List.of(), tokenStore,
                    classLoader, completionExecutor);
            return new Tenants(new TenantServices(resolver, shared, settings, List.copyOf(listeners), maxOpen, idleTimeout));
        }
    }
}
