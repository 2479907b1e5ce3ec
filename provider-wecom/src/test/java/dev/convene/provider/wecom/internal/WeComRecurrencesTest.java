package dev.convene.provider.wecom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.Violation;
import dev.convene.provider.wecom.WeComOptions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Neutral recurrence ↔ WeCom {@code reminders} (spec §2.1.2), both ways. */
class WeComRecurrencesTest {
    /** Monday 2030-03-04 10:00 in Shanghai. */
    static final ZonedDateTime MONDAY = ZonedDateTime.parse("2030-03-04T10:00:00+08:00[Asia/Shanghai]");
    static final Instant START = MONDAY.toInstant();

    static List<String> fields(Recurrence r) {
        return WeComRecurrences.check(r, START, WeComRecurrences.CHINA, ProviderOptions.NONE).stream().map(Violation::field).toList();
    }

    @Test
    void theBasicShapesGoOutAsWeComRepeatTypes() {
        assertThat(WeComRecurrences.toWire(Recurrence.daily(1).times(3), START, ProviderOptions.NONE))
                .isEqualTo(new WeComWire.Meeting.Reminders(1, 0, START.plus(Duration.ofDays(2)), 1, null, null, null, null, null, null));
        assertThat(WeComRecurrences.toWire(Recurrence.weekdays().times(6), START, ProviderOptions.NONE).repeatUntil())
                .as("six workdays from a Monday end the next Monday").isEqualTo(START.plus(Duration.ofDays(7)));
        assertThat(WeComRecurrences.toWire(Recurrence.weekly(2).until(LocalDate.parse("2030-04-30")), START, ProviderOptions.NONE))
                .isEqualTo(new WeComWire.Meeting.Reminders(1, 1, ZonedDateTime.parse("2030-04-29T10:00:00+08:00").toInstant(), 2,
                        null, null, null, null, null, null));
        assertThat(WeComRecurrences.toWire(Recurrence.monthlyOnDay(1, 4), START, ProviderOptions.NONE))
                .as("no end: WeCom applies its maximum").isEqualTo(new WeComWire.Meeting.Reminders(1, 2, null, 1, null, null, null, null, null, null));
        assertThat(WeComRecurrences.toWire(null, START, ProviderOptions.NONE)).isNull();
        assertThat(WeComRecurrences.toWire(null, START, ProviderOptions.NONE.with(WeComOptions.REMIND_BEFORE, List.of(Duration.ofHours(1)))))
                .isEqualTo(new WeComWire.Meeting.Reminders(0, null, null, null, List.of(3600), null, null, null, null, null));
    }

    @Test
    void whatWeComReportsComesBackAsTheSameSeries() {
        for (Recurrence r : List.of(Recurrence.daily(1).times(5), Recurrence.weekdays().times(7), Recurrence.weekly(1).times(4),
                Recurrence.weekly(2, DayOfWeek.MONDAY).times(3), Recurrence.monthlyOnDay(1, 4).until(LocalDate.parse("2030-12-31")))) {
            Recurrence back = WeComRecurrences.toNeutral(WeComRecurrences.toWire(r, START, ProviderOptions.NONE), START);
            assertThat(back.occurrences(MONDAY).limit(60).toList()).as(r.toRRule()).isEqualTo(r.occurrences(MONDAY).limit(60).toList());
        }
    }

    /** Spec wecom.md, corrections (doc 98154): custom repeats say what the basic fields cannot, so they are no longer refused. */
    @Test
    void customRepeatsCarryIntervalsAndSeveralWeekdays() {
        for (Recurrence r : List.of(Recurrence.daily(2), Recurrence.weekly(3), Recurrence.monthlyOnDay(2, 4),
                Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY).times(6))) {
            assertThat(fields(r)).as(r.toRRule()).isEmpty();
            WeComWire.Meeting.Reminders wire = WeComRecurrences.toWire(r, START, ProviderOptions.NONE);
            assertThat(wire.isCustomRepeat()).as(r.toRRule()).isEqualTo(1);
            assertThat(wire.repeatInterval()).isEqualTo(r.interval());
            Recurrence back = WeComRecurrences.toNeutral(wire, START);
            assertThat(back.occurrences(MONDAY).limit(60).toList()).as(r.toRRule()).isEqualTo(r.occurrences(MONDAY).limit(60).toList());
        }
        assertThat(WeComRecurrences.toWire(Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), START, ProviderOptions.NONE).repeatDayOfWeek())
                .containsExactly(1, 3);
        assertThat(WeComRecurrences.toWire(Recurrence.weekly(2), START, ProviderOptions.NONE).isCustomRepeat()).as("basic fields suffice").isNull();
    }

    @Test
    void theAdvancedFieldsAreReadToo() {
        WeComWire.Meeting.Reminders custom = new WeComWire.Meeting.Reminders(1, 1, null, 1, null, 1, 1, 6, List.of(1, 3), null);
        assertThat(WeComRecurrences.toNeutral(custom, START)).isEqualTo(Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY).times(6));
        assertThat(WeComRecurrences.toNeutral(new WeComWire.Meeting.Reminders(0, 0, null, null, null, null, null, null, null, null), START)).isNull();
        assertThat(WeComRecurrences.toNeutral(new WeComWire.Meeting.Reminders(1, 9, null, null, null, null, null, null, null, null), START)).isNull();
    }

    @Test
    void shapesWeComCannotRepeatAreRefused() {
        assertThat(fields(Recurrence.weekly(1, DayOfWeek.TUESDAY))).containsExactly("recurrence.daysOfWeek");
        assertThat(fields(Recurrence.weekly(1, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY))).containsExactly("recurrence.daysOfWeek");
        assertThat(fields(Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.MONDAY))).contains("recurrence");
        assertThat(fields(Recurrence.monthlyOnDay(1, 5))).containsExactly("recurrence.dayOfMonth");
        assertThat(fields(Recurrence.weekly(1, DayOfWeek.MONDAY).times(200))).isEmpty();
        assertThat(fields(Recurrence.weekly(2).times(51))).containsExactly("recurrence.count");
        assertThat(fields(Recurrence.monthlyOnDay(1, 4).until(LocalDate.parse("2035-01-01")))).containsExactly("recurrence.until");
    }

    @Test
    void seriesArePlannedOnTheChinaCalendar() {
        List<Violation> berlin = WeComRecurrences.check(Recurrence.weekly(1).times(30), START, ZoneId.of("Europe/Berlin"), ProviderOptions.NONE);
        assertThat(berlin).extracting(Violation::field).containsExactly("timeZone");
        assertThat(WeComRecurrences.check(Recurrence.weekly(1).times(30), START, ZoneId.of("Asia/Singapore"), ProviderOptions.NONE)).isEmpty();
    }

    @Test
    void reminderOffsetsAndTheExactEndAreChecked() {
        ProviderOptions bad = ProviderOptions.NONE.with(WeComOptions.REMIND_BEFORE, List.of(Duration.ofMinutes(2)))
                .with(WeComOptions.REPEAT_UNTIL, START.minusSeconds(1));
        assertThat(WeComRecurrences.check(Recurrence.daily(1).times(2), START, WeComRecurrences.CHINA, bad)).extracting(Violation::field)
                .containsExactlyInAnyOrder("options.wecom.remind-before", "options.wecom.repeat-until", "options.wecom.repeat-until");
        assertThat(WeComRecurrences.check(null, START, WeComRecurrences.CHINA, ProviderOptions.NONE.with(WeComOptions.REPEAT_UNTIL, START)))
                .extracting(Violation::field).containsExactly("options.wecom.repeat-until");
    }
}
