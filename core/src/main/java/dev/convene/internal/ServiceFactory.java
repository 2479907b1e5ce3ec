package dev.convene.internal;

import dev.convene.ConfigurationException;
import dev.convene.RetryPolicy;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.spi.ProviderConfig;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.SessionProvider;
import dev.convene.spi.VendorClient;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.token.TokenStore;
import dev.convene.spi.token.TokenStoreFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;

/**
 * What {@link dev.convene.Convene.Builder#build()} does: merges the configuration, finds the providers it
 * names, checks their keys and opens one {@link DefaultSessionService} per provider behind a
 * {@link RoutingSessionService}. Tenants open their services through the same steps.
 */
public final class ServiceFactory {
    private static final InMemoryTokenStore JVM_TOKENS = new InMemoryTokenStore();
    private static final Pattern URL_USER_INFO = Pattern.compile("^[a-z][a-z0-9+.-]*://([^@/]+)@");
    /** Keys every provider has under {@code convene.<id>.}, read by core rather than by the provider. */
    static final List<String> CORE_PROVIDER_KEYS = List.of("proxy", "local-address", "rate-limits");
    /** Every service in the JVM paces one vendor account against one budget. */
    private static final dev.convene.spi.CallBudgets JVM_BUDGETS = dev.convene.spi.CallBudgets.local();

    /** What the builder was told besides the configuration: everything a service is opened with. */
    /** @param tokenStore the store the application gave, or {@code null} for {@code convene.token-store} */
    public record Settings(Clock clock, RetryPolicy retryPolicy, Function<Duration, CompletionStage<Void>> retryWait,
                           List<SessionListener> listeners, TokenStore tokenStore, ClassLoader classLoader, Executor completionExecutor) {
        public Settings {
            listeners = List.copyOf(listeners);
        }
    }

    /** The providers found and the configuration merged from every layer. */
    public record Configuration(ProviderRegistry registry, Map<String, String> values) {
    }

    private ServiceFactory() {
    }

    /**
     * The providers on the class path and the configuration from {@code properties}, system properties (when
     * {@code systemProperties}) and {@code environment}, each overriding the one before.
     */
    public static Configuration configure(ClassLoader classLoader, Map<String, String> properties, boolean systemProperties,
                                          Map<String, String> environment) {
        HttpRoot.prepare();
        ProviderRegistry registry = ProviderRegistry.load(classLoader);
        List<String> declared = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (SessionProvider p : registry.all()) {
            ids.add(p.id());
            p.requiredKeys().forEach(k -> declared.add("convene." + p.id() + "." + k));
            p.optionalKeys().forEach(k -> declared.add("convene." + p.id() + "." + k));
            CORE_PROVIDER_KEYS.forEach(k -> declared.add("convene." + p.id() + "." + k));
        }
        ServiceLoader.load(TokenStoreFactory.class, loader(classLoader)).forEach(f -> declared.addAll(f.configurationKeys()));
        Map<String, String> config = ConfigLayers.merge(properties, systemProperties ? ConfigLayers.systemProperties() : Map.of(),
                environment, declared, ids);
        return new Configuration(registry, config);
    }

    /**
     * Opens the service {@code config} describes, its own token store ({@code convene.token-store}) included.
     *
     * @param chosenDefault the default provider the builder was given, overriding {@code convene.provider}; may be null
     */
    public static SessionService open(Configuration config, String chosenDefault, Settings settings) {
        List<SessionProvider> providers = providers(config, chosenDefault);
        providers.forEach(p -> check(p, config.values()));
        TokenStore tokens = settings.tokenStore() != null ? settings.tokenStore() : configuredTokenStore(config.values(), settings);
        AutoCloseable owned = settings.tokenStore() == null && tokens != JVM_TOKENS ? tokens : null;
        try {
            return open(config, providers, settings, tokens, HttpRoot.client(httpSettings(config.values())), owned);
        } catch (RuntimeException e) {
            closeQuietly(owned);
            throw e;
        }
    }

    /**
     * Opens the service {@code config} describes over a given token store (not closed with the service) and
     * root HTTP client (its pool and dispatcher shared).
     */
    public static SessionService open(Configuration config, String chosenDefault, Settings settings, TokenStore tokens,
                                      OkHttpClient root) {
        List<SessionProvider> providers = providers(config, chosenDefault);
        providers.forEach(p -> check(p, config.values()));
        return open(config, providers, settings, tokens, root, null);
    }

    private static SessionService open(Configuration config, List<SessionProvider> providers, Settings settings, TokenStore tokens,
                                       OkHttpClient root, AutoCloseable owned) {
        Redactor redactor = redactor(config.values());
        Map<String, SessionProvider> byId = new java.util.LinkedHashMap<>();
        providers.forEach(p -> byId.put(p.id(), p));
        return RoutingSessionService.open(List.copyOf(byId.keySet()),
                id -> openOne(byId.get(id), config.values(), settings, tokens, root, redactor), owned);
    }

    /**
     * The providers to open, the default first: {@code convene.providers} (comma- or space-separated) and the
     * default, which is {@code chosenDefault}, else {@code convene.provider}, else the first listed.
     */
    static List<SessionProvider> providers(Configuration config, String chosenDefault) {
        Map<String, String> values = config.values();
        List<String> listed = Arrays.stream(values.getOrDefault("convene.providers", "").split("[,\\s]+"))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        String def = chosenDefault != null && !chosenDefault.isBlank() ? chosenDefault : values.get("convene.provider");
        if (def == null || def.isBlank()) {
            if (listed.isEmpty()) {
                List<String> found = config.registry().all().stream().map(SessionProvider::id).toList();
                throw new ConfigurationException("missing configuration convene.provider (or environment variable CONVENE_PROVIDER); providers found: "
                        + (found.isEmpty() ? "none" : String.join(", ", found)), List.of("convene.provider"), null);
            }
            def = listed.get(0);
        }
        Set<String> ids = new LinkedHashSet<>();
        ids.add(def.trim().toLowerCase(Locale.ROOT));
        ids.addAll(listed);
        return ids.stream().map(id -> config.registry().byId(id)).toList();
    }

    /** Every key the provider requires is set and every URL of it is one: checked before anything opens. */
    private static void check(SessionProvider p, Map<String, String> config) {
        List<String> ownKeys = new ArrayList<>(p.requiredKeys());
        ownKeys.addAll(p.optionalKeys());
        ownKeys.addAll(CORE_PROVIDER_KEYS);
        ConfigLayers.warnUnknownKeys(p.id(), ownKeys, config.keySet());
        ProviderConfig providerConfig = new ProviderConfig(p.id(), config);
        List<String> missing = p.requiredKeys().stream().map(providerConfig::key)
                .filter(k -> providerConfig.global(k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("missing configuration for " + p.id() + ": " + String.join(", ", missing)
                    + " (environment: " + String.join(", ", missing.stream().map(ProviderConfig::environmentVariable).toList()) + ")",
                    missing, null);
        }
        // a mistyped URL is a configuration error naming its key, not an HTTP library's complaint
        String prefix = providerConfig.key("");
        config.keySet().stream().filter(k -> k.startsWith(prefix) && k.endsWith("-url"))
                .forEach(k -> providerConfig.getUrl(k.substring(prefix.length())));
        Egress.check(providerConfig);
    }

    private static SessionService openOne(SessionProvider p, Map<String, String> config, Settings s, TokenStore tokens,
                                          OkHttpClient root, Redactor redactor) {
        ProviderConfig providerConfig = new ProviderConfig(p.id(), config);
        OkHttpClient http = Egress.apply(providerConfig, root);
        Pacer pacer = pacer(p, providerConfig, config, tokens);
        if (pacer != null) {
            http = http.newBuilder().addInterceptor(pacer).build();
        }
        ProviderContext context = new ProviderContext(p.id(), providerConfig, http, s.clock(), tokens, redactor,
                new RetriedReads(s.retryPolicy(), s.retryWait()));
        VendorClient client = p.open(context);
        return new DefaultSessionService(p.id(), p.capabilities(), client, s.clock(), s.retryPolicy(), s.retryWait(), s.listeners(),
                redactor, null, p.credentialKeys().stream().map(providerConfig::key).toList(), s.completionExecutor(),
                duration(config, "convene.find-created.settle", DefaultSessionService.DEFAULT_SETTLE));
    }

    /**
     * The pacing of the provider's vendor account: its declared limits or {@code convene.<id>.rate-limits}, per
     * account ({@link SessionProvider#accountKeys()}), in this JVM or ({@code convene.rate-limits.scope = cluster})
     * through the token store's shared budgets. Null when there is no limit to keep.
     */
    private static Pacer pacer(SessionProvider p, ProviderConfig c, Map<String, String> config, TokenStore tokens) {
        List<dev.convene.spi.RateLimit> limits = c.get("rate-limits")
                .map(v -> dev.convene.spi.RateLimit.parseAll(c.key("rate-limits"), v)).orElseGet(p::rateLimits);
        if (limits.isEmpty()) {
            return null;
        }
        String scope = config.getOrDefault("convene.rate-limits.scope", "instance").trim().toLowerCase(Locale.ROOT);
        dev.convene.spi.CallBudgets budgets;
        if (scope.equals("instance") || scope.isEmpty()) {
            budgets = JVM_BUDGETS;
        } else if (scope.equals("cluster")) {
            budgets = tokens.callBudgets();
            if (budgets == null) {
                throw new ConfigurationException("convene.rate-limits.scope = cluster needs a token store shared by the instances"
                        + " (convene.token-store = redis, with convene-tokenstore-redis); this one shares nothing");
            }
        } else {
            throw new ConfigurationException("convene.rate-limits.scope must be instance or cluster, was '" + scope + "'");
        }
        Duration maxWait = duration(config, "convene.rate-limits.max-wait", Duration.ofSeconds(5));
        String[] account = p.accountKeys().stream().map(k -> c.get(k).orElse("")).toArray(String[]::new);
        return new Pacer(p.id(), dev.convene.spi.token.TokenKey.of(p.id(), account).toString(), limits, maxWait, budgets);
    }

    /** Every value that looks like a secret by its key, and the credentials inside URLs, masked wherever text is logged. */
    private static Redactor redactor(Map<String, String> config) {
        Redactor redactor = new Redactor();
        config.forEach((k, v) -> {
            if (k.matches(".*(secret|password|token|key)$") && !k.endsWith("token-store")) {
                redactor.addFixedSecret(v);
            }
            if (k.endsWith("url") || k.endsWith(".proxy")) {
                // redis://user:password@host and the like: the credentials inside a URL are secrets too
                Matcher userInfo = URL_USER_INFO.matcher(v);
                if (userInfo.find()) {
                    String info = userInfo.group(1);
                    redactor.addFixedSecret(info);
                    redactor.addFixedSecret(info.substring(info.indexOf(':') + 1));
                }
            }
        });
        return redactor;
    }

    /** {@code convene.token-store}: one in-memory store for the JVM by default, else the factory of that id. */
    public static TokenStore configuredTokenStore(Map<String, String> config, Settings settings) {
        String id = config.getOrDefault("convene.token-store", "memory").trim();
        if (id.isEmpty() || id.equals("memory")) {
            return JVM_TOKENS;
        }
        List<String> found = new ArrayList<>(List.of("memory"));
        for (TokenStoreFactory f : ServiceLoader.load(TokenStoreFactory.class, loader(settings.classLoader()))) {
            if (f.id().equals(id)) {
                return f.open(config, settings.clock());
            }
            found.add(f.id());
        }
        throw new ConfigurationException("unknown token store '" + id + "' in convene.token-store; available: " + String.join(", ", found)
                + " (add e.g. convene-tokenstore-redis to the class path)");
    }

    /** Whether {@code store} is the JVM's own in-memory store, which nobody closes. */
    static boolean isJvmStore(TokenStore store) {
        return store == JVM_TOKENS;
    }

    private static ClassLoader loader(ClassLoader classLoader) {
        return classLoader != null ? classLoader : ServiceFactory.class.getClassLoader();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the opening failure is what the caller needs to see
            }
        }
    }

    /** The {@code convene.http.*} keys: one root client (pool and dispatcher) per distinct setting. */
    public static HttpRoot.Settings httpSettings(Map<String, String> config) {
        HttpRoot.Settings d = HttpRoot.Settings.DEFAULT;
        return new HttpRoot.Settings(
                positiveInt(config, "convene.http.max-requests", d.maxRequests()),
                positiveInt(config, "convene.http.max-requests-per-host", d.maxRequestsPerHost()),
                duration(config, "convene.http.connect-timeout", d.connectTimeout()),
                duration(config, "convene.http.read-timeout", d.readTimeout()),
                duration(config, "convene.http.call-timeout", d.callTimeout()),
                d.keepAlive());
    }

    private static String value(Map<String, String> config, String key) {
        String v = config.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int positiveInt(Map<String, String> config, String key, int fallback) {
        String v = value(config, key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " must be a positive whole number, was '" + v + "'");
        }
    }

    private static Duration duration(Map<String, String> config, String key, Duration fallback) {
        String v = value(config, key);
        if (v == null) {
            return fallback;
        }
        try {
            return v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
        } catch (RuntimeException e) {
            throw new ConfigurationException(key + " must be a duration like PT30S or a number of seconds, was '" + v + "'");
        }
    }
}
