package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Occurrence;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3.2 / §4.2: Zoom leaves ended occurrences out unless asked with {@code show_previous_occurrences=true}. */
class ZoomOccurrencesTest {
    static final Instant FIRST = ZoomFixture.NOW.plus(Duration.ofDays(1));

    final ZoomFixture f = new ZoomFixture();
    final SessionService service = f.open();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void anEndedOccurrenceStaysOnTheSession() {
        Session s = service.create(SessionDraft.builder(SessionKind.WEBINAR).title("Series").start(FIRST)
                .duration(Duration.ofMinutes(60)).recurrence(Recurrence.daily(1).times(3)).build());
        f.clock.set(FIRST.plus(Duration.ofMinutes(90)));
        f.sim.clearRequests();

        Session later = service.get(s.id());

        assertThat(later.occurrences()).extracting(Occurrence::start, Occurrence::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FIRST, SessionStatus.ENDED),
                org.assertj.core.groups.Tuple.tuple(FIRST.plus(Duration.ofDays(1)), SessionStatus.SCHEDULED),
                org.assertj.core.groups.Tuple.tuple(FIRST.plus(Duration.ofDays(2)), SessionStatus.SCHEDULED));
        assertThat(later.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(f.sim.requests(Operation.GET)).singleElement()
                .satisfies(r -> assertThat(r.query("show_previous_occurrences")).contains("true"));
    }

    @Test
    void aMeetingsEndedOccurrencesAreReadToo() {
        Session s = service.create(SessionDraft.builder(SessionKind.MEETING).title("Standup").start(FIRST)
                .duration(Duration.ofMinutes(15)).recurrence(Recurrence.daily(1).times(2)).build());
        f.clock.set(FIRST.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(20)));

        assertThat(service.get(s.id()).occurrences()).extracting(Occurrence::status)
                .containsExactly(SessionStatus.ENDED, SessionStatus.ENDED);
        assertThat(service.get(s.id()).status()).isEqualTo(SessionStatus.ENDED);
    }
}
