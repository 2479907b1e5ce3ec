package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A meeting's {@code reminders} object (spec §2.1.2): whether and how it repeats, when the series
 * ends, and the reminder offsets. Occurrences are laid out on the China calendar (Asia/Shanghai),
 * WeCom's home zone, which decides what "every workday" and "the same weekday" mean.
 */
final class WeComRecurrence {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int DAILY = 0;
    static final int WEEKLY = 1;
    static final int MONTHLY = 2;
    static final int WORKDAY = 7;
    private static final Set<Integer> REMIND_BEFORE = Set.of(0, 300, 900, 3600, 86400);

    final boolean repeat;
    final int type;
    final int interval;
    final boolean custom;
    final boolean byCount;
    final Long until;
    final int count;
    final Set<Integer> daysOfWeek;
    final Set<Integer> daysOfMonth;
    final List<Integer> remindBefore;
    private final Integer sentInterval;
    private final boolean sentDaysOfWeek;
    private final boolean sentDaysOfMonth;

    private WeComRecurrence(boolean repeat, int type, int interval, Integer sentInterval, boolean custom, boolean byCount, Long until,
                       int count, Set<Integer> daysOfWeek, boolean sentDaysOfWeek, Set<Integer> daysOfMonth,
                       boolean sentDaysOfMonth, List<Integer> remindBefore) {
        this.repeat = repeat;
        this.type = type;
        this.interval = interval;
        this.sentInterval = sentInterval;
        this.custom = custom;
        this.byCount = byCount;
        this.until = until;
        this.count = count;
        this.daysOfWeek = daysOfWeek;
        this.sentDaysOfWeek = sentDaysOfWeek;
        this.daysOfMonth = daysOfMonth;
        this.sentDaysOfMonth = sentDaysOfMonth;
        this.remindBefore = remindBefore;
    }

    static WeComRecurrence none() {
        return new WeComRecurrence(false, DAILY, 1, null, false, false, null, 1, Set.of(), false, Set.of(), false, List.of());
    }

    /** Validates {@code reminders} against a series starting at {@code start} (Unix seconds). */
    static WeComRecurrence read(JsonBody r, long start) {
        boolean repeat = r.oneOf("is_repeat", 0, 1).orElse(0) == 1;
        int type = r.oneOf("repeat_type", DAILY, WEEKLY, MONTHLY, WORKDAY).orElse(DAILY);
        boolean custom = r.oneOf("is_custom_repeat", 0, 1).orElse(0) == 1;
        boolean byCount = r.oneOf("repeat_until_type", 0, 1).orElse(0) == 1;
        Long until = r.uint32("repeat_until").isPresent() ? r.uint32("repeat_until").getAsLong() : null;
        Integer sentInterval = r.int32("repeat_interval").isPresent() ? r.int32("repeat_interval").getAsInt() : null;
        List<Integer> dow = r.ints("repeat_day_of_week").orElse(null);
        List<Integer> dom = r.ints("repeat_day_of_month").orElse(null);
        List<Integer> remind = new ArrayList<>();
        // Unsupported offsets behave as "remind at start" (spec §2.1.2), so they are stored as 0.
        r.ints("remind_before").orElse(List.of()).forEach(v -> remind.add(REMIND_BEFORE.contains(v) ? v : 0));
        if (!repeat) {
            return new WeComRecurrence(false, type, 1, sentInterval, false, false, null, 1, Set.of(), false, Set.of(), false, List.copyOf(remind));
        }

        if (custom && type == WORKDAY) {
            throw r.invalid("repeat_type", "custom repeat allows only daily, weekly or monthly");
        }
        int interval;
        if (custom) {
            if (sentInterval == null || sentInterval < 1) {
                throw r.invalid("repeat_interval", "is required and at least 1 when is_custom_repeat=1");
            }
            interval = sentInterval;
        } else {
            interval = sentInterval == null ? 1 : sentInterval;
            if (type == WEEKLY ? interval < 1 || interval > 2 : interval != 1) {
                throw r.invalid("repeat_interval", "only weekly recurrence may set an interval, and it may not exceed 2");
            }
            if (dow != null || dom != null) {
                throw r.invalid(dow != null ? "repeat_day_of_week" : "repeat_day_of_month", "only with is_custom_repeat=1");
            }
        }
        TreeSet<Integer> daysOfWeek = new TreeSet<>();
        TreeSet<Integer> daysOfMonth = new TreeSet<>();
        ZonedDateTime first = Instant.ofEpochSecond(start).atZone(CHINA);
        if (dow != null) {
            for (int d : dow) {
                if (d < 1 || d > 7) {
                    throw r.invalid("repeat_day_of_week", "values must be 1..7");
                }
                daysOfWeek.add(d);
            }
        }
        if (dom != null) {
            for (int d : dom) {
                if (d < 1 || d > 31) {
                    throw r.invalid("repeat_day_of_month", "values must be 1..31");
                }
                daysOfMonth.add(d);
            }
        }
        // The start day always belongs to the series; the server adds it when missing (spec §2.1.2).
        daysOfWeek.add(first.getDayOfWeek().getValue());
        daysOfMonth.add(first.getDayOfMonth());

        int max = maxOccurrences(type, interval);
        int count = max;
        if (byCount) {
            count = r.int32("repeat_until_count").orElse(7);
            if (count < 1 || count > max) {
                throw r.invalid("repeat_until_count", "must be 1.." + max + " for this repeat type");
            }
        } else if (until != null && until < start) {
            throw r.invalid("repeat_until", "must not be before meeting_start");
        }
        return new WeComRecurrence(true, type, interval, sentInterval, custom, byCount, until, count,
                Collections.unmodifiableSortedSet(daysOfWeek), dow != null, Collections.unmodifiableSortedSet(daysOfMonth), dom != null, List.copyOf(remind));
    }

    /** Daily, workday and weekly series hold at most 200 meetings; bi-weekly and monthly ones 50 (spec §2.1.2). */
    static int maxOccurrences(int type, int interval) {
        return type == MONTHLY || (type == WEEKLY && interval >= 2) ? 50 : 200;
    }

    /** Start instants (Unix seconds) of every meeting in the series, the first being {@code start}. */
    List<Long> occurrences(long start) {
        return layout(start, count);
    }

    private List<Long> layout(long start, int limit) {
        List<Long> out = new ArrayList<>();
        out.add(start);
        if (!repeat) {
            return out;
        }
        ZonedDateTime first = Instant.ofEpochSecond(start).atZone(CHINA);
        LocalTime time = first.toLocalTime();
        LocalDate day = first.toLocalDate();
        // Generous bound on how many calendar days to walk: 50 monthly meetings every 'interval' months.
        LocalDate stop = day.plusMonths(62L * interval).plusYears(5);
        while (out.size() < limit && day.isBefore(stop)) {
            day = day.plusDays(1);
            if (!matches(day, first.toLocalDate())) {
                continue;
            }
            long at = day.atTime(time).atZone(CHINA).toEpochSecond();
            if (!byCount && until != null && at > until) {
                break;
            }
            out.add(at);
        }
        return out;
    }

    private boolean matches(LocalDate day, LocalDate firstDay) {
        return switch (type) {
            case DAILY -> ChronoUnit.DAYS.between(firstDay, day) % interval == 0;
            case WORKDAY -> day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
            case WEEKLY -> daysOfWeek.contains(day.getDayOfWeek().getValue())
                    && ChronoUnit.WEEKS.between(monday(firstDay), monday(day)) % interval == 0;
            case MONTHLY -> daysOfMonth.contains(day.getDayOfMonth())
                    && ChronoUnit.MONTHS.between(firstDay.withDayOfMonth(1), day.withDayOfMonth(1)) % interval == 0;
            default -> false;
        };
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The object {@code get_info} echoes: what was sent, with an absent or too-late end replaced by the real last start. */
    ObjectNode toJson(long start) {
        ObjectNode o = JsonBody.JSON.createObjectNode();
        o.put("is_repeat", repeat ? 1 : 0);
        if (repeat) {
            o.put("repeat_type", type);
            if (sentInterval != null || custom) {
                o.put("repeat_interval", interval);
            }
            if (custom) {
                o.put("is_custom_repeat", 1);
            }
            if (byCount) {
                o.put("repeat_until_type", 1);
                o.put("repeat_until_count", count);
            } else {
                int max = maxOccurrences(type, interval);
                boolean clamped = until == null || layout(start, max + 1).size() > max;
                List<Long> all = occurrences(start);
                o.put("repeat_until", clamped ? all.get(all.size() - 1) : until);
            }
            if (sentDaysOfWeek) {
                ArrayNode a = o.putArray("repeat_day_of_week");
                daysOfWeek.forEach(a::add);
            }
            if (sentDaysOfMonth) {
                ArrayNode a = o.putArray("repeat_day_of_month");
                daysOfMonth.forEach(a::add);
            }
        }
        if (!remindBefore.isEmpty()) {
            ArrayNode a = o.putArray("remind_before");
            remindBefore.forEach(a::add);
        }
        return o;
    }
}
