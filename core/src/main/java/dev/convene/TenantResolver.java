package dev.convene;

import java.util.Map;

/**
 * Where a tenant's configuration comes from, for {@link Tenants}: the same {@code convene.*} keys one
 * service takes ({@code convene.provider} or {@code convene.providers}, and each provider's
 * {@code convene.<id>.*} keys), read when the tenant is first used and again after it was closed or
 * {@linkplain Tenants#refresh refreshed}. Typically a database read. Called from the first caller's thread;
 * it may be called for several tenants at once, never twice at once for one tenant.
 */
@FunctionalInterface
public interface TenantResolver {

    /**
     * The tenant's configuration, or {@code null} or an empty map when there is no such tenant.
     *
     * @throws Exception anything: {@link Tenants} reports it as a {@link ConfigurationException} naming the tenant
     */
    Map<String, String> configuration(String tenant) throws Exception;
}
