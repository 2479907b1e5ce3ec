package dev.convene;

/**
 * Identifies one session at one vendor: provider id, kind and the vendor's own id. Its string form
 * {@code provider:kind:nativeId} (e.g. {@code wecom:meeting:hyRJX2CQAAz}) is stable and safe to store;
 * get, update and cancel are routed by it alone.
 *
 * <p>Text from outside (a stored id, a command line) goes through {@link #parse}, which fails with an
 * {@link InvalidSessionException}. The constructor and {@link #of} are for ids built in code: like every
 * self-checking value of this package, they throw {@link IllegalArgumentException} for a missing or
 * malformed part (a programming error, or an unreadable vendor answer when a provider builds one).
 *
 * @throws IllegalArgumentException from the constructor and {@link #of}, naming the part and the rule
 */
public record SessionId(String provider, SessionKind kind, String nativeId) {
    public SessionId {
        if (kind == null) {
            throw new IllegalArgumentException("session kind is required");
        }
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

    /**
     * The id of a session of {@code kind} at {@code provider}, written in code (text goes through {@link #parse}).
     *
     * @throws IllegalArgumentException when a part is missing or not of its form (a lower-case provider id, a native
     *                                  id of 1 to 256 printable ASCII characters)
     */
    public static SessionId of(String provider, SessionKind kind, String nativeId) {
        return new SessionId(provider, kind, nativeId);
    }

    /**
     * Parses {@code provider:kind:nativeId}. The native id may itself contain colons (only the first
     * two separate), so vendor ids never need escaping.
     *
     * @throws InvalidSessionException with one {@link Violation} of field {@code id} saying what is wrong with {@code text}
     */
    public static SessionId parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("is empty; expected provider:kind:nativeId, e.g. zoom:webinar:97871060099", null);
        }
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        if (first < 0 || second < 0) {
            throw invalid("'" + text + "' is not of the form provider:kind:nativeId, e.g. zoom:webinar:97871060099", null);
        }
        SessionKind kind;
        try {
            kind = SessionKind.parse(text.substring(first + 1, second));
        } catch (InvalidSessionException e) {
            throw invalid("'" + text + "': " + e.violations().get(0).rule(), e);
        }
        try {
            return new SessionId(text.substring(0, first), kind, text.substring(second + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("'" + text + "': " + e.getMessage(), e);
        }
    }

    private static InvalidSessionException invalid(String rule, Throwable cause) {
        InvalidSessionException e = new InvalidSessionException(java.util.List.of(new Violation("id", rule)));
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Override
    public String toString() {
        return provider + ":" + kind.wireName() + ":" + nativeId;
    }
}
