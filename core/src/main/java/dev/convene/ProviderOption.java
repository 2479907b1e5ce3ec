package dev.convene;

import java.util.Objects;

/**
 * A typed knob only one vendor has (say, the WeCom calendar a meeting goes into). Providers publish
 * their options as constants; a draft may carry options of any provider, and each provider reads only
 * its own.
 */
public record ProviderOption<T>(String provider, String name, Class<T> type) {
    public ProviderOption {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return provider + "." + name;
    }
}
