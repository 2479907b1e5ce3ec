package dev.convene;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one session at one vendor: provider id, kind and the vendor's own id. Its string form
 * {@code provider:kind:nativeId} (e.g. {@code wecom:meeting:hyRJX2CQAAz}) is stable and safe to store;
 * get, update and cancel are routed by it alone.
 */
public record SessionId(String provider, SessionKind kind, String nativeId) {
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern NATIVE = Pattern.compile("[\\x21-\\x7E]{1,256}");

    public SessionId {
        Objects.requireNonNull(kind, "kind");
        if (provider == null || !PROVIDER.matcher(provider).matches()) {
            throw new IllegalArgumentException("provider id must be lower-case letters, digits or '-' starting with a letter (at most 32), was '" + provider + "'");
        }
        if (nativeId == null || !NATIVE.matcher(nativeId).matches()) {
            throw new IllegalArgumentException("native id must be 1 to 256 printable ASCII characters without spaces, was '" + nativeId + "'");
        }
    }

    public static SessionId of(String provider, SessionKind kind, String nativeId) {
        return new SessionId(provider, kind, nativeId);
    }

    /**
     * Parses {@code provider:kind:nativeId}. The native id may itself contain colons (only the first
     * two separate), so vendor ids never need escaping.
     *
     * @throws IllegalArgumentException naming what is wrong with {@code text}
     */
    public static SessionId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("session id is empty; expected provider:kind:nativeId, e.g. zoom:webinar:97871060099");
        }
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("session id '" + text + "' is not of the form provider:kind:nativeId, e.g. zoom:webinar:97871060099");
        }
        SessionKind kind;
        try {
            kind = SessionKind.parse(text.substring(first + 1, second));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("session id '" + text + "': " + e.getMessage(), e);
        }
        try {
            return new SessionId(text.substring(0, first), kind, text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("session id '" + text + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return provider + ":" + kind.wireName() + ":" + nativeId;
    }
}
