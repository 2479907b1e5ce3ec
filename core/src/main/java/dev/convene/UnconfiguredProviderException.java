package dev.convene;

import java.util.List;

/**
 * A session id, draft or listing names a provider this service is not configured for: a Zoom id given to
 * a service of WeCom alone, say, after the application moved vendor. Configure that provider too
 * ({@code convene.providers = wecom, zoom}, each with its {@code convene.<id>.*} keys) to reach its sessions.
 * Nothing was sent.
 */
public class UnconfiguredProviderException extends ConfigurationException {
    private final String provider;
    private final List<String> configured;

    public UnconfiguredProviderException(String provider, List<String> configured) {
        super("provider '" + provider + "' is not configured in this service; configured: " + String.join(", ", configured)
                + " (add it to convene.providers with its convene." + provider + ".* keys)");
        this.provider = provider;
        this.configured = List.copyOf(configured);
    }

    /** The provider asked for, e.g. {@code zoom}. */
    public String provider() {
        return provider;
    }

    /** The providers this service is configured with, the default first. */
    public List<String> configured() {
        return configured;
    }
}
