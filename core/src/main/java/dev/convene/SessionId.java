package dev.convene;

import java.util.Objects;

/**
 * Identifies one session at one vendor: provider id, kind and the vendor's own id. Its string form
 * {@code provider:kind:nativeId} (e.g. {@code wecom:meeting:hyRJX2CQAAz}) is stable and safe to store;
 * get, update and cancel are routed by it alone.
 */
public record SessionId(String provider, SessionKind kind, String nativeId) {
    public SessionId {
        Objects.requireNonNull(kind, "kind");
        if (provider == null || !isProviderId(provider)) {
            throw new IllegalArgumentException("provider id must be lower-case letters, digits or '-' starting with a letter (at most 32), was '" + provider + "'");
        }
        if (nativeId == null || !isNativeId(nativeId)) {
            throw new IllegalArgumentException("native id must be 1 to 256 printable ASCII characters without spaces, was '" + nativeId + "'");
        }
    }

    /** {@code [a-z][a-z0-9-]{0,31}}, checked without a regex: every session the service returns is checked. */
    private static boolean isProviderId(String s) {
        int n = s.length();
        if (n < 1 || n > 32 || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** {@code [\x21-\x7E]{1,256}}: printable ASCII without spaces. */
    private static boolean isNativeId(String s) {
        int n = s.length();
        if (n < 1 || n > 256) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
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
