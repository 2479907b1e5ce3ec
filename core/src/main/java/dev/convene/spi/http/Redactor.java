package dev.convene.spi.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps secrets out of logs and messages. It knows secrets two ways: by value (configured secrets and
 * every token a provider fetched, registered with {@link #addSecret}) and by name (query parameters,
 * headers and JSON fields that always carry secrets, like {@code access_token} or {@code Authorization}).
 * A meeting's {@code password} is one of them: {@link dev.convene.Session#toString()} hides it, so the HTTP
 * log at TRACE does too; a provider registers its vendor's other names for it ({@link #addSensitiveName}).
 */
public final class Redactor {
    public static final String MASK = "****";
    /** Names whose values are secret wherever they appear; lower case. */
    private static final Set<String> DEFAULT_NAMES = Set.of(
            "access_token", "corpsecret", "corp_secret", "client_secret", "secret", "secretkey", "secret_key",
            "authorization", "proxy-authorization", "x-tc-signature", "x-tc-key", "token", "refresh_token", "password");

    /** The two patterns per set of names, shared by every redactor with that set (see {@link #rebuild()}). */
    private static final Cache<String, Pattern[]> PATTERNS = Caffeine.newBuilder().maximumSize(64).build();

    private final Set<String> fixedSecrets = ConcurrentHashMap.newKeySet();
    /**
     * Tokens and signatures come and go; remembering the most recent ones is enough, and keeps memory
     * bounded: a set of at most {@link #RECENT} values, the oldest dropped first through a ring of slots.
     * (Tencent registers a signature on every call, so this is on the hot path: a cache put cost more.)
     */
    private static final int RECENT = 512;
    private final Set<String> recentSecrets = ConcurrentHashMap.newKeySet();
    private final AtomicReferenceArray<String> recentOrder = new AtomicReferenceArray<>(RECENT);
    private final AtomicInteger nextSlot = new AtomicInteger();
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private volatile Pattern jsonPattern;
    private volatile Pattern formPattern;

    public Redactor() {
        names.addAll(DEFAULT_NAMES);
        rebuild();
    }

    /** A configured secret (corp secret, SecretKey, client secret): masked for good. */
    public void addFixedSecret(String secret) {
        if (usable(secret)) {
            fixedSecrets.add(secret);
            fixedSecrets.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /** A short-lived secret (an access token, a signature): masked while it is among the most recent. */
    public void addSecret(String secret) {
        if (usable(secret)) {
            remember(secret);
            remember(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
    }

    /**
     * A short-lived secret that only ever travels in a header (a request signature): masked while it is among
     * the most recent, as it is; unlike {@link #addSecret} no URL-encoded form is kept, which a value that
     * never goes into a URL cannot take (and a signature per call made that encoding a cost of every call).
     */
    public void addHeaderSecret(String secret) {
        if (usable(secret)) {
            remember(secret);
        }
    }

    private void remember(String secret) {
        if (!recentSecrets.add(secret)) {
            return;
        }
        String dropped = recentOrder.getAndSet(Math.floorMod(nextSlot.getAndIncrement(), RECENT), secret);
        if (dropped != null) {
            recentSecrets.remove(dropped);
        }
    }

    /** A query parameter, header or JSON field name whose value is always secret. */
    public void addSensitiveName(String name) {
        names.add(name.toLowerCase(Locale.ROOT));
        rebuild();
    }

    public boolean isSensitiveName(String name) {
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    /** {@code text} with every known secret value, and the value of every sensitive {@code name=value} or {@code "name":"value"}, masked. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : fixedSecrets) {
            out = out.replace(s, MASK);
        }
        for (String s : recentSecrets) {
            out = out.replace(s, MASK);
        }
        out = mask(jsonPattern, out);
        return mask(formPattern, out);
    }

    private static String mask(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder b = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement(m.group(1) + MASK));
        }
        m.appendTail(b);
        return b.toString();
    }

    private void rebuild() {
        String alternatives = String.join("|", names.stream().sorted().map(Pattern::quote).toList());
        // Every service of one provider has the same names: its patterns are compiled once for all of them
        // (many tenants' services would otherwise each hold a copy of the same automaton).
        Pattern[] patterns = PATTERNS.get(alternatives, a -> new Pattern[] {
                Pattern.compile("(?i)(\"(?:" + a + ")\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)"),
                Pattern.compile("(?i)((?<![A-Za-z0-9_-])(?:" + a + ")=)([^&\\s\"]*)")});
        jsonPattern = patterns[0];
        formPattern = patterns[1];
    }


    private static boolean usable(String secret) {
        // Very short values would mask ordinary text; no real credential is that short.
        return secret != null && secret.length() >= 6;
    }
}
