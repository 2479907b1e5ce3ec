package dev.convene.internal;

import dev.convene.Recurrence;
import dev.convene.Recurrence.Frequency;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** RRULE parsing, printing and expansion for {@link Recurrence}'s subset of RFC 5545. */
public final class RRules {
    private static final Set<DayOfWeek> MON_TO_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Pattern BYDAY_ITEM = Pattern.compile("([+-]?\\d)?(MO|TU|WE|TH|FR|SA|SU)");
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter DATE_TIME_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** Hard stop for expansion of open-ended rules that never match (cannot happen for valid rules, but never hang). */
    private static final int MAX_EMPTY_PERIODS = 1000;

    private RRules() {
    }

    public static Recurrence parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("RRULE is empty");
        }
        String body = text.trim();
        if (body.regionMatches(true, 0, "RRULE:", 0, 6)) {
            body = body.substring(6);
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : body.split(";", -1)) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw bad(text, "'" + part + "' is not NAME=VALUE");
            }
            String name = part.substring(0, eq).toUpperCase(Locale.ROOT);
            if (parts.put(name, part.substring(eq + 1).toUpperCase(Locale.ROOT)) != null) {
                throw bad(text, name + " appears twice");
            }
        }
        for (String name : parts.keySet()) {
            if (!Set.of("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "COUNT", "UNTIL", "WKST").contains(name)) {
                throw bad(text, name + " is not supported (supported: FREQ, INTERVAL, BYDAY, BYMONTHDAY, BYSETPOS, COUNT, UNTIL)");
            }
        }
        if (parts.containsKey("WKST") && !parts.get("WKST").equals("MO")) {
            throw bad(text, "only WKST=MO is supported");
        }
        String freq = parts.get("FREQ");
        if (freq == null) {
            throw bad(text, "FREQ is missing");
        }
        int interval = parts.containsKey("INTERVAL") ? positive(text, "INTERVAL", parts.get("INTERVAL")) : 1;
        Integer count = parts.containsKey("COUNT") ? positive(text, "COUNT", parts.get("COUNT")) : null;
        LocalDate until = parts.containsKey("UNTIL") ? until(text, parts.get("UNTIL")) : null;
        if (count != null && until != null) {
            throw bad(text, "COUNT and UNTIL must not both be given");
        }
        List<ByDay> byDay = parts.containsKey("BYDAY") ? byDay(text, parts.get("BYDAY")) : List.of();
        String byMonthDay = parts.get("BYMONTHDAY");
        String bySetPos = parts.get("BYSETPOS");

        Recurrence rule;
        try {
            switch (freq) {
                case "DAILY" -> {
                    forbid(text, byMonthDay, "BYMONTHDAY", "DAILY");
                    forbid(text, bySetPos, "BYSETPOS", "DAILY");
                    if (byDay.isEmpty()) {
                        rule = Recurrence.daily(interval);
                    } else if (interval == 1 && plainDays(text, byDay).equals(MON_TO_FRI)) {
                        rule = Recurrence.weekdays();
                    } else {
                        throw bad(text, "FREQ=DAILY takes BYDAY only as MO,TU,WE,TH,FR (every weekday) without INTERVAL");
                    }
                }
                case "WEEKLY" -> {
                    forbid(text, byMonthDay, "BYMONTHDAY", "WEEKLY");
                    forbid(text, bySetPos, "BYSETPOS", "WEEKLY");
                    rule = Recurrence.weekly(interval, plainDays(text, byDay).toArray(DayOfWeek[]::new));
                }
                case "MONTHLY" -> rule = monthly(text, interval, byDay, byMonthDay, bySetPos);
                default -> throw bad(text, "FREQ=" + freq + " is not supported (supported: DAILY, WEEKLY, MONTHLY)");
            }
            if (count != null) {
                rule = rule.times(count);
            } else if (until != null) {
                rule = rule.until(until);
            }
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("RRULE")) {
                throw e;
            }
            throw bad(text, e.getMessage());
        }
        return rule;
    }

    private static Recurrence monthly(String text, int interval, List<ByDay> byDay, String byMonthDay, String bySetPos) {
        if (byMonthDay != null) {
            if (!byDay.isEmpty() || bySetPos != null) {
                throw bad(text, "FREQ=MONTHLY takes BYMONTHDAY or BYDAY, not both");
            }
            int day = integer(text, "BYMONTHDAY", byMonthDay);
            if (day < 1 || day > 31) {
                throw bad(text, "BYMONTHDAY must be a single day 1 to 31");
            }
            return Recurrence.monthlyOnDay(interval, day);
        }
        if (byDay.size() != 1) {
            throw bad(text, "FREQ=MONTHLY needs BYMONTHDAY=d or a single BYDAY such as 2TU or -1FR");
        }
        ByDay only = byDay.get(0);
        Integer nth = only.ordinal;
        if (bySetPos != null) {
            if (nth != null) {
                throw bad(text, "BYSETPOS and a numbered BYDAY must not both be given");
            }
            nth = integer(text, "BYSETPOS", bySetPos);
        }
        if (nth == null) {
            throw bad(text, "FREQ=MONTHLY with BYDAY needs which week, e.g. BYDAY=2TU or BYSETPOS=-1");
        }
        if (nth == 0 || nth < -1 || nth > 4) {
            throw bad(text, "week of month must be 1 to 4, or -1 for the last");
        }
        return Recurrence.monthlyOnWeekday(interval, nth, only.day);
    }

    public static String print(Recurrence r) {
        StringBuilder b = new StringBuilder("FREQ=");
        switch (r.frequency()) {
            case DAILY -> b.append("DAILY");
            case WEEKDAYS -> b.append("DAILY");
            case WEEKLY -> b.append("WEEKLY");
            case MONTHLY -> b.append("MONTHLY");
        }
        if (r.interval() > 1) {
            b.append(";INTERVAL=").append(r.interval());
        }
        if (r.frequency() == Frequency.WEEKDAYS) {
            b.append(";BYDAY=MO,TU,WE,TH,FR");
        } else if (!r.daysOfWeek().isEmpty()) {
            b.append(";BYDAY=").append(r.daysOfWeek().stream().sorted().map(RRules::code).collect(Collectors.joining(",")));
        } else if (r.dayOfMonth() != null) {
            b.append(";BYMONTHDAY=").append(r.dayOfMonth());
        } else if (r.weekday() != null) {
            b.append(";BYDAY=").append(r.weekOfMonth()).append(code(r.weekday()));
        }
        if (r.count() != null) {
            b.append(";COUNT=").append(r.count());
        } else if (r.until() != null) {
            b.append(";UNTIL=").append(DATE.format(r.until()));
        }
        return b.toString();
    }

    public static Stream<ZonedDateTime> expand(Recurrence r, ZonedDateTime first) {
        Spliterator<ZonedDateTime> split = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL) {
            long period;
            int emitted;
            int emptyPeriods;
            boolean endOfTime;
            ZonedDateTime last;
            final List<ZonedDateTime> pending = new ArrayList<>();

            @Override
            public boolean tryAdvance(Consumer<? super ZonedDateTime> action) {
                while (pending.isEmpty()) {
                    if (emptyPeriods > MAX_EMPTY_PERIODS || endOfTime) {
                        return false;
                    }
                    List<ZonedDateTime> next;
                    try {
                        next = period(r, first, period++);
                    } catch (DateTimeException | ArithmeticException e) {
                        // The next period lies beyond the last date java.time can represent: the rule has no more occurrences.
                        endOfTime = true;
                        return false;
                    }
                    // A local time skipped by the zone (a DST gap, or a whole day as in Samoa 2011) moves forward and may
                    // land on the next candidate: each instant is an occurrence once.
                    ZonedDateTime floor = last;
                    next.removeIf(t -> t.isBefore(first) || (floor != null && !t.isAfter(floor)));
                    if (next.isEmpty()) {
                        emptyPeriods++;
                    } else {
                        emptyPeriods = 0;
                        pending.addAll(next);
                    }
                }
                ZonedDateTime next = pending.remove(0);
                if (last != null && !next.isAfter(last)) {
                    return tryAdvance(action);
                }
                if ((r.count() != null && emitted >= r.count()) || (r.until() != null && next.toLocalDate().isAfter(r.until()))) {
                    return false;
                }
                emitted++;
                last = next;
                action.accept(next);
                return true;
            }
        };
        return StreamSupport.stream(split, false);
    }

    /** The candidate start times in the {@code n}-th period (day, week or month) of the rule, sorted. */
    private static List<ZonedDateTime> period(Recurrence r, ZonedDateTime first, long n) {
        List<ZonedDateTime> out = new ArrayList<>();
        LocalDateTime start = first.toLocalDateTime();
        switch (r.frequency()) {
            case DAILY -> out.add(at(first, start.plusDays(n * r.interval())));
            case WEEKDAYS -> {
                LocalDateTime day = start.plusDays(n);
                if (MON_TO_FRI.contains(day.getDayOfWeek())) {
                    out.add(at(first, day));
                }
            }
            case WEEKLY -> {
                LocalDateTime monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(n * r.interval());
                Set<DayOfWeek> days = r.daysOfWeek().isEmpty() ? Set.of(first.getDayOfWeek()) : r.daysOfWeek();
                days.stream().sorted().forEach(d -> out.add(at(first, monday.plusDays(d.getValue() - 1L))));
            }
            case MONTHLY -> {
                LocalDateTime month = start.withDayOfMonth(1).plusMonths(n * r.interval());
                if (r.dayOfMonth() != null) {
                    if (r.dayOfMonth() <= month.toLocalDate().lengthOfMonth()) {
                        out.add(at(first, month.withDayOfMonth(r.dayOfMonth())));
                    }
                } else {
                    LocalDateTime day = r.weekOfMonth() == -1
                            ? month.with(TemporalAdjusters.lastInMonth(r.weekday()))
                            : month.with(TemporalAdjusters.dayOfWeekInMonth(r.weekOfMonth(), r.weekday()));
                    out.add(at(first, day));
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static ZonedDateTime at(ZonedDateTime first, LocalDateTime local) {
        return ZonedDateTime.ofLocal(local, first.getZone(), null);
    }

    private record ByDay(Integer ordinal, DayOfWeek day) {
    }

    private static List<ByDay> byDay(String text, String value) {
        List<ByDay> out = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Matcher m = BYDAY_ITEM.matcher(item);
            if (!m.matches()) {
                throw bad(text, "BYDAY item '" + item + "' is not a weekday such as MO or 2TU");
            }
            out.add(new ByDay(m.group(1) == null ? null : Integer.valueOf(m.group(1)), day(m.group(2))));
        }
        return out;
    }

    private static Set<DayOfWeek> plainDays(String text, List<ByDay> byDay) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (ByDay d : byDay) {
            if (d.ordinal != null) {
                throw bad(text, "numbered BYDAY (like 2TU) is only supported with FREQ=MONTHLY");
            }
            if (!days.add(d.day)) {
                throw bad(text, "BYDAY repeats " + code(d.day));
            }
        }
        return days;
    }

    private static DayOfWeek day(String code) {
        return switch (code) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static String code(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static LocalDate until(String text, String value) {
        try {
            if (value.length() == 8) {
                return LocalDate.parse(value, DATE);
            }
            return LocalDateTime.parse(value, DATE_TIME_UTC).atOffset(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            throw bad(text, "UNTIL must be a date YYYYMMDD or a UTC date-time YYYYMMDDTHHMMSSZ, was " + value);
        }
    }

    private static int positive(String text, String name, String value) {
        int n = integer(text, name, value);
        if (n < 1) {
            throw bad(text, name + " must be at least 1, was " + value);
        }
        return n;
    }

    private static int integer(String text, String name, String value) {
        if (!value.matches("[+-]?\\d{1,18}")) {
            throw bad(text, name + " must be a whole number, was '" + value + "'");
        }
        long n = Long.parseLong(value);
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw bad(text, name + " is out of range (at most " + Integer.MAX_VALUE + " in size), was " + value);
        }
        return (int) n;
    }

    private static void forbid(String text, String value, String name, String freq) {
        if (value != null) {
            throw bad(text, name + " is not supported with FREQ=" + freq);
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("RRULE '" + text + "': " + why);
    }
}
