package dev.convene;

import dev.convene.internal.ConfigLayers;
import dev.convene.internal.ServiceFactory;
import dev.convene.internal.DefaultSessionService;
import dev.convene.internal.ProviderRegistry;
import dev.convene.spi.token.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

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
    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private boolean systemProperties = true;
        private String provider;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final List<SessionListener> listeners = new ArrayList<>();
        private TokenStore tokenStore;
        private ClassLoader classLoader;
        private Function<Duration, CompletionStage<Void>> retryWait = DefaultSessionService::waitInRealTime;
        private Executor completionExecutor;

        private Builder() {
        }

        /** Adds properties; later calls override earlier ones. */
        public Builder properties(Map<String, String> values) {
            if (values != null) {
                properties.putAll(values);
            }
            return this;
        }

        /** Adds properties; later calls override earlier ones. */
        public Builder properties(Properties values) {
            if (values != null) {
                values.stringPropertyNames().forEach(k -> properties.put(k, values.getProperty(k)));
            }
            return this;
        }

        /**
         * Reads a {@code .properties} file (UTF-8).
         *
         * @throws ConfigurationException when the file cannot be read
         */
        public Builder propertiesFile(Path file) {
            if (file == null) {
                return this;
            }
            return properties(ConfigLayers.readFile(file));
        }

        /** The environment variables to apply on top (default: the process environment). */
        public Builder environment(Map<String, String> environment) {
            this.environment = environment == null ? System.getenv() : Map.copyOf(environment);
            return this;
        }

        /** Whether {@code convene.*} system properties apply (default: yes). */
        public Builder systemProperties(boolean use) {
            this.systemProperties = use;
            return this;
        }

        /**
         * Chooses the provider, overriding {@code convene.provider}: with several ({@code convene.providers}) the
         * default for creates, added to them when they do not name it.
         */
        public Builder provider(String id) {
            this.provider = id;
            return this;
        }

        /** The clock for every "now" (tests inject one); default: the system clock in UTC. */
        public Builder clock(Clock clock) {
            this.clock = clock == null ? Clock.systemUTC() : clock;
            return this;
        }

        /** How reads and cancels are retried; default {@link RetryPolicy#DEFAULT}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
            return this;
        }

        /**
         * How core waits before it retries a call: given the delay, a stage that completes when the wait
         * is over. Blocking and async calls both wait through it. The default waits in real time on one
         * shared timer thread, so an async call parks no thread while it waits; tests pass a function
         * that notes the delay and returns a completed stage, so that retries take no time.
         */
        public Builder retryWait(Function<Duration, CompletionStage<Void>> wait) {
            this.retryWait = wait == null ? DefaultSessionService::waitInRealTime : wait;
            return this;
        }

        /**
         * Where the futures of the {@code …Async} methods complete, and so where stages attached to them
         * without an executor of their own run. Default ({@code null}): on the thread that finished the
         * call, one of OkHttp's dispatcher threads, which a slow stage then keeps from other calls. Give
         * one when stages block or take long (a JDBC call, a virtual-thread executor, a UI thread's).
         * If it refuses a task (shut down), that future completes on the finishing thread instead.
         */
        public Builder completionExecutor(Executor executor) {
            this.completionExecutor = executor;
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

        /** Where tokens live; default: {@code convene.token-store}, else one in-memory store for the JVM. */
        public Builder tokenStore(TokenStore tokenStore) {
            this.tokenStore = tokenStore;
            return this;
        }

        /** Where to look for provider plugins in addition to the context class loader. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = classLoader;
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
            return ServiceFactory.open(config, provider, settings());
        }

        ServiceFactory.Settings settings() {
            return new ServiceFactory.Settings(clock, retryPolicy, retryWait, listeners, tokenStore, classLoader, completionExecutor);
        }
    }
}
