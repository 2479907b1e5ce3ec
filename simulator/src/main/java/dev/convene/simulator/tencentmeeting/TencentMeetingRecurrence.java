package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated {@code recurring_rule} (seed 002 "周期性会议 recurring_rule"; custom rules from Tencent's
 * "自定义周期规则 API 调用示例", doc 1095/81181) and the sub-meetings it produces.
 *
 * <p>{@code customized_recurring_days} bits: by week, bit 0 Sunday … bit 6 Saturday; by month-by-week,
 * the same weekday bits plus bit 7 first week … bit 11 fifth week (months without it are skipped);
 * by month-by-date, bit 0 the 1st … bit 30 the 31st. The chosen days must include the first meeting's
 * date, else 190004 {@code recurring_days no include firstStartTime}.
 *
 * <p>Limits (seed 002): daily, weekdays and weekly at most 200 sub-meetings; biweekly and monthly at
 * most 50. UNCONFIRMED and chosen here: custom by-day and by-week rules get 200, custom by-month rules
 * 50, like their nearest standard type; custom weeks start on Sunday, as the bit order does.
 */
final class TencentMeetingRecurrence {
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
    /** The modify endpoint documents {@code until_count} 1–50 (spec §3.5). */
    static final int MODIFY_MAX_COUNT = 50;
    private static final int DEFAULT_COUNT = 7;
    private static final long SEVEN_DAYS = 7 * 24 * 3600L;

    final int recurringType;
    final int untilType;
    final long untilDate;
    final int untilCount;
    final int customType;
    final int customStep;
    final int customDays;

    private TencentMeetingRecurrence(int recurringType, int untilType, long untilDate, int untilCount, int customType, int customStep, int customDays) {
        this.recurringType = recurringType;
        this.untilType = untilType;
        this.untilDate = untilDate;
        this.untilCount = untilCount;
        this.customType = customType;
        this.customStep = customStep;
        this.customDays = customDays;
    }

    /**
     * Reads and checks a rule for a series whose first meeting starts at {@code firstStart}.
     *
     * @param nowSeconds the vendor's now, for the documented default end date (today + 7 days)
     * @param maxCount   an extra cap on the number of sub-meetings (the modify endpoint's 50)
     */
    static TencentMeetingRecurrence parse(Fields f, long firstStart, ZoneId zone, long nowSeconds, int maxCount) {
        int type = (int) (long) f.integer("recurring_type").orElse(0L);
        if (type < DAILY || type > CUSTOM) {
            throw TencentMeetingError.invalid("invalid param: recurring_rule.recurring_type must be 0-5");
        }
        int untilType = (int) (long) f.integer("until_type").orElse(0L);
        if (untilType != 0 && untilType != 1) {
            throw TencentMeetingError.invalid("invalid param: recurring_rule.until_type must be 0 or 1");
        }
        int customType = -1;
        int step = 1;
        int days = 0;
        if (type == CUSTOM) {
            customType = (int) (long) f.integer("customized_recurring_type")
                    .orElseThrow(() -> f.missing("customized_recurring_type"));
            if (customType < BY_DAY || customType > BY_MONTH_DATE) {
                throw TencentMeetingError.invalid("invalid param: recurring_rule.customized_recurring_type must be 0-3");
            }
            step = (int) (long) f.integer("customized_recurring_step").orElse(1L);
            if (step < 1) {
                throw TencentMeetingError.invalid("invalid param: recurring_rule.customized_recurring_step must be at least 1");
            }
            if (customType != BY_DAY) {
                long rawDays = f.integer("customized_recurring_days")
                        .orElseThrow(() -> f.missing("customized_recurring_days"));
                if (rawDays < 1 || rawDays > Integer.MAX_VALUE) {
                    throw TencentMeetingError.invalid("invalid param: recurring_rule.customized_recurring_days out of range");
                }
                days = (int) rawDays;
                checkDays(customType, days, ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(firstStart), zone).toLocalDate());
            }
        }
        long untilDate = f.integer("until_date").orElse(nowSeconds + SEVEN_DAYS);
        int count = (int) (long) f.integer("until_count").orElse((long) DEFAULT_COUNT);
        TencentMeetingRecurrence rule = new TencentMeetingRecurrence(type, untilType, untilDate, count, customType, step, days);
        int limit = Math.min(rule.limit(), maxCount);
        if (untilType == 1 && (count < 1 || count > limit)) {
            throw TencentMeetingError.invalid("invalid param: recurring_rule.until_count must be 1-" + limit);
        }
        if (untilType == 0) {
            if (untilDate < firstStart) {
                throw TencentMeetingError.invalid("invalid param: recurring_rule.until_date is earlier than start_time");
            }
            if (rule.occurrences(firstStart, zone, limit + 1).size() > limit) {
                throw TencentMeetingError.invalid("invalid param: recurring_rule.until_date allows more than " + limit + " sub-meetings");
            }
        }
        return rule;
    }

    /** Sub-meeting cap of this rule's frequency (seed 002). */
    int limit() {
        return switch (recurringType) {
            case BIWEEKLY, MONTHLY -> 50;
            case CUSTOM -> customType == BY_MONTH_WEEK || customType == BY_MONTH_DATE ? 50 : 200;
            default -> 200;
        };
    }

    /** Start times (seconds) of the sub-meetings, in order, at most {@code cap} of them. */
    List<Long> occurrences(long firstStart, ZoneId zone, int cap) {
        ZonedDateTime first = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(firstStart), zone);
        LocalDate start = first.toLocalDate();
        LocalTime time = first.toLocalTime();
        List<Long> out = new ArrayList<>();
        int wanted = untilType == 1 ? Math.min(untilCount, cap) : cap;
        for (int block = 0; block < 20_000 && out.size() < wanted; block++) {
            List<LocalDate> dates;
            try {
                dates = datesOfBlock(start, block);
            } catch (java.time.DateTimeException e) {
                return out; // a huge step runs past the end of the calendar: the series ends there
            }
            for (LocalDate date : dates) {
                if (date.isBefore(start)) {
                    continue;
                }
                long at = ZonedDateTime.of(date, time, zone).toEpochSecond();
                if (untilType == 0 && at > untilDate) {
                    return out;
                }
                out.add(at);
                if (out.size() >= wanted) {
                    return out;
                }
            }
        }
        return out;
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("recurring_type", recurringType);
        n.put("until_type", untilType);
        if (untilType == 0) {
            n.put("until_date", untilDate);
        } else {
            n.put("until_count", untilCount);
        }
        if (recurringType == CUSTOM) {
            n.put("customized_recurring_type", customType);
            n.put("customized_recurring_step", customStep);
            if (customType != BY_DAY) {
                n.put("customized_recurring_days", customDays);
            }
        }
        return n;
    }

    private List<LocalDate> datesOfBlock(LocalDate start, int k) {
        return switch (recurringType) {
            case DAILY -> List.of(start.plusDays(k));
            case WEEKDAYS -> {
                LocalDate d = start.plusDays(k);
                yield k == 0 || d.getDayOfWeek().getValue() <= 5 ? List.of(d) : List.of();
            }
            case WEEKLY -> List.of(start.plusWeeks(k));
            case BIWEEKLY -> List.of(start.plusWeeks(2L * k));
            case MONTHLY -> sameDayOfMonth(start, start.plusMonths(k));
            default -> customBlock(start, k);
        };
    }

    private List<LocalDate> customBlock(LocalDate start, int k) {
        long n = (long) k * customStep;
        List<LocalDate> out = new ArrayList<>();
        switch (customType) {
            case BY_DAY -> out.add(start.plusDays(n));
            case BY_WEEK -> {
                LocalDate sunday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).plusWeeks(n);
                for (int bit = 0; bit < 7; bit++) {
                    if ((customDays & (1 << bit)) != 0) {
                        out.add(sunday.plusDays(bit));
                    }
                }
            }
            case BY_MONTH_WEEK -> {
                LocalDate month = start.withDayOfMonth(1).plusMonths(n);
                DayOfWeek weekday = weekdayOfBit(Integer.numberOfTrailingZeros(customDays & 0x7F));
                for (int week = 1; week <= 5; week++) {
                    if ((customDays & (1 << (6 + week))) != 0) {
                        LocalDate d = month.with(TemporalAdjusters.dayOfWeekInMonth(week, weekday));
                        if (d.getMonth() == month.getMonth()) {
                            out.add(d);
                        }
                    }
                }
            }
            default -> {
                LocalDate month = start.withDayOfMonth(1).plusMonths(n);
                for (int day = 1; day <= month.lengthOfMonth(); day++) {
                    if ((customDays & (1 << (day - 1))) != 0) {
                        out.add(month.withDayOfMonth(day));
                    }
                }
            }
        }
        return out;
    }

    private static List<LocalDate> sameDayOfMonth(LocalDate start, LocalDate candidate) {
        return candidate.getDayOfMonth() == start.getDayOfMonth() ? List.of(candidate) : List.of();
    }

    private static void checkDays(int customType, int days, LocalDate first) {
        int weekdayBit = 1 << (first.getDayOfWeek().getValue() % 7);
        boolean includesFirst;
        switch (customType) {
            case BY_WEEK -> {
                if (days < 1 || days > 0x7F) {
                    throw TencentMeetingError.invalid("invalid param: recurring_rule.customized_recurring_days must be a sum of 1 (Sunday) ... 64 (Saturday)");
                }
                includesFirst = (days & weekdayBit) != 0;
            }
            case BY_MONTH_WEEK -> {
                int weekdays = days & 0x7F;
                int weeks = days >>> 7;
                if (Integer.bitCount(weekdays) != 1 || weeks < 1 || weeks > 0x1F) {
                    throw TencentMeetingError.invalid("invalid param: recurring_rule.customized_recurring_days must be one weekday (1-64) plus weeks (128-2048)");
                }
                int weekOfMonth = (first.getDayOfMonth() - 1) / 7 + 1;
                includesFirst = weekdays == weekdayBit && (weeks & (1 << (weekOfMonth - 1))) != 0;
            }
            default -> {
                // Any positive int is a set of days 1 (bit 0) ... 31 (bit 30).
                includesFirst = (days & (1 << (first.getDayOfMonth() - 1))) != 0;
            }
        }
        if (!includesFirst) {
            throw TencentMeetingError.invalid("recurring_days no include firstStartTime");
        }
    }

    private static DayOfWeek weekdayOfBit(int bit) {
        return bit == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(bit);
    }
}
