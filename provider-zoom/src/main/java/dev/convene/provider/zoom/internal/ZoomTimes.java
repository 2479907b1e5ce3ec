package dev.convene.provider.zoom.internal;

import java.time.DateTimeException;
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
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return WIRE.format(instant);
        }
        // What WIRE prints, without a formatter: it shows on every create and update.
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        return new String(c);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Zoom answers in UTC with {@code Z}; the offset form is read too, defensively. The usual
     * {@code yyyy-MM-ddTHH:mm:ssZ} is read by hand (a DateTimeFormatter parse was a tenth of a create's
     * CPU); anything else, including an invalid date in that shape, goes to {@link OffsetDateTime#parse}.
     */
    public static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = number(text, 0, 4);
            int month = number(text, 5, 2);
            int day = number(text, 8, 2);
            int hour = number(text, 11, 2);
            int minute = number(text, 14, 2);
            int second = number(text, 17, 2);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1
                    && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year)) && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second);
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    /** The decimal number in {@code text[at, at + width)}, or -1 if any character is not a digit. */
    private static int number(String text, int at, int width) {
        int n = 0;
        for (int i = at; i < at + width; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** Zoom's name for a zone: {@code UTC} for the UTC offset, region ids as they are. */
    public static String zoneName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** Zoom lists region ids and UTC; a bare offset such as {@code +08:00} has no Zoom name. */
    public static boolean hasZoomName(ZoneId zone) {
        return zone.normalized().equals(ZoneOffset.UTC) || !(zone instanceof ZoneOffset) && zone.getId().contains("/");
    }

    /** A fixed offset without a Zoom name ({@code +08:00}, {@code UTC+8}): its instants are exact, its name Zoom lacks. */
    public static Optional<ZoneOffset> bareOffset(ZoneId zone) {
        return zone != null && !hasZoomName(zone) && zone.normalized() instanceof ZoneOffset o ? Optional.of(o) : Optional.empty();
    }

    /**
     * The zone Zoom names ({@code UTC} when it names none), or empty when this Java runtime does not know
     * the name: Zoom's list of zones can be newer than the JDK's time-zone data.
     */
    public static Optional<ZoneId> zone(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** The end of a recurrence: the last minute of {@code until} in the session's zone, in UTC as §3.8 requires. */
    public static String endOfDay(LocalDate until, ZoneId zone) {
        return format(until.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant());
    }

    public static LocalDate dateIn(String endDateTime, ZoneId zone) {
        return parse(endDateTime).atZone(zone).toLocalDate();
    }

    /** Daily limits, Zoom's and the host's cap on writes, reset at 00:00 UTC (§6). */
    public static Duration untilNextUtcMidnight(Instant now) {
        return Duration.between(now, LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
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
