package dev.convene.examples.tour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Convene;
import dev.convene.Feature;
import dev.convene.Operation;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.StoredSession;
import dev.convene.simulator.VendorSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tour, unchanged, against each vendor's simulator started in-process (as {@code convene demo} starts them),
 * on one settable clock: the same outcome everywhere, but for the kinds a provider does not offer.
 */
class NeutralTourTest {
    private static final Instant NOW = Instant.parse("2030-03-04T01:00:00Z");

    @TestFactory
    Stream<DynamicTest> theSameProgramHasTheSameOutcomeOnEveryProvider() {
        return Stream.of("wecom", "tencentmeeting", "zoom").map(vendor -> DynamicTest.dynamicTest(vendor, () -> {
            SettableClock clock = new SettableClock(NOW);
            try (VendorSimulator sim = Simulators.start(vendor, SimulatorOptions.defaults().withClock(clock));
                 SessionService sessions = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false)
                         .clock(clock).build()) {
                List<NeutralTour.Visit> visits = NeutralTour.tour(sessions, clock);

                List<SessionKind> offered = Stream.of(SessionKind.values())
                        .filter(k -> sessions.capabilities().supports(k, Operation.CREATE)).toList();
                assertThat(visits).extracting(NeutralTour.Visit::kind).as("every kind the provider offers, and only those")
                        .containsExactlyInAnyOrderElementsOf(offered);
                for (NeutralTour.Visit v : visits) {
                    check(sessions, sim, v);
                }
            }
        }));
    }

    private static void check(SessionService sessions, VendorSimulator sim, NeutralTour.Visit v) {
        Session created = v.created();
        String title = created.title();
        assertThat(title).as("a Chinese title").matches(".*\\p{IsHan}.*");
        assertThat(created.localStart().withZoneSameInstant(ZoneId.of("Asia/Shanghai")).getHour()).isEqualTo(10);
        assertThat(created.missing()).as("create answers the whole session").isEmpty();
        assertThat(created.organizer()).as("create names the organizer it sent").isNotBlank();
        // A get names the organizer where the kind reports it (README: the organizer per provider and kind).
        boolean reportsOrganizer = sessions.capabilities().supports(v.kind(), Feature.REPORTS_ORGANIZER);
        assertThat(v.read()).as("read right after the create").isEqualTo(reportsOrganizer ? created : created.toBuilder().organizer(null).build());
        if (v.kind() == SessionKind.MEETING && sessions.capabilities().supports(SessionKind.MEETING, Feature.RECURRENCE)) {
            assertThat(created.recurrence()).as("the weekly meeting repeats").isNotNull();
        }
        assertThat(v.moved().start()).as("moved a week on").isEqualTo(created.start().plus(Duration.ofDays(7)));
        assertThat(v.moved().title()).isEqualTo(title + "（改期）");
        if (sessions.capabilities().supports(v.kind(), Operation.LIST)) {
            assertThat(v.listed()).as("found by the listing around its new start").isTrue();
        } else {
            assertThat(v.listed()).isNull();
        }
        StoredSession stored = sim.sessions().stream().filter(s -> s.nativeId().equals(created.id().nativeId())).findFirst().orElseThrow();
        assertThat(stored.cancelled()).as("the vendor holds it cancelled").isTrue();
        assertThat(stored.title()).as("the Chinese title reached the vendor as written").isEqualTo(title + "（改期）");
        if (sessions.capabilities().supports(v.kind(), Feature.KEEPS_CANCELLED)) {
            assertThat(v.afterCancel()).isEqualTo(SessionStatus.CANCELLED);
        } else {
            assertThat(v.afterCancel()).as("the vendor deletes what is cancelled").isNull();
        }
        assertThat(v.summary()).contains(created.id().toString());
    }
}
