package dev.convene.provider.zoom.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Zoom's time spellings (spec §7) and its zone ids. */
public final class ZoomTimes {
    private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ZoomTimes() {
    }

    /** Always the UTC form: {@code timezone} then only says how Zoom shows it (§7). */
    public static String format(Instant instant) {
        return WIRE.format(instant);
    }

    /** Zoom answers in UTC with {@code Z}; the offset form is read too, defensively. */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** Zoom's name for a zone: {@code UTC} for the UTC offset, region ids as they are. */
    public static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Zoom lists region ids and UTC; a bare offset such as {@code +08:00} has no Zoom name. */
    public static boolean hasZoomName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) || !(zone instanceof ZoneOffset) && zone.getId().contains("/");
    }

    public static ZoneId zone(String name) {
        if (name == null || name.isBlank()) {
            return ZoneOffset.UTC;
        }
        return ZoneId.of(name);
    }

    /** The end of a recurrence: the last minute of {@code until} in the session's zone, in UTC as §3.8 requires. */
    public static String endOfDay(LocalDate until, ZoneId zone) {
        return format(until.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant());
    }

    public static LocalDate dateIn(String endDateTime, ZoneId zone) {
        return parse(endDateTime).atZone(zone).toLocalDate();
    }

    /**
     * {@code Retry-After}: Zoom sends an ISO-8601 UTC instant (§6); whole seconds and HTTP dates are
     * accepted too. Empty when absent or unreadable; never negative.
     */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            if (value.matches("\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            Instant at = value.matches("\\d{4}-.*") ? parse(value)
                    : java.time.ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
