package dev.convene.provider.wecom.internal;

import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.Recurrence.Frequency;
import dev.convene.Violation;
import dev.convene.provider.wecom.WeComOptions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A neutral {@link Recurrence} and WeCom's {@code reminders}, both ways (spec §2.1.2). The basic page's
 * fields are sent where they suffice: daily, every workday, weekly or every two weeks on the start's
 * weekday, monthly on the start's day. Anything else WeCom can say is a custom repeat ({@code is_custom_repeat}
 * with {@code repeat_interval} and {@code repeat_day_of_week} 1..7 = Mon..Sun, confirmed by doc 98154 in the
 * spec's corrections): every n days, weekly on several days or every n weeks, every n months. WeCom always
 * holds a meeting on the start's weekday or day of the month (it adds them), so a rule must include them. The
 * series ends at {@code repeat_until} (the start of its last meeting), or at WeCom's maximum of 200 meetings
 * (50 for bi-weekly and monthly).
 * WeCom keeps no time zone: it lays series out on the China calendar, so a recurring meeting must be
 * planned in a UTC+8 zone for the two calendars to agree.
 */
final class WeComRecurrences {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int DAILY = 0;
    private static final int WEEKLY = 1;
    private static final int MONTHLY = 2;
    private static final int WORKDAY = 7;
    private static final ZoneOffset UTC8 = ZoneOffset.ofHours(8);
    private static final Set<Duration> REMIND_OFFSETS = Set.of(Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(15),
            Duration.ofHours(1), Duration.ofDays(1));

    private WeComRecurrences() {
    }

    static int maxOccurrences(Recurrence r) {
        return r.frequency() == Frequency.MONTHLY || (r.frequency() == Frequency.WEEKLY && r.interval() >= 2) ? 50 : 200;
    }

    /** Everything about a series WeCom cannot do as asked; {@code zone} is where the series is planned. */
    static List<Violation> check(Recurrence r, Instant start, ZoneId zone, ProviderOptions options) {
        List<Violation> out = new ArrayList<>();
        options.get(WeComOptions.REMIND_BEFORE).ifPresent(offsets -> {
            if (offsets.stream().anyMatch(d -> !REMIND_OFFSETS.contains(d))) {
                out.add(new Violation("options.wecom.remind-before", "must each be 0, 5 min, 15 min, 1 h or 1 day, was " + offsets));
            }
        });
        Instant repeatUntil = options.get(WeComOptions.REPEAT_UNTIL).orElse(null);
        if (r == null) {
            if (repeatUntil != null) {
                out.add(new Violation("options.wecom.repeat-until", "needs a recurrence"));
            }
            return out;
        }
        if (repeatUntil != null && (r.count() != null || r.until() != null)) {
            out.add(new Violation("options.wecom.repeat-until", "cannot be combined with a recurrence that has its own count or end date"));
        }
        if (repeatUntil != null && start != null && repeatUntil.isBefore(start)) {
            out.add(new Violation("options.wecom.repeat-until", "must not be before the start"));
        }
        switch (r.frequency()) {
            case WEEKLY -> {
                if (start != null && !r.daysOfWeek().isEmpty() && !r.daysOfWeek().contains(start.atZone(zone).getDayOfWeek())) {
                    out.add(new Violation("recurrence.daysOfWeek", "must include the start's weekday ("
                            + start.atZone(zone).getDayOfWeek() + ") on WeCom, which always holds a meeting on it, was " + r.daysOfWeek()));
                }
            }
            case MONTHLY -> {
                if (r.isMonthlyByWeekday()) {
                    out.add(new Violation("recurrence", "WeCom cannot repeat on the nth weekday of a month"));
                } else if (start != null && r.dayOfMonth() != start.atZone(zone).getDayOfMonth()) {
                    out.add(new Violation("recurrence.dayOfMonth", "WeCom repeats monthly on the start's day ("
                            + start.atZone(zone).getDayOfMonth() + ") only, was " + r.dayOfMonth()));
                }
            }
            case DAILY, WEEKDAYS -> {
            }
        }
        int max = maxOccurrences(r);
        if (r.count() != null && r.count() > max) {
            out.add(new Violation("recurrence.count", "must be at most " + max + " for this kind of series, was " + r.count()));
        }
        if (start != null) {
            List<ZonedDateTime> planned = r.occurrences(start.atZone(zone)).limit(max + 1L).toList();
            if (r.until() != null && planned.size() > max) {
                out.add(new Violation("recurrence.until", "gives more than " + max + " meetings, WeCom's maximum for this kind of series"));
            }
            if (repeatUntil != null && planned.stream().filter(z -> !z.toInstant().isAfter(repeatUntil)).count() > max) {
                out.add(new Violation("options.wecom.repeat-until", "gives more than " + max + " meetings, WeCom's maximum for this kind of series"));
            }
            if (planned.stream().anyMatch(z -> !z.getOffset().equals(UTC8))) {
                out.add(new Violation("timeZone", "a recurring WeCom meeting repeats on the China calendar (UTC+8); plan it in a UTC+8 zone "
                        + "such as Asia/Shanghai, was " + zone));
            }
        }
        return out;
    }

    /** A series that has no meeting from {@code start} on (it ends before it) is refused; {@code r} may be {@code null}. */
    static List<Violation> occursFrom(Recurrence r, Instant start) {
        if (r == null || r.occurrences(start.atZone(CHINA)).findFirst().isPresent()) {
            return List.of();
        }
        return List.of(new Violation("recurrence.until", "must not be before the session's start date " + start.atZone(CHINA).toLocalDate()
                + ", was " + r.until()));
    }

    /** The {@code reminders} to send, or {@code null} when there is neither a series nor a reminder. */
    static WeComWire.Meeting.Reminders toWire(Recurrence r, Instant start, ProviderOptions options) {
        List<Integer> remindBefore = options.get(WeComOptions.REMIND_BEFORE)
                .map(offsets -> offsets.stream().map(d -> (int) d.toSeconds()).toList()).orElse(null);
        if (r == null) {
            return remindBefore == null ? null : new WeComWire.Meeting.Reminders(0, null, null, null, remindBefore, null, null, null, null, null);
        }
        int type = switch (r.frequency()) {
            case DAILY -> DAILY;
            case WEEKDAYS -> WORKDAY;
            case WEEKLY -> WEEKLY;
            case MONTHLY -> MONTHLY;
        };
        Instant until = options.get(WeComOptions.REPEAT_UNTIL).orElseGet(() -> lastStart(r, start));
        ZonedDateTime first = start.atZone(CHINA);
        Set<DayOfWeek> days = r.daysOfWeek().isEmpty() ? Set.of(first.getDayOfWeek()) : r.daysOfWeek();
        boolean custom = switch (r.frequency()) {
            case DAILY, MONTHLY -> r.interval() > 1;
            case WEEKLY -> r.interval() > 2 || days.size() > 1;
            case WEEKDAYS -> false;
        };
        if (!custom) {
            return new WeComWire.Meeting.Reminders(1, type, until, r.interval(), remindBefore, null, null, null, null, null);
        }
        List<Integer> daysOfWeek = r.frequency() == Frequency.WEEKLY
                ? days.stream().map(DayOfWeek::getValue).sorted().toList() : null;
        List<Integer> daysOfMonth = r.frequency() == Frequency.MONTHLY ? List.of(first.getDayOfMonth()) : null;
        return new WeComWire.Meeting.Reminders(1, type, until, r.interval(), remindBefore, 1, null, null, daysOfWeek, daysOfMonth);
    }

    /** The start of the series' last meeting when it ends by count or date; {@code null} when it runs to WeCom's maximum. */
    private static Instant lastStart(Recurrence r, Instant start) {
        if (r.count() == null && r.until() == null) {
            return null;
        }
        List<ZonedDateTime> all = r.occurrences(start.atZone(CHINA)).limit(maxOccurrences(r)).toList();
        return all.isEmpty() ? start : all.get(all.size() - 1).toInstant();
    }

    /** The neutral rule of what WeCom reports; {@code null} for a one-off meeting or a repeat type this version does not know. */
    static Recurrence toNeutral(WeComWire.Meeting.Reminders w, Instant start) {
        if (w == null || w.isRepeat() == null || w.isRepeat() != 1) {
            return null;
        }
        int interval = w.repeatInterval() == null || w.repeatInterval() < 1 ? 1 : w.repeatInterval();
        boolean custom = w.isCustomRepeat() != null && w.isCustomRepeat() == 1;
        ZonedDateTime first = start.atZone(CHINA);
        int type = w.repeatType() == null ? DAILY : w.repeatType();
        Recurrence rule;
        switch (type) {
            case DAILY -> rule = Recurrence.daily(custom ? interval : 1);
            case WORKDAY -> rule = Recurrence.weekdays();
            case WEEKLY -> {
                Set<DayOfWeek> days = custom && w.repeatDayOfWeek() != null
                        ? w.repeatDayOfWeek().stream().filter(d -> d >= 1 && d <= 7).map(DayOfWeek::of).collect(Collectors.toSet())
                        : Set.of();
                rule = Recurrence.weekly(interval, days.toArray(DayOfWeek[]::new));
            }
            // Several days of the month have no neutral form; the start's day is the one the series surely has.
            case MONTHLY -> rule = Recurrence.monthlyOnDay(custom ? interval : 1, first.getDayOfMonth());
            default -> {
                return null;
            }
        }
        if (w.repeatUntilType() != null && w.repeatUntilType() == 1 && w.repeatUntilCount() != null) {
            return rule.times(w.repeatUntilCount());
        }
        return w.repeatUntil() == null ? rule : rule.until(w.repeatUntil().atZone(CHINA).toLocalDate());
    }
}
