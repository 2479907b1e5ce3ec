package dev.convene.spring.boot.internal;

import dev.convene.spring.boot.ConveneProperties;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads {@link ConveneProperties} from Spring's environment. Keys pass through as they are written
 * ({@code convene.zoom.client-id}; a camel-case segment such as {@code clientId} becomes {@code client-id}, and a YAML
 * list becomes Convene's comma-separated value); {@code CONVENE_*} variables are handed to Convene, which maps them
 * to its keys exactly as without Spring.
 */
public final class SpringConfig {
    private static final Pattern INDEXED = Pattern.compile("^(.+)\\[(\\d+)]$");
    private static final String PREFIX = "convene.";

    private SpringConfig() {
    }

    /**
     * @param redis whether {@code convene-tokenstore-redis} is on the class path: then a Redis that Spring knows
     *              ({@code spring.data.redis.url}, or {@code spring.data.redis.host}) becomes Convene's
     *              token store, call budgets and event de-duplication, unless the keys say otherwise
     */
    public static ConveneProperties read(ConfigurableEnvironment env, boolean redis) {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
        Set<String> aboveEnvironment = new HashSet<>();
        Map<String, String> variables = new LinkedHashMap<>();
        boolean environmentSeen = false;
        for (PropertySource<?> source : env.getPropertySources()) {
            if (source instanceof SystemEnvironmentPropertySource system) {
                environmentSeen = true;
                system.getSource().forEach((name, value) -> {
                    if (name.startsWith("CONVENE_") && value != null) {
                        variables.putIfAbsent(name, value.toString());
                    }
                });
                continue;
            }
            if (!(source instanceof EnumerablePropertySource<?> enumerable)) {
                continue;
            }
            Map<String, TreeMap<Integer, String>> listsHere = new LinkedHashMap<>();
            for (String name : enumerable.getPropertyNames()) {
                if (!name.startsWith(PREFIX)) {
                    continue;
                }
                Object raw = enumerable.getProperty(name);
                if (raw == null) {
                    continue;
                }
                String value = env.resolvePlaceholders(raw.toString());
                Matcher indexed = INDEXED.matcher(name);
                if (indexed.matches()) {
                    listsHere.computeIfAbsent(key(indexed.group(1)), k -> new TreeMap<>()).put(Integer.parseInt(indexed.group(2)), value);
                    continue;
                }
                String key = key(name);
                if (!properties.containsKey(key) && !lists.containsKey(key)) {
                    properties.put(key, value);
                    if (!environmentSeen) {
                        aboveEnvironment.add(key);
                    }
                }
            }
            // a list is taken whole from the one source that ranks highest, as Spring binds lists
            for (Map.Entry<String, TreeMap<Integer, String>> list : listsHere.entrySet()) {
                if (!properties.containsKey(list.getKey()) && !lists.containsKey(list.getKey())) {
                    lists.put(list.getKey(), list.getValue());
                    if (!environmentSeen) {
                        aboveEnvironment.add(list.getKey());
                    }
                }
            }
        }
        lists.forEach((key, values) -> properties.put(key, String.join(",", values.values())));
        // what Spring ranks above the environment keeps its value: drop the variable Convene would apply on top
        aboveEnvironment.forEach(key -> variables.remove(variable(key)));
        if (redis) {
            redisDefaults(env, properties, variables);
        }
        return new ConveneProperties(properties, variables);
    }

    /** {@code CONVENE_ZOOM_CLIENT_SECRET} for {@code convene.zoom.client-secret}, as Convene and Spring both name it. */
    public static String variable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void redisDefaults(ConfigurableEnvironment env, Map<String, String> properties, Map<String, String> variables) {
        String url = first(properties, variables, "convene.redis.url");
        if (url == null) {
            url = springRedisUrl(env);
            if (url == null) {
                return;
            }
            properties.put("convene.redis.url", url);
        }
        putIfUnset(properties, variables, "convene.token-store", "redis");
        putIfUnset(properties, variables, "convene.rate-limits.scope", "cluster");
        putIfUnset(properties, variables, "convene.events.dedup", "redis");
    }

    /** Spring Boot's own Redis keys, the same on Boot 3.5 and 4: {@code spring.data.redis.url}, else host, port, .... */
    static String springRedisUrl(ConfigurableEnvironment env) {
        String url = env.getProperty("spring.data.redis.url");
        if (url != null && !url.isBlank()) {
            return url.trim();
        }
        String host = env.getProperty("spring.data.redis.host");
        if (host == null || host.isBlank()) {
            return null;
        }
        boolean ssl = Boolean.parseBoolean(env.getProperty("spring.data.redis.ssl.enabled", "false"));
        String user = env.getProperty("spring.data.redis.username");
        String password = env.getProperty("spring.data.redis.password");
        StringBuilder b = new StringBuilder(ssl ? "rediss://" : "redis://");
        if (password != null && !password.isEmpty()) {
            b.append(user == null ? "" : encode(user)).append(':').append(encode(password)).append('@');
        }
        b.append(host.trim()).append(':').append(env.getProperty("spring.data.redis.port", "6379").trim());
        String database = env.getProperty("spring.data.redis.database");
        if (database != null && !database.isBlank() && !database.trim().equals("0")) {
            b.append('/').append(database.trim());
        }
        return b.toString();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String first(Map<String, String> properties, Map<String, String> variables, String key) {
        String fromEnvironment = variables.get(variable(key));
        return fromEnvironment != null ? fromEnvironment : properties.get(key);
    }

    private static void putIfUnset(Map<String, String> properties, Map<String, String> variables, String key, String value) {
        if (first(properties, variables, key) == null) {
            properties.put(key, value);
        }
    }

    /** Convene's name for a property Spring holds: camel-case segments in kebab case, as relaxed binding reads them. */
    static String key(String name) {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && name.charAt(i - 1) != '.' && name.charAt(i - 1) != '-') {
                    b.append('-');
                }
                b.append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
