package dev.convene.provider.zoom.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The rule an update sends, for stored sessions the simulator cannot hold (it knows every zone Java
 * knows, and Convene never creates sessions without a fixed time); the rest is proven end to end in
 * ZoomRecurrenceAndWireTest.
 */
class ZoomUpdateRuleTest {
    static final ZoomWire.Recurrence DAILY_TWICE = new ZoomWire.Recurrence(1, 1, null, null, null, null, 2, null);

    static ZoomWire.Session stored(int type, String startTime, String timezone) {
        return new ZoomWire.Session(81234567890L, "hostId01", null, "Topic", type, null, startTime, 60, timezone, "", null, null, null, null,
                null, type == 8 ? DAILY_TWICE : null, null, null, null);
    }

    @Test
    void aZoneThisJavaDoesNotKnowIsNotGuessedWhenTheRuleDependsOnIt() {
        ZoomWire.Session s = stored(2, "2030-03-06T02:00:00Z", "Mars/Olympus_Mons");
        SessionUpdate weekly = SessionUpdate.builder().recurrence(Recurrence.weekly(1).times(3)).build();
        assertThatThrownBy(() -> ZoomClient.recurrence(SessionKind.MEETING, weekly, s)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("timeZone"));
        // Given a zone, nothing depends on the stored one: a weekly rule without days takes the start's weekday there.
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");
        SessionUpdate weeklyInTokyo = SessionUpdate.builder().recurrence(Recurrence.weekly(1).times(3)).timeZone(tokyo).build();
        assertThat(ZoomClient.recurrence(SessionKind.MEETING, weeklyInTokyo, s).weeklyDays()).isEqualTo("4");
        // A new time alone of a recurring session restates the stored rule, which also needs the stored zone.
        SessionUpdate later = SessionUpdate.builder().start(Instant.parse("2030-03-06T03:00:00Z")).build();
        assertThatThrownBy(() -> ZoomClient.recurrence(SessionKind.MEETING, later, stored(8, "2030-03-06T02:00:00Z", "Mars/Olympus_Mons")))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("Mars/Olympus_Mons");
        assertThat(ZoomClient.recurrence(SessionKind.MEETING, later, stored(8, "2030-03-06T02:00:00Z", "Asia/Tokyo"))).isSameAs(DAILY_TWICE);
    }

    @Test
    void aSessionWithoutAFixedTimeNeedsAStartToRecur() {
        // Type 3: recurring with no fixed time, so no start_time (§4.1); made elsewhere than Convene.
        SessionUpdate daily = SessionUpdate.builder().recurrence(Recurrence.daily(1).times(2)).build();
        assertThatThrownBy(() -> ZoomClient.recurrence(SessionKind.MEETING, daily, stored(3, null, "UTC"))).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("start"));
    }
}
