package dev.convene.spi;

import java.util.Arrays;
import java.util.List;

/**
 * The configuration keys a provider reads under {@code convene.<id>.}, declared once: core checks the required ones
 * before it opens the provider (naming every missing one at once, with its environment variable), warns about keys
 * under the prefix that are not declared, names the credential keys in an {@link dev.convene.AuthenticationException},
 * and paces every service configured with the same account keys' values under one budget.
 *
 * @param required    keys that must be set, e.g. {@code corp-id}
 * @param optional    keys that may be set (their defaults apply when absent)
 * @param credentials the keys holding the credentials, the ones to check when the vendor refuses them
 * @param account     the keys naming the vendor account the provider's rate limits apply to; empty for the credentials
 */
public record ConfigKeys(List<String> required, List<String> optional, List<String> credentials, List<String> account) {
    /** @throws NullPointerException when a list is null or holds null */
    public ConfigKeys {
        required = List.copyOf(required);
        optional = List.copyOf(optional);
        credentials = List.copyOf(credentials);
        account = List.copyOf(account);
    }

    /** Keys that must be set; the credentials are these until {@link #credentials(String...)} says otherwise. */
    public static ConfigKeys required(String... keys) {
        List<String> required = Arrays.asList(keys);
        return new ConfigKeys(required, List.of(), required, List.of());
    }

    /** These keys with {@code keys} as the optional ones. */
    public ConfigKeys optional(String... keys) {
        return new ConfigKeys(required, Arrays.asList(keys), credentials, account);
    }

    /** These keys with {@code keys} as the ones holding credentials (required or optional). */
    public ConfigKeys credentials(String... keys) {
        return new ConfigKeys(required, optional, Arrays.asList(keys), account);
    }

    /** These keys with {@code keys} as the ones naming the vendor account (WeCom's corp, Zoom's account). */
    public ConfigKeys account(String... keys) {
        return new ConfigKeys(required, optional, credentials, Arrays.asList(keys));
    }

    /** The keys naming the vendor account: those given to {@link #account(String...)}, else the credentials. */
    public List<String> accountKeys() {
        return account.isEmpty() ? credentials : account;
    }
}
