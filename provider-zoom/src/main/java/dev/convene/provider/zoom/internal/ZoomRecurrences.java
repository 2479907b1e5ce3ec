package dev.convene.provider.zoom.internal;

import dev.convene.Recurrence;
import dev.convene.Recurrence.Frequency;
import dev.convene.Violation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Neutral {@link Recurrence} ↔ Zoom's {@code recurrence} object (spec §3.8), with Zoom's limits:
 * {@code repeat_interval} at most 90 days, 12 weeks or 3 months; {@code end_times} at most 60 for a meeting
 * and 50 for a webinar (the OpenAPI document, spec corrections; core checks a series against the declared
 * limits). Zoom numbers weekdays 1 = Sunday … 7 = Saturday and reads them in the session's zone.
 */
public final class ZoomRecurrences {
    static final int DAILY = 1;
    static final int WEEKLY = 2;
    static final int MONTHLY = 3;
    /** The most occurrences of a meeting series: its {@code end_times} maximum (spec, corrections). */
    public static final int MAX_MEETING_OCCURRENCES = 60;
    /** The most occurrences of a webinar series (§3.8, and its {@code end_times} maximum). */
    public static final int MAX_WEBINAR_OCCURRENCES = 50;
    private static final Set<DayOfWeek> WORKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private ZoomRecurrences() {
    }

    /** The longest series of {@code kind}; a rule without an end gets it, as Zoom has no open-ended fixed-time series. */
    public static int maxOccurrences(dev.convene.SessionKind kind) {
        return kind == dev.convene.SessionKind.WEBINAR ? MAX_WEBINAR_OCCURRENCES : MAX_MEETING_OCCURRENCES;
    }

    /**
     * {@code r}, planned at a fixed {@code offset}, said in UTC: Zoom reads a rule's days in the session's zone and has
     * no name for a bare offset, so such a series goes out in {@code UTC}. At a fixed offset every occurrence moves to
     * the same UTC date as the first, so daily and weekly rules keep their instants with their weekdays moved by that
     * many days; a monthly rule whose dates move cannot be said in UTC (empty).
     */
    public static Optional<Recurrence> inUtc(Recurrence r, Instant start, ZoneOffset offset) {
        int shift = (int) ChronoUnit.DAYS.between(start.atOffset(offset).toLocalDate(), start.atOffset(ZoneOffset.UTC).toLocalDate());
        if (shift == 0) {
            return Optional.of(r);
        }
        Recurrence moved;
        switch (r.frequency()) {
            case DAILY -> moved = r;
            case WEEKDAYS, WEEKLY -> {
                Set<DayOfWeek> days = r.frequency() == Frequency.WEEKDAYS ? WORKDAYS
                        : r.daysOfWeek().isEmpty() ? Set.of(start.atOffset(offset).getDayOfWeek()) : r.daysOfWeek();
                moved = Recurrence.weekly(r.frequency() == Frequency.WEEKDAYS ? 1 : r.interval(),
                        days.stream().map(d -> d.plus(shift)).toArray(DayOfWeek[]::new));
                moved = r.count() != null ? moved.times(r.count()) : r.until() != null ? moved.until(r.until()) : moved;
            }
            default -> {
                return Optional.empty();
            }
        }
        // The last occurrence's UTC date is its local date moved the same way.
        return Optional.of(moved.until() == null ? moved : moved.until(moved.until().plusDays(shift)));
    }
    /** What Zoom cannot express; checked before anything is sent. */
    public static List<Violation> check(Recurrence r) {
        List<Violation> out = new ArrayList<>();
        int max = switch (r.frequency()) {
            case DAILY -> 90;
            case WEEKDAYS, WEEKLY -> 12;
            case MONTHLY -> 3;
        };
        if (r.interval() > max) {
            out.add(new Violation("recurrence.interval", "must be at most " + max + " for a "
                    + r.frequency().name().toLowerCase(java.util.Locale.ROOT) + " rule on Zoom, was " + r.interval()));
        }
        // Zoom counts weeks from Sunday, RRULE from Monday: with an interval they disagree on which
        // Sunday belongs to which week, so such a rule would not mean the same thing on both sides.
        if (r.frequency() == Frequency.WEEKLY && r.interval() > 1 && r.daysOfWeek().contains(DayOfWeek.SUNDAY) && r.daysOfWeek().size() > 1) {
            out.add(new Violation("recurrence.daysOfWeek", "cannot mix Sunday with other days when repeating every "
                    + r.interval() + " weeks on Zoom (Zoom's weeks start on Sunday)"));
        }
        return out;
    }

    /**
     * Whether the series of {@code r} from {@code start} has between 1 and {@code max} occurrences, as Zoom
     * requires. Core checks this for drafts and for updates that give a start; an update that changes only
     * the rule (or only the time of a recurring session) is checked here against the stored start.
     */
    public static List<Violation> fits(Recurrence r, Instant start, ZoneId zone, int max) {
        long n = r.occurrences(start.atZone(zone)).limit(max + 1L).count();
        if (n == 0) {
            return List.of(new Violation("recurrence", "has no occurrence from the session's start " + start.atZone(zone).toLocalDate()
                    + (r.until() == null ? "" : " to " + r.until())));
        }
        if (n > max) {
            return List.of(new Violation("recurrence", "gives more than " + max + " occurrences from the session's start "
                    + start.atZone(zone).toLocalDate() + "; end earlier or use a count"));
        }
        return List.of();
    }

    /** Zoom's recurrence for {@code r}, starting at {@code start} in {@code zone}; an open rule gets {@code longest} times. */
    public static ZoomWire.Recurrence toWire(Recurrence r, Instant start, ZoneId zone, int longest) {
        Integer endTimes = r.until() == null ? (r.count() == null ? longest : r.count()) : null;
        String endDate = r.until() == null ? null : ZoomTimes.endOfDay(r.until(), zone);
        return switch (r.frequency()) {
            case DAILY -> new ZoomWire.Recurrence(DAILY, r.interval(), null, null, null, null, endTimes, endDate);
            case WEEKDAYS -> new ZoomWire.Recurrence(WEEKLY, 1, days(WORKDAYS), null, null, null, endTimes, endDate);
            case WEEKLY -> new ZoomWire.Recurrence(WEEKLY, r.interval(),
                    days(r.daysOfWeek().isEmpty() ? Set.of(start.atZone(zone).getDayOfWeek()) : r.daysOfWeek()),
                    null, null, null, endTimes, endDate);
            case MONTHLY -> r.isMonthlyByWeekday()
                    ? new ZoomWire.Recurrence(MONTHLY, r.interval(), null, null, r.weekOfMonth(), zoomDay(r.weekday()), endTimes, endDate)
                    : new ZoomWire.Recurrence(MONTHLY, r.interval(), null, r.dayOfMonth(), null, null, endTimes, endDate);
        };
    }

    /**
     * The neutral rule for Zoom's object, for a series that starts at {@code start}. Fields that do not
     * belong to the rule's type are ignored, as seed 004's example fills them all; when both ends are
     * given (seed 004 again) the explicit date wins over {@code end_times}, whose value there is the
     * documented default. A monthly rule that names neither a day nor a weekday (§3.8 gives no default)
     * repeats on the start's day of the month, as RFC 5545 reads such a rule.
     */
    public static Recurrence fromWire(ZoomWire.Recurrence w, Instant start, ZoneId zone) {
        int interval = w.repeatInterval() == null || w.repeatInterval() < 1 ? 1 : w.repeatInterval();
        Recurrence rule = switch (w.type() == null ? 0 : w.type()) {
            case DAILY -> Recurrence.daily(interval);
            case WEEKLY -> {
                Set<DayOfWeek> days = javaDays(w.weeklyDays() == null ? "1" : w.weeklyDays());
                yield interval == 1 && days.equals(WORKDAYS) ? Recurrence.weekdays()
                        : Recurrence.weekly(interval, days.toArray(DayOfWeek[]::new));
            }
            case MONTHLY -> w.monthlyDay() == null && w.monthlyWeek() != null && w.monthlyWeekDay() != null
                    ? Recurrence.monthlyOnWeekday(interval, w.monthlyWeek(), javaDay(w.monthlyWeekDay()))
                    : Recurrence.monthlyOnDay(interval, w.monthlyDay() != null ? w.monthlyDay() : start.atZone(zone).getDayOfMonth());
            default -> throw new IllegalArgumentException("unknown Zoom recurrence type " + w.type());
        };
        if (w.endDateTime() != null) {
            LocalDate until = ZoomTimes.dateIn(w.endDateTime(), zone);
            return rule.until(until);
        }
        return rule.times(w.endTimes() == null || w.endTimes() < 1 ? 1 : w.endTimes());
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().map(ZoomRecurrences::zoomDay).sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> javaDays(String zoomDays) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : zoomDays.split(",")) {
            out.add(javaDay(Integer.parseInt(part.trim())));
        }
        return out;
    }

    static int zoomDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    static DayOfWeek javaDay(int zoomDay) {
        if (zoomDay < 1 || zoomDay > 7) {
            throw new IllegalArgumentException("Zoom weekday must be 1 to 7, was " + zoomDay);
        }
        return zoomDay == 1 ? DayOfWeek.SUNDAY : DayOfWeek.of(zoomDay - 1);
    }
}
