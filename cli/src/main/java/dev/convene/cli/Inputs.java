package dev.convene.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** Parses what people type: times, durations, zones. Errors say what was expected. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Turns what was typed into Convene's values. A value they refuse with an {@link IllegalArgumentException}
     * (a session id, kind, RRULE or time that is not one) is the user's mistake, so it becomes a
     * {@link UsageException}; elsewhere that exception is a fault, not bad input.
     */
    static <T> T typed(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * {@code 2030-01-01T10:00+08:00}, {@code 2030-01-01T10:00+08:00[Asia/Shanghai]}, or a local
     * {@code 2030-01-01T10:00} read in {@code zone}. With a zone and an offset, the zone wins for display.
     */
    static ZonedDateTime when(String option, String text, ZoneId zone) {
        try {
            ZonedDateTime z = ZonedDateTime.parse(text);
            return zone == null ? z : z.withZoneSameInstant(zone);
        } catch (DateTimeParseException ignored) {
            // not a zoned form
        }
        try {
            OffsetDateTime o = OffsetDateTime.parse(text);
            return zone == null ? o.toZonedDateTime() : o.atZoneSameInstant(zone);
        } catch (DateTimeParseException ignored) {
            // not an offset form
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text);
            if (zone == null) {
                throw new IllegalArgumentException(option + " '" + text + "' has no offset: add one (2030-01-01T10:00+08:00) or give --zone");
            }
            return local.atZone(zone);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not an ISO-8601 time such as 2030-01-01T10:00+08:00");
        }
    }

    /** ISO-8601 ({@code PT1H30M}) or a number of minutes. */
    static Duration duration(String text) {
        try {
            if (text.matches("\\d{1,6}")) {
                return Duration.ofMinutes(Long.parseLong(text));
            }
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--duration '" + text + "' is neither ISO-8601 (PT1H) nor a number of minutes");
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("--zone '" + text + "' is not a time zone such as Asia/Shanghai or UTC");
        }
    }
}
