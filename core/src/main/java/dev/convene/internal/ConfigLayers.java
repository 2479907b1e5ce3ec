package dev.convene.internal;

import dev.convene.ConfigurationException;
import dev.convene.spi.ProviderConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Merges configuration the contract's way: files and maps first, then {@code convene.*} system
 * properties, then environment variables, each overriding the one before. A variable is the key
 * upper-cased with {@code .} and {@code -} turned into {@code _} ({@code CONVENE_ZOOM_CLIENT_SECRET});
 * since that mapping cannot be reversed in general, a variable is matched against the keys we know
 * (set elsewhere, declared by a provider, or global), else read as {@code convene.<provider>.<key-with-dashes>}.
 */
public final class ConfigLayers {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigLayers.class);
    public static final Set<String> GLOBAL_KEYS = Set.of(
            "convene.provider", "convene.providers", "convene.token-store", "convene.rate-limits.scope", "convene.rate-limits.max-wait",
            "convene.http.max-requests", "convene.http.max-requests-per-host",
            "convene.http.connect-timeout", "convene.http.read-timeout", "convene.http.call-timeout", "convene.find-created.settle");

    private ConfigLayers() {
    }

    /**
     * A {@code .properties} file (UTF-8) as a map.
     *
     * @throws ConfigurationException naming the file when it cannot be read
     */
    public static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage(), List.of(), e);
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** The JVM's system properties as a map, for {@link #merge}. */
    public static Map<String, String> systemProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        System.getProperties().stringPropertyNames().forEach(k -> out.put(k, System.getProperty(k)));
        return out;
    }

    public static Map<String, String> merge(Map<String, String> base, Map<String, String> systemProperties,
                                            Map<String, String> environment, Collection<String> declaredKeys,
                                            Collection<String> providerIds) {
        Map<String, String> out = new LinkedHashMap<>(base);
        systemProperties.forEach((k, v) -> {
            if (k.startsWith("convene.")) {
                out.put(k, v);
            }
        });
        Set<String> known = new HashSet<>(out.keySet());
        known.addAll(GLOBAL_KEYS);
        known.addAll(declaredKeys);
        Map<String, String> byVariable = new LinkedHashMap<>();
        for (String key : known) {
            byVariable.put(ProviderConfig.environmentVariable(key), key);
        }
        environment.forEach((variable, value) -> {
            if (!variable.startsWith("CONVENE_")) {
                return;
            }
            String key = byVariable.get(variable);
            if (key == null) {
                key = providerKey(variable, providerIds);
            }
            if (key != null) {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Warns, once per key each time a service is opened, about every key under {@code convene.<provider>.}
     * that the provider does not declare, naming the closest one it does: a typo in an optional key
     * ({@code convene.zoom.organiser}) would otherwise be ignored without a word. Keys of other providers
     * and keys outside {@code convene.<provider>.} are none of this provider's business.
     *
     * @param declared the provider's own key names, e.g. {@code organizer}
     * @return the keys warned about
     */
    public static List<String> warnUnknownKeys(String provider, Collection<String> declared, Collection<String> keys) {
        String prefix = "convene." + provider + ".";
        List<String> known = declared.stream().map(name -> prefix + name).distinct().sorted().toList();
        List<String> unknown = keys.stream().filter(k -> k.startsWith(prefix) && !known.contains(k)).distinct().sorted().toList();
        for (String key : unknown) {
            String closest = known.stream().min(Comparator.comparingInt(k -> distance(key, k))).orElse(null);
            LOG.warn("{} is not a configuration key of {} and is ignored.{} Its keys: {}", key, provider,
                    closest == null ? "" : " Did you mean " + closest + "?", known.isEmpty() ? "none" : String.join(", ", known));
        }
        return unknown;
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from {@code a} to {@code b}. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String providerKey(String variable, Collection<String> providerIds) {
        for (String id : providerIds) {
            String prefix = ProviderConfig.environmentVariable("convene." + id) + "_";
            if (variable.startsWith(prefix) && variable.length() > prefix.length()) {
                return "convene." + id + "." + variable.substring(prefix.length()).toLowerCase(Locale.ROOT).replace('_', '-');
            }
        }
        return null;
    }
}
