package dev.convene;

import dev.convene.internal.ConfigLayers;
import dev.convene.internal.DefaultSessionService;
import dev.convene.internal.ServiceFactory;
import dev.convene.spi.token.TokenStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What {@link Convene.Builder} and {@link Tenants.Builder} both take: configuration layers, the clock, retries,
 * completions, the token store and the plugin class loader. Like every builder of this package, each setter
 * takes {@code null} as "not set", which means the default it documents.
 */
public abstract class ServiceBuilder<B extends ServiceBuilder<B>> {
    final Map<String, String> properties = new LinkedHashMap<>();
    Map<String, String> environment = System.getenv();
    boolean systemProperties = true;
    Clock clock = Clock.systemUTC();
    RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    TokenStore tokenStore;
    ClassLoader classLoader;
    Function<Duration, CompletionStage<Void>> retryWait = DefaultSessionService::waitInRealTime;
    Executor completionExecutor;

    ServiceBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Adds properties; later calls override earlier ones. */
    public B properties(Map<String, String> values) {
        if (values != null) {
            properties.putAll(values);
        }
        return self();
    }

    /** Adds properties; later calls override earlier ones. */
    public B properties(Properties values) {
        if (values != null) {
            values.stringPropertyNames().forEach(k -> properties.put(k, values.getProperty(k)));
        }
        return self();
    }

    /**
     * Reads a {@code .properties} file (UTF-8).
     *
     * @throws ConfigurationException when the file cannot be read
     */
    public B propertiesFile(Path file) {
        if (file == null) {
            return self();
        }
        return properties(ConfigLayers.readFile(file));
    }

    /** The environment variables to apply on top (default: the process environment). */
    public B environment(Map<String, String> environment) {
        this.environment = environment == null ? System.getenv() : Map.copyOf(environment);
        return self();
    }

    /** Whether {@code convene.*} system properties apply (default: yes). */
    public B systemProperties(boolean use) {
        this.systemProperties = use;
        return self();
    }

    /** The clock for every "now" (tests inject one); default: the system clock in UTC. */
    public B clock(Clock clock) {
        this.clock = clock == null ? Clock.systemUTC() : clock;
        return self();
    }

    /** How reads and cancels are retried; default {@link RetryPolicy#DEFAULT}. */
    public B retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy == null ? RetryPolicy.DEFAULT : retryPolicy;
        return self();
    }

    /**
     * How core waits before it retries a call, and before {@code findCreated} looks again: given the delay, a
     * stage that completes when the wait is over. Blocking and async calls both wait through it. The default waits in real time on one
     * shared timer thread, so an async call parks no thread while it waits; tests pass a function
     * that notes the delay and returns a completed stage, so that retries take no time.
     */
    public B retryWait(Function<Duration, CompletionStage<Void>> wait) {
        this.retryWait = wait == null ? DefaultSessionService::waitInRealTime : wait;
        return self();
    }

    /**
     * Where the futures of the {@code …Async} methods complete, and so where stages attached to them
     * without an executor of their own run. Default ({@code null}): on the thread that finished the
     * call, one of OkHttp's dispatcher threads, which a slow stage then keeps from other calls. Give
     * one when stages block or take long (a JDBC call, a virtual-thread executor, a UI thread's).
     * If it refuses a task (shut down), that future completes on the finishing thread instead.
     */
    public B completionExecutor(Executor executor) {
        this.completionExecutor = executor;
        return self();
    }

    /** Where tokens live; default: {@code convene.token-store}, else one in-memory store for the JVM. */
    public B tokenStore(TokenStore tokenStore) {
        this.tokenStore = tokenStore;
        return self();
    }

    /** Where to look for provider plugins in addition to the context class loader. */
    public B classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return self();
    }

    /** The settings every service opened from this builder shares. */
    ServiceFactory.Settings settings(List<SessionListener> listeners) {
        return new ServiceFactory.Settings(clock, retryPolicy, retryWait, listeners, tokenStore, classLoader, completionExecutor);
    }
}
