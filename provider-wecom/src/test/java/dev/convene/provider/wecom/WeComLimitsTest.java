package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * WeCom's documented limits at their edges (spec §2.1, §2.1.2, §3.1): the last value allowed reaches the
 * simulator and is accepted there, the first value beyond it is refused before anything is sent (not even
 * a gettoken), with the field and the rule named.
 */
class WeComLimitsTest {
    final WeComTestbed bed = new WeComTestbed();
    final SessionService service = bed.service();

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    void assertRefusedBeforeSending(SessionDraft.Builder draft, String field, String rule) {
        bed.sim.clearRequests();
        assertThatThrownBy(() -> service.create(draft.build())).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).filteredOn(v -> v.field().equals(field)).extracting(Violation::rule)
                        .isNotEmpty().allSatisfy(text -> assertThat(text).contains(rule)));
        assertThat(bed.sim.requests()).as("nothing was sent").isEmpty();
    }

    Session acceptedBySimulator(SessionDraft.Builder draft) {
        bed.sim.clearRequests();
        Session s = service.create(draft.build());
        assertThat(bed.sim.requests(Operation.CREATE)).hasSize(1);
        return s;
    }

    /** How many meetings the series WeCom holds has, read back from the simulator. */
    long meetings(Session created) {
        Session got = service.get(created.id());
        return got.recurrence().occurrences(got.localStart()).limit(1000).count();
    }

    static List<String> users(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "member" + i).toList();
    }

    @Test
    void aMeetingTakesThreeHundredInviteesAndNotOneMore() {
        users(301).forEach(bed.sim::addUser);
        assertThat(acceptedBySimulator(bed.draft(SessionKind.MEETING).invitees(users(300))).invitees()).hasSize(300);
        assertRefusedBeforeSending(bed.draft(SessionKind.MEETING).invitees(users(301)), "invitees", "must list at most 300, was 301");
    }

    @Test
    void aMeetingLastsFrom300To86399Seconds() {
        assertThat(acceptedBySimulator(bed.draft(SessionKind.MEETING).duration(Duration.ofSeconds(86399))).duration())
                .isEqualTo(Duration.ofSeconds(86399));
        assertThat(acceptedBySimulator(bed.draft(SessionKind.MEETING).duration(Duration.ofSeconds(300))).duration())
                .isEqualTo(Duration.ofSeconds(300));
        assertRefusedBeforeSending(bed.draft(SessionKind.MEETING).duration(Duration.ofSeconds(86400)), "duration",
                "must be between 5 min and 86399 s, was 24 h");
        assertRefusedBeforeSending(bed.draft(SessionKind.MEETING).duration(Duration.ofSeconds(299)), "duration",
                "must be between 5 min and 86399 s, was 299 s");
    }

    @Test
    void dailyAndWeeklySeriesHoldAtMost200Meetings() {
        for (Recurrence rule : List.of(Recurrence.daily(1), Recurrence.weekly(1), Recurrence.weekdays())) {
            SessionDraft.Builder draft = bed.draft(SessionKind.MEETING);
            assertThat(meetings(acceptedBySimulator(draft.recurrence(rule.times(200))))).as(rule + " x200").isEqualTo(200);
            assertRefusedBeforeSending(bed.draft(SessionKind.MEETING).recurrence(rule.times(201)), "recurrence.count",
                    "must be at most 200");
        }
        SessionDraft.Builder byDate = bed.draft(SessionKind.MEETING);
        LocalDate first = byDate.build().start().atZone(WeComTestbed.SHANGHAI).toLocalDate();
        assertRefusedBeforeSending(byDate.recurrence(Recurrence.daily(1).until(first.plusDays(200))), "recurrence.until",
                "more than 200");
        assertThat(meetings(acceptedBySimulator(bed.draft(SessionKind.MEETING).recurrence(Recurrence.daily(1).until(first.plusDays(199))))))
                .isEqualTo(200);
    }

    @Test
    void biWeeklyAndMonthlySeriesHoldAtMost50Meetings() {
        SessionDraft.Builder weekly = bed.draft(SessionKind.MEETING);
        DayOfWeek day = weekly.build().start().atZone(WeComTestbed.SHANGHAI).getDayOfWeek();
        ZonedDateTime start = weekly.build().start().atZone(WeComTestbed.SHANGHAI);
        List<Recurrence> fifties = List.of(Recurrence.weekly(2, day), Recurrence.monthlyOnDay(1, start.getDayOfMonth()));
        for (Recurrence rule : fifties) {
            assertThat(meetings(acceptedBySimulator(bed.draft(SessionKind.MEETING).recurrence(rule.times(50))))).as(rule + " x50").isEqualTo(50);
            assertRefusedBeforeSending(bed.draft(SessionKind.MEETING).recurrence(rule.times(51)), "recurrence.count",
                    "must be at most 50 for this kind of series, was 51");
        }
    }

    @Test
    void aWebinarSponsorIsOptionalButNeverEmpty() {
        Session without = acceptedBySimulator(bed.draft(SessionKind.WEBINAR));
        assertThat(bed.sim.requests(Operation.CREATE).get(0).bodyText()).doesNotContain("sponsor");
        assertThat(service.get(without.id()).title()).isEqualTo(without.title());
        acceptedBySimulator(bed.draft(SessionKind.WEBINAR).option(WeComOptions.SPONSOR, "s".repeat(40)));
        assertRefusedBeforeSending(bed.draft(SessionKind.WEBINAR).option(WeComOptions.SPONSOR, ""), "options.wecom.sponsor",
                "must be 1 to 40 characters, was 0");
        assertRefusedBeforeSending(bed.draft(SessionKind.WEBINAR).option(WeComOptions.SPONSOR, "s".repeat(41)), "options.wecom.sponsor",
                "must be 1 to 40 characters, was 41");
    }
}
