package dev.convene.internal;

import dev.convene.ConfigurationException;
import dev.convene.spi.ProviderConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Merges configuration the contract's way: files and maps first, then {@code convene.*} system
 * properties, then environment variables, each overriding the one before. A variable is the key
 * upper-cased with {@code .} and {@code -} turned into {@code _} ({@code CONVENE_ZOOM_CLIENT_SECRET});
 * since that mapping cannot be reversed in general, a variable is matched against the keys we know
 * (set elsewhere, declared by a provider, or global), else read as {@code convene.<provider>.<key-with-dashes>}.
 */
public final class ConfigLayers {
    public static final Set<String> GLOBAL_KEYS = Set.of(
            "convene.provider", "convene.token-store",
            "convene.http.max-requests", "convene.http.max-requests-per-host",
            "convene.http.connect-timeout", "convene.http.read-timeout", "convene.http.call-timeout");

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
