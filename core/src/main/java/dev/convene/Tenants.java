package dev.convene;

import dev.convene.internal.ServiceFactory;
import dev.convene.internal.TenantServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        if (tenant != null) {
            services.refresh(tenant);
        }
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
     * Configures {@link Tenants}. The properties given here (with system properties and the environment) are
     * what every tenant shares (the token store, {@code convene.http.*}, {@code convene.redis.*},
     * {@code convene.rate-limits.*}); a tenant's own keys come from the resolver alone, so provider keys set
     * here, in system properties or in the environment never reach a tenant. Setters take {@code null} as "the
     * default"; the tokens of every tenant live in {@link #tokenStore}, each under keys of its own.
     */
    public static final class Builder extends ServiceBuilder<Builder> {
        private final TenantResolver resolver;
        private int maxOpen = 10_000;
        private Duration idleTimeout = Duration.ofMinutes(10);
        private final List<Function<String, SessionListener>> listeners = new ArrayList<>();

        private Builder(TenantResolver resolver) {
            this.resolver = resolver;
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

        /**
         * Finds the providers and opens the shared token store; no tenant is resolved yet.
         *
         * @throws ConfigurationException when the shared configuration is wrong (an unknown token store, a malformed value)
         */
        public Tenants build() {
            ServiceFactory.Configuration shared = ServiceFactory.configure(classLoader, properties, systemProperties, environment);
            return new Tenants(new TenantServices(resolver, shared, settings(List.of()), List.copyOf(listeners), maxOpen, idleTimeout));
        }
    }
}
