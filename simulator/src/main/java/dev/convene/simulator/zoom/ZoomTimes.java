package dev.convene.simulator.zoom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Zoom's two {@code start_time} spellings and its zone ids (spec §7). */
final class ZoomTimes {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    // Numeric offsets and fractional seconds are undocumented (§7): the fake refuses them.
    private static final Pattern UTC_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern LOCAL_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private ZoomTimes() {
    }

    static String format(Instant instant) {
        return WIRE.format(instant);
    }

    /** {@code …Z} is UTC; without {@code Z} the wall time is read in {@code zone}. Empty when the text is neither form. */
    static Optional<Instant> parse(String text, ZoneId zone) {
        try {
            if (UTC_FORM.matcher(text).matches()) {
                return Optional.of(LocalDateTime.parse(text.substring(0, 19), LOCAL).toInstant(ZoneOffset.UTC));
            }
            if (LOCAL_FORM.matcher(text).matches()) {
                return Optional.of(LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Only the UTC form, as {@code recurrence.end_date_time} requires (§3.8). */
    static Optional<Instant> parseUtc(String text) {
        return UTC_FORM.matcher(text).matches() ? parse(text, ZoneOffset.UTC) : Optional.empty();
    }

    /** Zoom's list holds region ids and {@code UTC}/{@code GMT}; offsets such as {@code +08:00} are not on it. */
    static Optional<ZoneId> zone(String id) {
        if (!(id.contains("/") || id.equals("UTC") || id.equals("GMT"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
