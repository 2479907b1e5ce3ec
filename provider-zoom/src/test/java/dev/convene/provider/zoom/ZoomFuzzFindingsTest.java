package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inputs the reliability module's fuzzing found Zoom refusing after Convene had let them through: now refused before the write. */
class ZoomFuzzFindingsTest {
    final ZoomFixture fixture = new ZoomFixture();
    final SessionService service = fixture.open();

    @AfterEach
    void stop() {
        fixture.close();
    }

    SessionDraft.Builder webinar() {
        return SessionDraft.builder(SessionKind.WEBINAR).title("Fuzz target").start(ZoomFixture.NOW.plus(Duration.ofDays(10)))
                .duration(Duration.ofHours(1)).timeZone(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void aRuleGivenWithoutAStartIsCheckedAgainstTheStoredStart() {
        Session s = service.create(webinar().build());
        // Weekdays for four years: far more than Zoom's 50 occurrences, which core cannot see without the start.
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().recurrence(Recurrence.weekdays().until(LocalDate.of(2034, 9, 2))).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::rule).anyMatch(r -> r.contains("more than 50 occurrences")));
        // Ending before the stored start: no occurrence at all.
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().recurrence(Recurrence.daily(1).until(LocalDate.of(2029, 11, 19))).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("has no occurrence");
        assertThat(fixture.sim.requests(Operation.UPDATE)).isEmpty();
        assertThat(service.update(s.id(), SessionUpdate.builder().recurrence(Recurrence.daily(1).times(5)).build()).recurrence())
                .isEqualTo(Recurrence.daily(1).times(5));
    }

    @Test
    void aNewTimeOfARecurringSessionMustKeepTheStoredSeriesValid() {
        Session s = service.create(webinar().start(ZoomFixture.NOW.plus(Duration.ofDays(60)))
                .recurrence(Recurrence.daily(1).until(LocalDate.of(2030, 5, 10))).build());
        // Moved two months earlier, the stored end date would give more than 50 occurrences.
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().start(ZoomFixture.NOW.plus(Duration.ofDays(1))).build()))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(fixture.sim.requests(Operation.UPDATE)).isEmpty();
    }

    @Test
    void titlesAreCountedInUtf16UnitsAsZoomCountsThem() {
        String emoji = "😀".repeat(150); // 150 code points, 300 UTF-16 units
        assertThatThrownBy(() -> service.create(webinar().title(emoji).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("UTF-16");
        Session s = service.create(webinar().build());
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().title(emoji).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("UTF-16");
        assertThat(service.create(webinar().title("😀".repeat(100)).build()).title()).isEqualTo("😀".repeat(100));
        assertThat(fixture.sim.requests(Operation.UPDATE)).isEmpty();
    }
}
