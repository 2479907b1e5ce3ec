package dev.convene;

import java.util.List;

/** Convene is not configured well enough to start: a key is missing, a value is wrong, or the provider is unknown. */
public class ConfigurationException extends ConveneException {
    private final List<String> missingKeys;

    public ConfigurationException(String message) {
        this(message, List.of(), null);
    }

    public ConfigurationException(String message, List<String> missingKeys, Throwable cause) {
        super(message, cause);
        this.missingKeys = List.copyOf(missingKeys);
    }

    /** The configuration keys (e.g. {@code convene.zoom.client-secret}) that were needed but not set. */
    public List<String> missingKeys() {
        return missingKeys;
    }
}
