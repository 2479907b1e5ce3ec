package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Expands a validated {@code recurrence} object (spec §3.8) into occurrence start instants.
 *
 * <p>Choices where the spec is silent: the series starts on the first matching day on or after
 * {@code start_time}'s date, at its wall time in the meeting's zone; weeks start on Sunday (Zoom numbers
 * days 1=Sunday…7=Saturday); a {@code monthly_day} a month lacks (31 in April) skips that month, as
 * RFC 5545 does; {@code end_date_time} includes every occurrence whose local date is on or before the
 * end's local date.
 */
final class ZoomRecurrence {
    static final int DAILY = 1;
    static final int WEEKLY = 2;
    static final int MONTHLY = 3;

    private ZoomRecurrence() {
    }

    /** At most {@code limit} starts; a caller asks for one more than it allows to detect an overlong series. */
    static List<Instant> expand(JsonNode recurrence, Instant start, ZoneId zone, int limit) {
        ZonedDateTime first = start.atZone(zone);
        LocalTime time = first.toLocalTime();
        int interval = recurrence.path("repeat_interval").asInt(1);
        Integer count = recurrence.has("end_date_time") ? null : recurrence.path("end_times").asInt(1);
        LocalDate lastDate = recurrence.has("end_date_time")
                ? ZoomTimes.parseUtc(recurrence.get("end_date_time").asText()).orElseThrow().atZone(zone).toLocalDate()
                : LocalDate.MAX;
        int max = count == null ? limit : Math.min(count, limit);
        List<Instant> out = new ArrayList<>();
        LocalDate day = first.toLocalDate();
        // Bounded walk: 60 occurrences of a 3-monthly series span 15 years; 20 000 days is enough for any allowed rule.
        for (int step = 0; step < 20_000 && out.size() < max && !day.isAfter(lastDate); step++, day = day.plusDays(1)) {
            if (matches(recurrence, first.toLocalDate(), day, interval)) {
                ZonedDateTime at = ZonedDateTime.of(day, time, zone);
                if (!at.toInstant().isBefore(start)) {
                    out.add(at.toInstant());
                }
            }
        }
        return out;
    }

    private static boolean matches(JsonNode r, LocalDate origin, LocalDate day, int interval) {
        switch (r.path("type").asInt()) {
            case DAILY:
                return ChronoUnit.DAYS.between(origin, day) % interval == 0;
            case WEEKLY: {
                LocalDate originWeek = origin.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                LocalDate week = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
                return ChronoUnit.WEEKS.between(originWeek, week) % interval == 0
                        && weeklyDays(r.path("weekly_days").asText("1")).contains(zoomDay(day.getDayOfWeek()));
            }
            case MONTHLY: {
                long months = ChronoUnit.MONTHS.between(origin.withDayOfMonth(1), day.withDayOfMonth(1));
                if (months % interval != 0) {
                    return false;
                }
                if (r.has("monthly_day")) {
                    return day.getDayOfMonth() == r.get("monthly_day").asInt();
                }
                int week = r.path("monthly_week").asInt();
                DayOfWeek weekday = javaDay(r.path("monthly_week_day").asInt());
                LocalDate target = week == -1
                        ? day.with(TemporalAdjusters.lastInMonth(weekday))
                        : day.with(TemporalAdjusters.dayOfWeekInMonth(week, weekday));
                return day.equals(target);
            }
            default:
                return false;
        }
    }

    static Set<Integer> weeklyDays(String text) {
        Set<Integer> days = new TreeSet<>();
        for (String part : text.split(",")) {
            days.add(Integer.parseInt(part.trim()));
        }
        return days;
    }

    /** Zoom counts 1=Sunday … 7=Saturday. */
    static int zoomDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    static DayOfWeek javaDay(int zoomDay) {
        return zoomDay == 1 ? DayOfWeek.SUNDAY : DayOfWeek.of(zoomDay - 1);
    }
}
