package dev.convene.spi;

import dev.convene.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration as one provider sees it: {@code get("corp-id")} reads {@code convene.<id>.corp-id}
 * after environment overrides were applied. Errors name the full key and its environment variable.
 */
public final class ProviderConfig {
    private final String providerId;
    private final Map<String, String> values;

    public ProviderConfig(String providerId, Map<String, String> values) {
        this.providerId = providerId;
        this.values = Map.copyOf(values);
    }

    /** The full key of a provider key: {@code corp-id} → {@code convene.wecom.corp-id}. */
    public String key(String name) {
        return "convene." + providerId + "." + name;
    }

    /** The environment variable that overrides a full key: {@code convene.zoom.client-secret} → {@code CONVENE_ZOOM_CLIENT_SECRET}. */
    public static String environmentVariable(String fullKey) {
        return fullKey.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public Optional<String> get(String name) {
        return global(key(name));
    }

    public String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** A key outside this provider's namespace, e.g. {@code convene.http.max-requests-per-host}. */
    public Optional<String> global(String fullKey) {
        String v = values.get(fullKey);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new ConfigurationException(
                "missing configuration " + key(name) + " (or environment variable " + environmentVariable(key(name)) + ")",
                List.of(key(name)), null));
    }

    public int getInt(String name, int fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key(name) + " must be a whole number, was '" + v.get() + "'");
        }
    }

    /** A duration as ISO-8601 ({@code PT30S}) or whole seconds. */
    public Duration getDuration(String name, Duration fallback) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return v.get().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v.get())) : Duration.parse(v.get());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(key(name) + " must be a duration like PT30S or a number of seconds, was '" + v.get() + "'");
        }
    }

    /**
     * An absolute {@code http} or {@code https} URL, such as a vendor's base URL; anything else is a
     * configuration error naming the key and the rule.
     */
    public Optional<URI> getUrl(String name) {
        return get(name).map(v -> {
            try {
                URI uri = new URI(v);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getRawAuthority() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below, like any other value that is not such a URL
            }
            // The user-info part of a URL may hold a password: it is not repeated.
            throw new ConfigurationException(key(name) + " (environment variable " + environmentVariable(key(name))
                    + ") must be an absolute http or https URL such as https://api.example.com/v2, was '"
                    + v.replaceFirst("//[^/@]*@", "//***@") + "'");
        });
    }

    public String providerId() {
        return providerId;
    }

    /** Keys only: values may be secrets. */
    @Override
    public String toString() {
        return "ProviderConfig[" + providerId + ": " + new TreeMap<>(values).keySet() + "]";
    }
}
