package dev.convene.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Convene;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An event's session read back through a real provider from its simulator, whatever kind the payload left open. */
class EventFetchTest {

    /** One clock for the vendor and the client: nothing here reads the wall clock. */
    private final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private VendorSimulator start(String vendor) {
        return Simulators.start(vendor, SimulatorOptions.defaults().withClock(clock));
    }

    private SessionService open(VendorSimulator sim) {
        Map<String, String> config = new HashMap<>(sim.properties());
        config.put("convene.provider", sim.vendor());
        return Convene.builder().properties(config).environment(Map.of()).systemProperties(false).clock(clock).build();
    }

    private static SessionDraft draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("Events fetch " + kind.wireName())
                .start(ZonedDateTime.parse("2030-01-07T10:00+08:00[Asia/Shanghai]")).duration(Duration.ofMinutes(45)).build();
    }

    private static Event event(String provider, String nativeId, SessionKind... kinds) {
        return Event.builder(provider).session(nativeId, kinds).change(Change.UPDATED).occurredAt(Instant.EPOCH)
                .dedupKey(provider + ":k").vendorEvent("test").payload("{}").build();
    }

    @Test
    void aWebinarNamedByAnEventThatCannotTellItsKindIsFoundUnderItsOtherKind() {
        try (VendorSimulator sim = start("zoom"); SessionService sessions = open(sim)) {
            Session webinar = sessions.create(draft(SessionKind.WEBINAR));

            Session fetched = event("zoom", webinar.id().nativeId(), SessionKind.MEETING, SessionKind.WEBINAR).fetch(sessions);

            assertThat(fetched.id()).isEqualTo(webinar.id());
            assertThat(fetched.title()).isEqualTo(webinar.title());
        }
    }

    @Test
    void aWeComMeetingChangeFetchesTheMeetingItNames() {
        try (VendorSimulator sim = start("wecom"); SessionService sessions = open(sim)) {
            Session meeting = sessions.create(draft(SessionKind.MEETING));
            EventResult r = Pushes.receiver(Pushes.at(1409659813L)).receive(Pushes.wecomPost(
                    Pushes.meetingChange("modify_meeting", meeting.id().nativeId(), 1409659813L), 1409659813L, Pushes.WECOM_CORP));

            Session fetched = ((EventResult.Accepted) r).event().fetch(sessions);

            assertThat(fetched.id()).isEqualTo(meeting.id());
            assertThat(fetched.title()).isEqualTo("Events fetch meeting");
        }
    }

    @Test
    void noKindFindingItIsNotFoundAndNoSessionIsAnError() {
        try (VendorSimulator sim = start("zoom"); SessionService sessions = open(sim)) {
            assertThatThrownBy(() -> event("zoom", "99999999999", SessionKind.MEETING, SessionKind.WEBINAR).fetch(sessions))
                    .isInstanceOf(SessionNotFoundException.class)
                    .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));
            Event none = Event.builder("zoom").change(Change.OTHER).occurredAt(Instant.EPOCH).dedupKey("zoom:x").vendorEvent("app_deauthorized")
                    .payload("{}").build();
            assertThatThrownBy(() -> none.fetch(sessions)).isInstanceOf(IllegalStateException.class).hasMessageContaining("names no session");
        }
    }
}
