package dev.convene.provider.zoom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Occurrence;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answers the simulator never gives (it is written from the spec), read without tripping. */
class ZoomMapperTest {
    static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");
    final ZoomMapper sessions = new ZoomMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    static ZoomWire.Session webinar(String timezone, ZoomWire.Recurrence recurrence, List<ZoomWire.Occurrence> occurrences) {
        return new ZoomWire.Session(81234567890L, "hostId01", null, "Topic", recurrence == null ? 5 : 9, null,
                "2030-03-06T02:00:00Z", 60, timezone, "", "2030-03-01T00:00:00Z", "https://zoom.us/w/1", null, null, null,
                recurrence, occurrences, null, null);
    }

    @Test
    void aZoneThisJavaDoesNotKnowIsReadAsUtcRatherThanFailingTheAnswer() {
        // Zoom's list can be newer than the JDK's tzdata; every time on the wire is UTC, so nothing shifts.
        Session s = sessions.toSession(SessionKind.WEBINAR, webinar("Mars/Olympus_Mons", null, null));
        assertThat(s.timeZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(s.start()).isEqualTo(Instant.parse("2030-03-06T02:00:00Z"));
    }

    @Test
    void anOccurrenceWithoutAStartIsLeftOut() {
        Session s = sessions.toSession(SessionKind.WEBINAR, webinar("UTC", new ZoomWire.Recurrence(1, 1, null, null, null, null, 2, null),
                List.of(new ZoomWire.Occurrence("1", null, 60, "available"),
                        new ZoomWire.Occurrence("1899692800000", "2030-03-07T02:00:00Z", 60, "available"))));
        assertThat(s.occurrences()).extracting(Occurrence::occurrenceId).containsExactly("1899692800000");
    }

    @Test
    void aMonthlyRuleWithoutADayRepeatsOnTheStartsDay() {
        // §3.8 gives no default for monthly_day; as in RFC 5545, the start's day of the month is meant.
        Session s = sessions.toSession(SessionKind.WEBINAR, webinar("Asia/Shanghai",
                new ZoomWire.Recurrence(3, 1, null, null, null, null, 3, null), List.of()));
        assertThat(s.recurrence()).isEqualTo(Recurrence.monthlyOnDay(1, 6).times(3));
    }
}
