package dev.convene;

/**
 * A typed knob only one vendor has (say, the WeCom calendar a meeting goes into). Providers publish
 * their options as constants; a draft may carry options of any provider, and each provider reads only
 * its own.
 */
public record ProviderOption<T>(String provider, String name, Class<T> type) {
    /** @throws IllegalArgumentException when a part is missing (providers publish options as constants) */
    public ProviderOption {
        if (provider == null || name == null || type == null) {
            throw new IllegalArgumentException("a provider option's provider, name and type are required, was " + provider + "." + name + " of " + type);
        }
    }

    @Override
    public String toString() {
        return provider + "." + name;
    }
}
