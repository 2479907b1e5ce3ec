package dev.convene;

import dev.convene.internal.ServiceFactory;
import dev.convene.internal.ProviderRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a {@link SessionService} comes from. The vendor is chosen by configuration
 * ({@code convene.provider}), so switching vendor is a configuration change:
 *
 * <pre>{@code
 * try (SessionService sessions = Convene.open(Map.of(
 *         "convene.provider", "zoom",
 *         "convene.zoom.account-id", "...", "convene.zoom.client-id", "...", "convene.zoom.client-secret", "..."))) {
 *     Session s = sessions.create(SessionDraft.builder(SessionKind.MEETING)
 *             .title("Weekly sync").start(ZonedDateTime.parse("2030-01-07T10:00+08:00[Asia/Shanghai]"))
 *             .duration(Duration.ofMinutes(45)).build());
 * }
 * }</pre>
 *
 * Configuration comes from the given maps and files, then {@code convene.*} system properties, then
 * {@code CONVENE_*} environment variables, each overriding the one before.
 */
public final class Convene {
    private Convene() {
    }

    /** A service configured by {@code properties}, system properties and the environment. */
    public static SessionService open(Map<String, String> properties) {
        return builder().properties(properties).build();
    }

    /** The providers on the class path, without opening any. */
    public static List<ProviderInfo> providers() {
        return providers(null);
    }

    /** The providers visible to {@code pluginLoader} (in addition to the context and core's own class loaders). */
    public static List<ProviderInfo> providers(ClassLoader pluginLoader) {
        return ProviderRegistry.load(pluginLoader).all().stream()
                .map(p -> new ProviderInfo(p.id(), p.displayName(), p.capabilities())).toList();
    }

    /** What went wrong while looking for providers (broken jars, SPI version mismatches); empty when nothing did. */
    public static List<String> discoveryProblems() {
        return discoveryProblems(null);
    }

    /** What went wrong while looking for providers, {@code pluginLoader}'s included (as {@link #providers(ClassLoader)} looks). */
    public static List<String> discoveryProblems(ClassLoader pluginLoader) {
        return ProviderRegistry.load(pluginLoader).problems();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures and opens a {@link SessionService}. Like every builder of this package, each setter takes
     * {@code null} as "not set", which means the default it documents; only {@link #build()} throws (a
     * {@link ConfigurationException} naming what is missing or wrong).
     */
    public static final class Builder extends ServiceBuilder<Builder> {
        private String provider;
        private final List<SessionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Chooses the provider, overriding {@code convene.provider}: with several ({@code convene.providers}) the
         * default for creates, added to them when they do not name it.
         */
        public Builder provider(String id) {
            this.provider = id;
            return this;
        }

        /**
         * Adds a listener told about every call, attempt and retry, every HTTP request the calls send and every token
         * they fetch (for metrics and tracing: {@code convene-micrometer} has one), in the order listeners were added.
         */
        public Builder listener(SessionListener listener) {
            if (listener != null) {
                listeners.add(listener);
            }
            return this;
        }

        /**
         * Opens the service: one provider ({@code convene.provider}), or several ({@code convene.providers}, with
         * {@code convene.provider}, else the first listed, as the default for creates).
         *
         * @throws ConfigurationException naming every missing key of a provider, an unknown provider (listing the
         *                                ones found), a malformed value, or an unknown token store
         */
        public SessionService build() {
            ServiceFactory.Configuration config = ServiceFactory.configure(classLoader, properties, systemProperties, environment);
            return ServiceFactory.open(config, provider, settings(listeners));
        }
    }
}
