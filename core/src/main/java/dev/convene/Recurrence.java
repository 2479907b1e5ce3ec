package dev.convene;

import dev.convene.internal.RRules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a session repeats: the subset of RFC 5545 recurrence that the vendors share. Build one with the
 * factory methods and {@link #times(int)} / {@link #until(LocalDate)}, or {@link #parse(String)} an
 * RRULE; {@link #toRRule()} prints the canonical RRULE back.
 *
 * <ul>
 *   <li>{@code DAILY}: every {@code interval} days ({@code FREQ=DAILY;INTERVAL=n})</li>
 *   <li>{@code WEEKDAYS}: every Monday to Friday ({@code FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR})</li>
 *   <li>{@code WEEKLY}: on {@code daysOfWeek} every {@code interval} weeks; no days means the start's weekday</li>
 *   <li>{@code MONTHLY}: on {@code dayOfMonth}, or on the {@code weekOfMonth}-th (1–4, or -1 for last) {@code weekday}, every {@code interval} months</li>
 * </ul>
 * It ends after {@code count} occurrences, on {@code until} (inclusive, a date in the session's zone),
 * or not at all (the provider then applies its vendor's maximum).
 *
 * <p>A recurrence checks itself when it is made. Text from outside goes through {@link #parse}, which
 * throws {@link InvalidSessionException}; the constructor and factory methods are for rules written in
 * code and throw {@link IllegalArgumentException} naming the part and the rule (a missing frequency, a
 * {@code null} among the days, an interval below 1, a count and an end date together, ...). As everywhere
 * in this package, {@code null} for an optional part means "not set": no days, no day of month, no end.
 */
public record Recurrence(
        Frequency frequency,
        int interval,
        Set<DayOfWeek> daysOfWeek,
        Integer dayOfMonth,
        Integer weekOfMonth,
        DayOfWeek weekday,
        Integer count,
        LocalDate until) {

    public enum Frequency { DAILY, WEEKDAYS, WEEKLY, MONTHLY }

    /** @throws IllegalArgumentException naming the part and the rule it breaks */
    public Recurrence {
        if (frequency == null) {
            throw new IllegalArgumentException("recurrence frequency is required");
        }
        if (daysOfWeek != null) {
            for (DayOfWeek day : daysOfWeek) {
                if (day == null) {
                    throw new IllegalArgumentException("recurrence days of week must not contain null");
                }
            }
        }
        daysOfWeek = daysOfWeek == null || daysOfWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(daysOfWeek));
        if (interval < 1) {
            throw new IllegalArgumentException("recurrence interval must be at least 1, was " + interval);
        }
        if (count != null && until != null) {
            throw new IllegalArgumentException("a recurrence ends by count or by date, not both");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("recurrence count must be at least 1, was " + count);
        }
        switch (frequency) {
            case DAILY -> requireNone(daysOfWeek, dayOfMonth, weekOfMonth, weekday, "DAILY");
            case WEEKDAYS -> {
                requireNone(daysOfWeek, dayOfMonth, weekOfMonth, weekday, "WEEKDAYS");
                if (interval != 1) {
                    throw new IllegalArgumentException("WEEKDAYS recurrence has no interval");
                }
            }
            case WEEKLY -> requireNone(Set.of(), dayOfMonth, weekOfMonth, weekday, "WEEKLY");
            case MONTHLY -> {
                if (!daysOfWeek.isEmpty()) {
                    throw new IllegalArgumentException("MONTHLY recurrence takes a day of month or an nth weekday, not days of week");
                }
                boolean byDay = dayOfMonth != null;
                boolean byWeekday = weekOfMonth != null || weekday != null;
                if (byDay == byWeekday || (byWeekday && (weekOfMonth == null || weekday == null))) {
                    throw new IllegalArgumentException("MONTHLY recurrence needs either a day of month or both a week of month and a weekday");
                }
                if (byDay && (dayOfMonth < 1 || dayOfMonth > 31)) {
                    throw new IllegalArgumentException("day of month must be 1 to 31, was " + dayOfMonth);
                }
                if (byWeekday && (weekOfMonth == 0 || weekOfMonth < -1 || weekOfMonth > 4)) {
                    throw new IllegalArgumentException("week of month must be 1 to 4, or -1 for the last, was " + weekOfMonth);
                }
            }
        }
    }

    private static void requireNone(Set<DayOfWeek> days, Integer dayOfMonth, Integer weekOfMonth, DayOfWeek weekday, String what) {
        if (!days.isEmpty() || dayOfMonth != null || weekOfMonth != null || weekday != null) {
            throw new IllegalArgumentException(what + " recurrence takes no days, day of month or weekday");
        }
    }

    /**
     * Every {@code interval} days.
     *
     * @throws IllegalArgumentException naming the part and the rule when the rule is not one (an interval below 1, ...)
     */
    public static Recurrence daily(int interval) {
        return new Recurrence(Frequency.DAILY, interval, Set.of(), null, null, null, null, null);
    }

    public static Recurrence weekdays() {
        return new Recurrence(Frequency.WEEKDAYS, 1, Set.of(), null, null, null, null, null);
    }

    /**
     * Weekly on {@code days} every {@code interval} weeks; no days (or {@code null}) means the start's weekday.
     *
     * @throws IllegalArgumentException naming the part and the rule when the rule is not one (an interval below 1, ...)
     */
    public static Recurrence weekly(int interval, DayOfWeek... days) {
        return new Recurrence(Frequency.WEEKLY, interval, days == null ? null : new HashSet<>(Arrays.asList(days)), null, null, null, null, null);
    }

    /**
     * Monthly on {@code dayOfMonth} (1–31) every {@code interval} months.
     *
     * @throws IllegalArgumentException naming the part and the rule when the rule is not one (an interval below 1, ...)
     */
    public static Recurrence monthlyOnDay(int interval, int dayOfMonth) {
        return new Recurrence(Frequency.MONTHLY, interval, Set.of(), dayOfMonth, null, null, null, null);
    }

    /**
     * Monthly on the {@code weekOfMonth}-th {@code weekday} (1–4, or -1 for the last).
     *
     * @throws IllegalArgumentException naming the part and the rule when the rule is not one (an interval below 1, ...)
     */
    public static Recurrence monthlyOnWeekday(int interval, int weekOfMonth, DayOfWeek weekday) {
        return new Recurrence(Frequency.MONTHLY, interval, Set.of(), null, weekOfMonth, weekday, null, null);
    }

    /**
     * The same rule ending after {@code count} occurrences.
     *
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public Recurrence times(int count) {
        return new Recurrence(frequency, interval, daysOfWeek, dayOfMonth, weekOfMonth, weekday, count, null);
    }

    /** The same rule ending on {@code date}, inclusive ({@code null}: without an end, like {@link #forever()}). */
    public Recurrence until(LocalDate date) {
        return new Recurrence(frequency, interval, daysOfWeek, dayOfMonth, weekOfMonth, weekday, null, date);
    }

    /** The same rule without an end. */
    public Recurrence forever() {
        return new Recurrence(frequency, interval, daysOfWeek, dayOfMonth, weekOfMonth, weekday, null, null);
    }

    public boolean isMonthlyByWeekday() {
        return frequency == Frequency.MONTHLY && weekday != null;
    }

    /**
     * Parses the supported RRULE subset (an optional {@code RRULE:} prefix; FREQ, INTERVAL, BYDAY,
     * BYMONTHDAY, BYSETPOS, COUNT, UNTIL; WKST=MO is tolerated).
     *
     * @throws InvalidSessionException with one {@link Violation} of field {@code recurrence} naming the
     *                                 part that is outside the subset (or the rule it breaks)
     */
    public static Recurrence parse(String rrule) {
        try {
            return RRules.parse(rrule);
        } catch (IllegalArgumentException e) {
            InvalidSessionException invalid = new InvalidSessionException(List.of(new Violation("recurrence", e.getMessage())));
            invalid.initCause(e);
            throw invalid;
        }
    }

    /** The canonical RRULE, e.g. {@code FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10}. */
    public String toRRule() {
        return RRules.print(this);
    }

    /**
     * The occurrences starting at {@code first} (which counts as the first when it matches the rule),
     * in order, honouring count and until; unbounded when the rule has no end, so callers limit it.
     */
    public Stream<ZonedDateTime> occurrences(ZonedDateTime first) {
        return RRules.expand(this, first);
    }

    @Override
    public String toString() {
        return toRRule();
    }
}
