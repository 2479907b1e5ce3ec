package dev.convene.spring.boot;

import java.util.Map;
import java.util.Objects;

/**
 * The Convene configuration a Spring application has: every {@code convene.*} key of its property sources
 * ({@code application.properties} or YAML, command-line arguments, system properties, test properties), as Convene
 * names them, and the {@code CONVENE_*} environment variables, which Convene maps to its keys itself. Every
 * {@code SessionService}, {@code Tenants} and {@code EventReceiver} the starter makes is configured from it. Define a
 * bean of this type to replace what the starter read. Immutable.
 *
 * <p>Spring's precedence holds: a key set where Spring ranks above the environment (a command-line argument, a
 * system property) wins over its variable, and a variable wins over the application's files.
 */
public final class ConveneProperties {
    private final Map<String, String> properties;
    private final Map<String, String> environment;

    /**
     * @param properties  {@code convene.*} keys and their values, as {@code convene.zoom.client-id}
     * @param environment {@code CONVENE_*} variables for Convene to apply on top, as {@code CONVENE_ZOOM_CLIENT_SECRET}
     * @throws NullPointerException when either map, or a key or value in it, is null
     */
    public ConveneProperties(Map<String, String> properties, Map<String, String> environment) {
        this.properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** The {@code convene.*} keys and their values. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The {@code CONVENE_*} environment variables Convene applies on top of {@link #properties()}. */
    public Map<String, String> environment() {
        return environment;
    }

    /** A key's value as Convene will see it, the environment included, or {@code null}. */
    public String get(String key) {
        String variable = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        String fromEnvironment = environment.get(variable);
        return fromEnvironment != null ? fromEnvironment : properties.get(key);
    }

    /** The key names only: values may be secrets. */
    @Override
    public String toString() {
        return "ConveneProperties[" + String.join(", ", new java.util.TreeSet<>(properties.keySet())) + "; environment: "
                + String.join(", ", new java.util.TreeSet<>(environment.keySet())) + "]";
    }
}
