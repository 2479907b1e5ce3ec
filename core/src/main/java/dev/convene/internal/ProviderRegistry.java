package dev.convene.internal;

import dev.convene.ConfigurationException;
import dev.convene.spi.SessionProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds providers with ServiceLoader, in the manner of JDBC and SLF4J: every class loader that may see
 * plugins (the context loader, then core's own), each entry on its own so one broken jar is reported
 * and skipped instead of breaking the rest, providers for another SPI version set aside, and two
 * providers claiming one id refused.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, SessionProvider> providers;
    private final Map<String, String> setAside;
    private final List<String> problems;

    private ProviderRegistry(Map<String, SessionProvider> providers, Map<String, String> setAside, List<String> problems) {
        this.providers = providers;
        this.setAside = setAside;
        this.problems = List.copyOf(problems);
    }

    public static ProviderRegistry load(ClassLoader preferred) {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        if (preferred != null) {
            loaders.add(preferred);
        }
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(ProviderRegistry.class.getClassLoader());

        Map<Class<?>, SessionProvider> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ClassLoader loader : loaders) {
            Iterator<SessionProvider> it = ServiceLoader.load(SessionProvider.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    SessionProvider p = it.next();
                    found.putIfAbsent(p.getClass(), p);
                } catch (ServiceConfigurationError | LinkageError e) {
                    problems.add("a provider could not be loaded and was skipped: " + e.getMessage());
                }
            }
        }
        return from(found.values(), problems);
    }

    /** A registry over the given providers (for tests and DI containers that build providers themselves). */
    public static ProviderRegistry from(Iterable<SessionProvider> candidates, List<String> earlierProblems) {
        List<String> problems = new ArrayList<>(earlierProblems);
        Map<String, SessionProvider> byId = new LinkedHashMap<>();
        Map<String, String> setAside = new LinkedHashMap<>();
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        for (SessionProvider p : candidates) {
            String id;
            int version;
            try {
                id = p.id();
                version = p.spiVersion();
            } catch (RuntimeException | LinkageError e) {
                problems.add("provider " + p.getClass().getName() + " failed to describe itself and was skipped: " + e);
                continue;
            }
            if (version != SessionProvider.SPI_VERSION) {
                String why = "provider '" + id + "' (" + p.getClass().getName() + ") was built for SPI version " + version
                        + ", but this Convene core speaks version " + SessionProvider.SPI_VERSION + "; use a matching release";
                problems.add(why);
                setAside.put(id, why);
                continue;
            }
            SessionProvider previous = byId.putIfAbsent(id, p);
            if (previous != null) {
                duplicates.computeIfAbsent(id, k -> new ArrayList<>(List.of(previous.getClass().getName()))).add(p.getClass().getName());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new ConfigurationException("more than one provider claims the same id: " + duplicates.entrySet().stream()
                    .map(e -> "'" + e.getKey() + "' by " + String.join(" and ", e.getValue()))
                    .collect(Collectors.joining("; ")) + ". Remove one of the jars from the class path.");
        }
        problems.forEach(p -> LOG.warn("Convene discovery: {}", p));
        return new ProviderRegistry(byId, setAside, problems);
    }

    public List<SessionProvider> all() {
        return List.copyOf(providers.values());
    }

    public SessionProvider byId(String id) {
        SessionProvider p = providers.get(id);
        if (p != null) {
            return p;
        }
        if (setAside.containsKey(id)) {
            throw new ConfigurationException(setAside.get(id));
        }
        throw new ConfigurationException("unknown provider '" + id + "'; providers found: "
                + (providers.isEmpty() ? "none (add a provider jar such as convene-provider-zoom to the class path)" : String.join(", ", providers.keySet()))
                + (problems.isEmpty() ? "" : "; problems while looking: " + String.join("; ", problems)));
    }

    /** What went wrong while looking, one line each; empty when nothing did. */
    public List<String> problems() {
        return problems;
    }
}
