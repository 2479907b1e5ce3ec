package dev.convene.provider.tencentmeeting.internal;

import dev.convene.Recurrence;
import dev.convene.Violation;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Neutral {@link Recurrence} ↔ Tencent's {@code meeting_type=1} + {@code recurring_rule} (seed 002;
 * custom rules per Tencent's "自定义周期规则 API 调用示例", doc 1095/81181).
 *
 * <p>Standard types cover every day, Monday–Friday, every week and every two weeks on the start's
 * weekday, and monthly on the start's date; everything else becomes a custom rule (by day, by week
 * with a weekday bit set Sunday=1 … Saturday=64, by month on the n-th weekday with week bits
 * 128 … 2048, by month on dates with bit d-1 for day d). Tencent requires the first meeting to be
 * one of the rule's days, so rules that would start elsewhere are refused before sending, as are
 * rules Tencent cannot express (the last weekday of a month).
 */
final class TencentMeetingRecurrences {
    static final int DAILY = 0;
    static final int WEEKDAYS = 1;
    static final int WEEKLY = 2;
    static final int BIWEEKLY = 3;
    static final int MONTHLY = 4;
    static final int CUSTOM = 5;
    static final int BY_DAY = 0;
    static final int BY_WEEK = 1;
    static final int BY_MONTH_WEEK = 2;
    static final int BY_MONTH_DATE = 3;
    /** Seed 002: at most 200 sub-meetings daily, on weekdays and weekly, 50 every two weeks and monthly. */
    static final int MAX_FREQUENT = 200;
    static final int MAX_SPARSE = 50;
    /** Spec §3.5: a modify takes {@code until_count} 1–50. */
    static final int MAX_ON_MODIFY = 50;
    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private TencentMeetingRecurrences() {
    }

    /** What keeps {@code r} from being booked as a series whose first meeting is {@code start}; empty when it can be. */
    static List<Violation> check(Recurrence r, ZonedDateTime start, boolean modify) {
        List<Violation> out = new ArrayList<>();
        DayOfWeek weekday = start.getDayOfWeek();
        switch (r.frequency()) {
            case WEEKDAYS -> {
                if (!MON_TO_FRI.contains(weekday)) {
                    out.add(new Violation("recurrence", "Monday-to-Friday series must start on a weekday, the start is a " + weekday));
                }
            }
            case WEEKLY -> {
                Set<DayOfWeek> days = days(r, weekday);
                if (!days.contains(weekday)) {
                    out.add(new Violation("recurrence.daysOfWeek", "must include the start's weekday (" + weekday
                            + "): Tencent Meeting requires the first meeting to be on one of the rule's days"));
                }
                if (r.interval() > 1 && days.contains(DayOfWeek.SUNDAY) && days.size() > 1) {
                    // RRULE weeks start on Monday; Tencent's week bits start on Sunday, and which week a Sunday belongs
                    // to in an every-n-weeks rule is undocumented, so the dates could silently differ.
                    out.add(new Violation("recurrence.daysOfWeek", "every " + r.interval()
                            + " weeks on Sunday and other days is ambiguous at Tencent Meeting (undocumented week start)"));
                }
            }
            case MONTHLY -> {
                if (r.dayOfMonth() != null && r.dayOfMonth() != start.getDayOfMonth()) {
                    out.add(new Violation("recurrence.dayOfMonth", "must be the start's day of month (" + start.getDayOfMonth()
                            + "): Tencent Meeting requires the first meeting to be on one of the rule's days"));
                }
                if (r.isMonthlyByWeekday()) {
                    if (r.weekOfMonth() == -1) {
                        out.add(new Violation("recurrence.weekOfMonth", "the last week of a month is not expressible at Tencent Meeting (1st to 5th only)"));
                    } else if (r.weekday() != weekday || r.weekOfMonth() != weekOfMonth(start.toLocalDate())) {
                        out.add(new Violation("recurrence", "must be on the start's weekday and week of month (" + weekOfMonth(start.toLocalDate())
                                + " " + weekday + "): Tencent Meeting requires the first meeting to be on one of the rule's days"));
                    }
                }
            }
            default -> {
            }
        }
        int limit = limit(r, modify);
        if (r.count() != null && r.count() > limit) {
            out.add(new Violation("recurrence.count", "must be at most " + limit + " for this frequency at Tencent Meeting"
                    + (modify ? " when changed by an update" : "") + ", was " + r.count()));
        }
        if (r.until() != null && out.isEmpty() && r.occurrences(start).limit(limit + 1L).count() > limit) {
            out.add(new Violation("recurrence.until", "gives more than " + limit + " occurrences, the most Tencent Meeting allows for this frequency"));
        }
        return out;
    }

    /** The rule to send; {@link #check} must have passed. A rule without an end gets the vendor's maximum count. */
    static TencentMeetingWire.RecurringRule toWire(Recurrence r, ZonedDateTime start, boolean modify) {
        int[] typeStepDays = shape(r, start);
        Integer untilType;
        Long untilDate = null;
        Integer untilCount = null;
        if (r.until() != null) {
            untilType = 0;
            // The end date is inclusive: every meeting starting on that day, in the session's zone, belongs to the series.
            untilDate = r.until().atTime(LocalTime.MAX).atZone(start.getZone()).toEpochSecond();
        } else {
            untilType = 1;
            untilCount = r.count() != null ? r.count() : limit(r, modify);
        }
        boolean custom = typeStepDays[0] == CUSTOM;
        return new TencentMeetingWire.RecurringRule(typeStepDays[0], untilType, untilDate, untilCount,
                custom ? typeStepDays[1] : null, custom ? typeStepDays[2] : null,
                custom && typeStepDays[1] != BY_DAY ? typeStepDays[3] : null);
    }

    /** The neutral rule of a series starting at {@code start}; {@code null} when Tencent's rule has no neutral equal. */
    static Recurrence fromWire(TencentMeetingWire.RecurringRule w, ZonedDateTime start) {
        if (w == null) {
            return null;
        }
        int type = w.recurringType() == null ? DAILY : w.recurringType();
        Recurrence base = switch (type) {
            case DAILY -> Recurrence.daily(1);
            case WEEKDAYS -> Recurrence.weekdays();
            case WEEKLY -> Recurrence.weekly(1);
            case BIWEEKLY -> Recurrence.weekly(2);
            case MONTHLY -> Recurrence.monthlyOnDay(1, start.getDayOfMonth());
            case CUSTOM -> custom(w);
            default -> null;
        };
        if (base == null) {
            return null;
        }
        if (w.untilType() != null && w.untilType() == 1) {
            return base.times(w.untilCount() == null ? 7 : w.untilCount());
        }
        return w.untilDate() == null ? base : base.until(LocalDate.ofInstant(java.time.Instant.ofEpochSecond(w.untilDate()), start.getZone()));
    }

    /** The vendor's cap on sub-meetings for the rule {@code r} becomes. */
    static int limit(Recurrence r, boolean modify) {
        boolean sparse = switch (r.frequency()) {
            case MONTHLY -> true;
            case WEEKLY -> r.interval() == 2 && r.daysOfWeek().size() <= 1;
            default -> false;
        };
        int limit = sparse ? MAX_SPARSE : MAX_FREQUENT;
        return modify ? Math.min(limit, MAX_ON_MODIFY) : limit;
    }

    /** {type, customType, step, days} for the rule. */
    private static int[] shape(Recurrence r, ZonedDateTime start) {
        DayOfWeek weekday = start.getDayOfWeek();
        return switch (r.frequency()) {
            case DAILY -> r.interval() == 1 ? new int[] {DAILY, 0, 0, 0} : new int[] {CUSTOM, BY_DAY, r.interval(), 0};
            case WEEKDAYS -> new int[] {WEEKDAYS, 0, 0, 0};
            case WEEKLY -> {
                Set<DayOfWeek> days = days(r, weekday);
                if (days.equals(Set.of(weekday)) && r.interval() <= 2) {
                    yield new int[] {r.interval() == 1 ? WEEKLY : BIWEEKLY, 0, 0, 0};
                }
                yield new int[] {CUSTOM, BY_WEEK, r.interval(), weekdayBits(days)};
            }
            case MONTHLY -> {
                if (r.isMonthlyByWeekday()) {
                    yield new int[] {CUSTOM, BY_MONTH_WEEK, r.interval(), weekdayBits(Set.of(r.weekday())) | 1 << (6 + r.weekOfMonth())};
                }
                yield r.interval() == 1 ? new int[] {MONTHLY, 0, 0, 0}
                        : new int[] {CUSTOM, BY_MONTH_DATE, r.interval(), 1 << (r.dayOfMonth() - 1)};
            }
        };
    }

    private static Recurrence custom(TencentMeetingWire.RecurringRule w) {
        int step = w.customizedRecurringStep() == null ? 1 : w.customizedRecurringStep();
        int days = w.customizedRecurringDays() == null ? 0 : w.customizedRecurringDays();
        int customType = w.customizedRecurringType() == null ? -1 : w.customizedRecurringType();
        return switch (customType) {
            case BY_DAY -> Recurrence.daily(step);
            case BY_WEEK -> Recurrence.weekly(step, weekdaysOf(days).toArray(DayOfWeek[]::new));
            case BY_MONTH_WEEK -> {
                Set<DayOfWeek> weekdays = weekdaysOf(days);
                int weeks = days >>> 7;
                int week = Integer.numberOfTrailingZeros(weeks) + 1;
                yield weekdays.size() == 1 && Integer.bitCount(weeks) == 1 && week <= 4
                        ? Recurrence.monthlyOnWeekday(step, week, weekdays.iterator().next()) : null;
            }
            case BY_MONTH_DATE -> Integer.bitCount(days) == 1 ? Recurrence.monthlyOnDay(step, Integer.numberOfTrailingZeros(days) + 1) : null;
            default -> null;
        };
    }

    private static Set<DayOfWeek> days(Recurrence r, DayOfWeek startDay) {
        return r.daysOfWeek().isEmpty() ? Set.of(startDay) : r.daysOfWeek();
    }

    private static int weekdayBits(Set<DayOfWeek> days) {
        int bits = 0;
        for (DayOfWeek d : days) {
            bits |= 1 << (d.getValue() % 7);
        }
        return bits;
    }

    private static Set<DayOfWeek> weekdaysOf(int bits) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (int bit = 0; bit < 7; bit++) {
            if ((bits & (1 << bit)) != 0) {
                out.add(bit == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(bit));
            }
        }
        return out;
    }

    private static int weekOfMonth(LocalDate date) {
        return (date.getDayOfMonth() - 1) / 7 + 1;
    }
}
