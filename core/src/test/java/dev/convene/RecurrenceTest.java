package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "FREQ=DAILY",
            "FREQ=DAILY;INTERVAL=3;COUNT=10",
            "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20300131",
            "FREQ=WEEKLY",
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=20",
            "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
            "FREQ=MONTHLY;BYMONTHDAY=31;COUNT=12",
            "FREQ=MONTHLY;INTERVAL=3;BYDAY=2TU",
            "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20301231"})
    void canonicalRulesPrintBackUnchanged(String rrule) {
        assertThat(Recurrence.parse(rrule).toRRule()).isEqualTo(rrule);
        assertThat(Recurrence.parse(Recurrence.parse(rrule).toRRule())).isEqualTo(Recurrence.parse(rrule));
    }

    @Test
    void acceptsEquivalentSpellings() {
        assertThat(Recurrence.parse("RRULE:freq=monthly;byday=TU;bysetpos=2")).isEqualTo(Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.TUESDAY));
        assertThat(Recurrence.parse("FREQ=WEEKLY;BYDAY=FR,MO;WKST=MO")).isEqualTo(Recurrence.weekly(1, DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        assertThat(Recurrence.parse("FREQ=DAILY;UNTIL=20300131T155959Z").until()).isEqualTo(LocalDate.of(2030, 1, 31));
        assertThat(Recurrence.parse("FREQ=DAILY;INTERVAL=1")).isEqualTo(Recurrence.daily(1));
    }

    @Test
    void weekdaysIsDistinctFromWeeklyOnMondayToFriday() {
        Recurrence weekdays = Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR");
        assertThat(weekdays.frequency()).isEqualTo(Recurrence.Frequency.WEEKDAYS);
        assertThat(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR").frequency()).isEqualTo(Recurrence.Frequency.WEEKLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "FREQ=YEARLY", "FREQ=HOURLY", "INTERVAL=2", "FREQ=DAILY;COUNT=0", "FREQ=DAILY;COUNT=3;UNTIL=20300101",
            "FREQ=DAILY;BYHOUR=9", "FREQ=WEEKLY;BYDAY=XX", "FREQ=WEEKLY;BYDAY=2MO", "FREQ=MONTHLY", "FREQ=MONTHLY;BYMONTHDAY=32",
            "FREQ=MONTHLY;BYDAY=5MO", "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=1", "FREQ=DAILY;INTERVAL=x", "FREQ=DAILY;FREQ=DAILY",
            "FREQ=DAILY;UNTIL=2030-01-01", "FREQ", "FREQ=DAILY;;", "FREQ=DAILY;BYDAY=MO,TU", "FREQ=WEEKLY;BYDAY=MO,MO",
            "FREQ=MONTHLY;BYMONTHDAY=1,15", "FREQ=DAILY;WKST=SU", "FREQ=MONTHLY;BYDAY=2TU;BYSETPOS=2"})
    void rejectsEverythingOutsideTheSubsetWithTheReason(String rrule) {
        assertThatThrownBy(() -> Recurrence.parse(rrule))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("recurrence");
                    assertThat(v.rule()).startsWith(rrule.isEmpty() ? "RRULE is empty" : "RRULE '" + rrule + "': ");
                }));
    }

    @Test
    void unsupportedPartsAreNamed() {
        assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;BYHOUR=9")).hasMessageContaining("BYHOUR is not supported");
        assertThatThrownBy(() -> Recurrence.parse("FREQ=YEARLY")).hasMessageContaining("FREQ=YEARLY is not supported");
    }

    @Test
    void expandsWeeklyOnSeveralDaysFromTheStartWeek() {
        ZonedDateTime start = ZonedDateTime.parse("2030-01-02T10:00+08:00[Asia/Shanghai]"); // a Wednesday
        List<ZonedDateTime> got = Recurrence.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;COUNT=5").occurrences(start).toList();
        assertThat(got).extracting(z -> z.toLocalDate().toString())
                .containsExactly("2030-01-02", "2030-01-04", "2030-01-14", "2030-01-16", "2030-01-18");
        assertThat(got).allSatisfy(z -> assertThat(z.getHour()).isEqualTo(10));
    }

    @Test
    void expandsMonthlyRulesSkippingMonthsWithoutTheDay() {
        ZonedDateTime start = ZonedDateTime.parse("2030-01-31T09:00Z[UTC]");
        assertThat(Recurrence.monthlyOnDay(1, 31).times(3).occurrences(start).map(z -> z.toLocalDate().toString()).toList())
                .containsExactly("2030-01-31", "2030-03-31", "2030-05-31");
        assertThat(Recurrence.monthlyOnWeekday(1, -1, DayOfWeek.FRIDAY).times(2).occurrences(ZonedDateTime.parse("2030-01-01T09:00Z[UTC]"))
                .map(z -> z.toLocalDate().toString()).toList()).containsExactly("2030-01-25", "2030-02-22");
    }

    @Test
    void expansionHonoursUntilInclusiveAndWeekdays() {
        ZonedDateTime friday = ZonedDateTime.parse("2030-01-04T09:00Z[UTC]");
        assertThat(Recurrence.weekdays().until(LocalDate.of(2030, 1, 8)).occurrences(friday).map(z -> z.toLocalDate().toString()).toList())
                .containsExactly("2030-01-04", "2030-01-07", "2030-01-08");
    }

    @Test
    void modelRejectsInconsistentRules() {
        assertThatThrownBy(() -> Recurrence.daily(0)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new Recurrence(Recurrence.Frequency.MONTHLY, 1, java.util.Set.of(), 3, 2, DayOfWeek.MONDAY, null, null))
                .hasMessageContaining("either a day of month");
    }

    @Test
    void everyIntervalTheModelTakesPrintsToAnRRuleThatParses() {
        Recurrence huge = Recurrence.monthlyOnDay(Integer.MAX_VALUE, 1);
        assertThat(Recurrence.parse(huge.toRRule())).isEqualTo(huge);
        assertThatThrownBy(() -> Recurrence.parse("FREQ=DAILY;INTERVAL=2147483648")).hasMessageContaining("INTERVAL is out of range");
    }

    @Test
    void expansionEndsAtTheEndOfTheCalendarInsteadOfThrowing() {
        // Found by fuzzing: the second period lies beyond year 999,999,999, which java.time refuses.
        ZonedDateTime start = ZonedDateTime.parse("2030-01-31T09:30+08:00[Asia/Shanghai]");
        List<ZonedDateTime> got = Recurrence.parse("FREQ=WEEKLY;INTERVAL=999999999").occurrences(start).limit(100).toList();
        assertThat(got).hasSizeBetween(2, 99).startsWith(start);
        ZonedDateTime last = ZonedDateTime.parse("+999999999-12-31T10:00Z");
        assertThat(Recurrence.daily(1).occurrences(last).limit(5).toList()).containsExactly(last);
    }

    @Test
    void aDaySkippedByTheZoneGivesNoDuplicateOccurrence() {
        // Samoa skipped 2011-12-30: 12:00 that day moves to 12:00 on the 31st, which must occur once only.
        List<ZonedDateTime> got = Recurrence.daily(1).times(4).occurrences(ZonedDateTime.parse("2011-12-28T12:00-10:00[Pacific/Apia]")).toList();
        assertThat(got).extracting(z -> z.toLocalDate().toString()).containsExactly("2011-12-28", "2011-12-29", "2011-12-31", "2012-01-01");
    }
}
