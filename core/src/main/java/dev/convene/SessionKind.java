package dev.convene;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** What is being scheduled. */
public enum SessionKind {
    MEETING, WEBINAR, LIVE_STREAM;

    /** The lower-case word used in {@link SessionId}s, the CLI and JSON: {@code meeting}, {@code webinar}, {@code live_stream}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code meeting} / {@code webinar} / {@code live_stream} (any case; {@code -} accepted for {@code _}).
     *
     * @throws InvalidSessionException with one {@link Violation} of field {@code kind} when {@code text} names no kind
     */
    public static SessionKind parse(String text) {
        if (text != null) {
            String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (SessionKind kind : values()) {
                if (kind.name().equals(normalized)) {
                    return kind;
                }
            }
        }
        throw new InvalidSessionException(List.of(new Violation("kind", "'" + text + "' is not a session kind; expected one of "
                + Arrays.stream(values()).map(SessionKind::wireName).collect(Collectors.joining(", ")))));
    }
}
