package dev.convene.internal;

import dev.convene.SessionKind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The cursor core hands out: which kind a listing has reached and the provider's own cursor within
 * it, so one listing can walk every kind. Opaque to callers (URL-safe Base64).
 */
public final class Cursors {
    public record Position(SessionKind kind, String providerCursor) {
    }

    private Cursors() {
    }

    public static String encode(SessionKind kind, String providerCursor) {
        String raw = kind.wireName() + "\n" + (providerCursor == null ? "" : providerCursor);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int nl = raw.indexOf('\n');
            if (nl < 0) {
                throw new IllegalArgumentException("no separator");
            }
            String provider = raw.substring(nl + 1);
            return new Position(SessionKind.parse(raw.substring(0, nl)), provider.isEmpty() ? null : provider);
        } catch (IllegalArgumentException | dev.convene.InvalidSessionException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' was not made by this library (pass Page.nextCursor() back unchanged)", e);
        }
    }
}
