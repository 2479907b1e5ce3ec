package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.Occurrence;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Neutral recurrence ↔ {@code meeting_type}/{@code recurring_rule} (seed 002, doc 1095/81181): each
 * rule is booked at the simulator, and the sub-meetings it reports are exactly the dates the neutral
 * rule means. The series starts on Wednesday 2 January 2030, 10:00 in Shanghai.
 */
class RecurrenceTest {
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    /** Each rule, what its body must carry, and the rule read back: the same rule unless stated. */
    static Stream<Arguments> expressible() {
        return Stream.of(
                same(Recurrence.daily(1).times(5), "\"recurring_type\":0"),
                same(Recurrence.daily(3).times(4), "\"customized_recurring_type\":0,\"customized_recurring_step\":3"),
                same(Recurrence.weekdays().times(6), "\"recurring_type\":1"),
                same(Recurrence.weekly(1).times(4), "\"recurring_type\":2"),
                // Tencent's bi-weekly type names no weekday: it repeats on the first meeting's, so BYDAY=WE of a
                // Wednesday start reads back without BYDAY, which means the same dates.
                Arguments.of(Recurrence.weekly(2, DayOfWeek.WEDNESDAY).times(4), "\"recurring_type\":3", Recurrence.weekly(2).times(4)),
                same(Recurrence.weekly(1, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY).times(6), "\"customized_recurring_days\":40"),
                same(Recurrence.weekly(3, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY).times(5), "\"customized_recurring_step\":3"),
                same(Recurrence.monthlyOnDay(1, 2).times(3), "\"recurring_type\":4"),
                same(Recurrence.monthlyOnDay(2, 2).times(3), "\"customized_recurring_type\":3,\"customized_recurring_step\":2,\"customized_recurring_days\":2"),
                same(Recurrence.monthlyOnWeekday(1, 1, DayOfWeek.WEDNESDAY).times(3), "\"customized_recurring_days\":136"),
                same(Recurrence.daily(1).until(LocalDate.of(2030, 1, 6)), "\"until_type\":0"));
    }

    static Arguments same(Recurrence rule, String wire) {
        return Arguments.of(rule, wire, rule);
    }

    @ParameterizedTest
    @MethodSource("expressible")
    void theVendorsSubMeetingsAreTheNeutralRulesDates(Recurrence rule, String wire, Recurrence readBack) {
        SessionDraft d = Simulated.draft(SessionKind.MEETING).recurrence(rule).build();
        Session created = env.service.create(d);
        assertThat(env.sim.requests(Operation.CREATE).get(0).bodyText()).contains("\"meeting_type\":1").contains(wire);
        Session got = env.service.get(created.id());
        List<Instant> expected = rule.occurrences(d.start().atZone(d.timeZone())).limit(50).map(ZonedDateTime::toInstant).toList();
        assertThat(got.occurrences()).extracting(Occurrence::start).isEqualTo(expected);
        assertThat(got.recurrence()).isEqualTo(readBack);
        assertThat(created.recurrence()).isEqualTo(readBack);
        assertThat(readBack.occurrences(got.localStart()).limit(50).map(ZonedDateTime::toInstant).toList()).isEqualTo(expected);
    }

    @Test
    void aRuleWithoutAnEndGetsTheVendorsMaximum() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).recurrence(Recurrence.weekly(1)).build());
        assertThat(env.service.get(s.id()).recurrence()).isEqualTo(Recurrence.weekly(1).times(200));
        Session monthly = env.service.create(Simulated.draft(SessionKind.MEETING).recurrence(Recurrence.monthlyOnDay(1, 2)).build());
        assertThat(env.service.get(monthly.id()).occurrences()).hasSize(50);
    }

    static Stream<Arguments> inexpressible() {
        return Stream.of(
                Arguments.of(Recurrence.weekly(1, DayOfWeek.MONDAY), "recurrence.daysOfWeek"),
                Arguments.of(Recurrence.weekly(2, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY), "recurrence.daysOfWeek"),
                Arguments.of(Recurrence.monthlyOnDay(1, 5), "recurrence.dayOfMonth"),
                Arguments.of(Recurrence.monthlyOnWeekday(1, -1, DayOfWeek.WEDNESDAY), "recurrence.weekOfMonth"),
                Arguments.of(Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.WEDNESDAY), "recurrence"),
                Arguments.of(Recurrence.monthlyOnDay(1, 2).times(51), "recurrence.count"),
                Arguments.of(Recurrence.weekly(2).times(51), "recurrence.count"),
                Arguments.of(Recurrence.daily(1).times(201), "recurrence.count"),
                Arguments.of(Recurrence.monthlyOnDay(1, 2).until(LocalDate.of(2035, 1, 1)), "recurrence.until"));
    }

    @ParameterizedTest
    @MethodSource("inexpressible")
    void rulesTencentCannotBookAreRefusedBeforeSending(Recurrence rule, String field) {
        assertThatThrownBy(() -> env.service.create(Simulated.draft(SessionKind.MEETING).recurrence(rule).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).contains(field));
        assertThat(env.sim.requests()).isEmpty();
    }

    @Test
    void aWeekdaySeriesMustStartOnAWeekday() {
        SessionDraft saturday = Simulated.draft(SessionKind.MEETING).start(ZonedDateTime.of(2030, 1, 5, 10, 0, 0, 0, Simulated.SHANGHAI))
                .recurrence(Recurrence.weekdays().times(3)).build();
        assertThatThrownBy(() -> env.service.create(saturday)).isInstanceOf(InvalidSessionException.class);
    }

    @Test
    void anUpdateMayChangeTheRuleWithinTheModifyLimitOfFifty() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        assertThatThrownBy(() -> env.service.update(s.id(), SessionUpdate.builder().recurrence(Recurrence.daily(1).times(51)).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("recurrence.count"));
        Session updated = env.service.update(s.id(), SessionUpdate.builder().recurrence(Recurrence.daily(2).times(3)).build());
        assertThat(updated.recurrence()).isEqualTo(Recurrence.daily(2).times(3));
        assertThat(env.service.get(s.id()).occurrences()).hasSize(3);
    }

    @Test
    void movingTheFirstMeetingOffTheRulesDaysIsRefused() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING)
                .recurrence(Recurrence.weekly(1, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY).times(4)).build());
        Instant thursday = s.start().plusSeconds(86_400);
        assertThatThrownBy(() -> env.service.update(s.id(), SessionUpdate.builder().start(thursday).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        // core's one rule for every provider: the series' start, named, before anything is sent
                        e -> assertThat(e.violations()).extracting(Violation::field).contains("start"));
        assertThat(env.sim.requests(Operation.UPDATE)).isEmpty();
    }
}
