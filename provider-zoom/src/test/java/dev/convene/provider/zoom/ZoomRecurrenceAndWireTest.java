package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.provider.zoom.internal.ZoomRecurrences;
import dev.convene.provider.zoom.internal.ZoomWire;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §3.8 (recurrence), §7 (times) and the wire format of each call. */
class ZoomRecurrenceAndWireTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZonedDateTime START = ZonedDateTime.of(2030, 3, 6, 10, 0, 0, 0, SHANGHAI);

    final ZoomFixture f = new ZoomFixture();
    final SessionService service = f.open();

    @AfterEach
    void stop() {
        f.close();
    }

    SessionDraft.Builder draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("Wire").start(START).duration(Duration.ofMinutes(45));
    }

    JsonNode body(RecordedRequest r) throws Exception {
        return JSON.readTree(r.bodyText());
    }

    static Stream<Recurrence> rules() {
        return Stream.of(Recurrence.daily(3).times(5), Recurrence.weekdays().times(10), Recurrence.weekly(2, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY).times(6),
                Recurrence.weekly(1, DayOfWeek.SUNDAY).until(LocalDate.of(2030, 4, 30)), Recurrence.monthlyOnDay(1, 15).times(3),
                Recurrence.monthlyOnWeekday(2, -1, DayOfWeek.FRIDAY).times(4), Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.TUESDAY).until(LocalDate.of(2030, 9, 1)));
    }

    @ParameterizedTest
    @MethodSource("rules")
    void everyNeutralRuleSurvivesZoomAndTheSimulatorAgrees(Recurrence rule) {
        // A series starts on a day its rule contains (core's rule for every provider): the rule's first day from START.
        ZonedDateTime first = rule.forever().occurrences(START).findFirst().orElseThrow();
        ZoomWire.Recurrence wire = ZoomRecurrences.toWire(rule, first.toInstant(), SHANGHAI, 50);
        assertThat(ZoomRecurrences.fromWire(wire, first.toInstant(), SHANGHAI)).isEqualTo(rule);
        Session s = service.get(service.create(draft(SessionKind.MEETING).start(first).recurrence(rule).build()).id());
        assertThat(s.recurrence()).isEqualTo(rule);
        assertThat(s.occurrences()).extracting(o -> o.start())
                .containsExactlyElementsOf(rule.occurrences(first).map(z -> z.toInstant()).limit(60).toList());
    }

    @Test
    void theWireSpellingOfRules() {
        ZoomWire.Recurrence weekly = ZoomRecurrences.toWire(Recurrence.weekly(2, DayOfWeek.SUNDAY).times(4), START.toInstant(), SHANGHAI, 50);
        assertThat(weekly).isEqualTo(new ZoomWire.Recurrence(2, 2, "1", null, null, null, 4, null));
        ZoomWire.Recurrence lastFriday = ZoomRecurrences.toWire(Recurrence.monthlyOnWeekday(1, -1, DayOfWeek.FRIDAY).until(LocalDate.of(2030, 6, 30)),
                START.toInstant(), SHANGHAI, 50);
        assertThat(lastFriday).isEqualTo(new ZoomWire.Recurrence(3, 1, null, null, -1, 6, null, "2030-06-30T15:59:00Z"));
        // No end: Zoom's longest series, since it has no open-ended fixed-time recurrence.
        assertThat(ZoomRecurrences.toWire(Recurrence.daily(1), START.toInstant(), SHANGHAI, 50).endTimes()).isEqualTo(50);
        // A weekly rule without days repeats on the start's weekday (a Wednesday, Zoom's 4).
        assertThat(ZoomRecurrences.toWire(Recurrence.weekly(1).times(2), START.toInstant(), SHANGHAI, 50).weeklyDays()).isEqualTo("4");
    }

    @Test
    void whatZoomCannotExpressIsRefusedBeforeAnythingIsSent() {
        int before = f.sim.requests().size();
        assertThatThrownBy(() -> service.create(draft(SessionKind.MEETING).recurrence(Recurrence.daily(91).times(2)).timeZone(ZoneId.of("Japan"))
                .duration(Duration.ofSeconds(90)).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .contains("recurrence.interval", "timeZone", "duration"));
        assertThatThrownBy(() -> service.create(draft(SessionKind.WEBINAR).recurrence(Recurrence.weekly(2, DayOfWeek.SUNDAY, DayOfWeek.MONDAY).times(4)).build()))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> service.create(draft(SessionKind.WEBINAR).recurrence(Recurrence.monthlyOnDay(4, 1).times(2)).build()))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> service.create(draft(SessionKind.MEETING).recurrence(Recurrence.daily(1).times(61)).build()))
                .isInstanceOf(InvalidSessionException.class);
        assertThat(f.sim.requests()).hasSize(before);
    }

    @Test
    void createSendsZoomsTimeSpellingMinutesAndType() throws Exception {
        service.create(draft(SessionKind.WEBINAR).description("Agenda").password("abc!12").hosts(ZoomSimulator.SECOND_HOST_EMAIL, ZoomSimulator.OWNER_EMAIL).build());
        service.create(draft(SessionKind.MEETING).recurrence(Recurrence.weekdays().times(3)).build());
        List<RecordedRequest> creates = f.sim.requests(Operation.CREATE);
        assertThat(creates.get(0).rawPath()).matches("/v2/users/owner(@|%40)convene\\.example/webinars");
        JsonNode webinar = body(creates.get(0));
        assertThat(webinar.get("type").asInt()).isEqualTo(5);
        assertThat(webinar.get("start_time").asText()).isEqualTo("2030-03-06T02:00:00Z");
        assertThat(webinar.get("timezone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(webinar.get("duration").isInt()).isTrue();
        assertThat(webinar.get("duration").asInt()).isEqualTo(45);
        assertThat(webinar.get("agenda").asText()).isEqualTo("Agenda");
        assertThat(webinar.get("settings").get("alternative_hosts").asText()).isEqualTo(ZoomSimulator.SECOND_HOST_EMAIL + "," + ZoomSimulator.OWNER_EMAIL);
        assertThat(webinar.has("recurrence")).isFalse();
        JsonNode meeting = body(creates.get(1));
        assertThat(meeting.get("type").asInt()).isEqualTo(8);
        assertThat(meeting.get("recurrence").get("weekly_days").asText()).isEqualTo("2,3,4,5,6");
        assertThat(meeting.get("recurrence").get("end_times").asInt()).isEqualTo(3);
    }

    @Test
    void anUpdateSendsOnlyWhatChangesAndReadsTheSessionBack() throws Exception {
        Session s = service.create(draft(SessionKind.MEETING).description("keep").build());
        f.sim.clearRequests();
        Session after = service.update(s.id(), SessionUpdate.builder().title("Renamed").build());
        RecordedRequest patch = f.sim.requests(Operation.UPDATE).get(0);
        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.rawPath()).isEqualTo("/v2/meetings/" + s.id().nativeId());
        assertThat(body(patch).toString()).isEqualTo("{\"topic\":\"Renamed\"}");
        assertThat(after.title()).isEqualTo("Renamed");
        assertThat(after.description()).isEqualTo("keep");
    }

    @Test
    void movingARecurringMeetingRestatesItsRule() throws Exception {
        Recurrence rule = Recurrence.weekly(1, DayOfWeek.WEDNESDAY).times(3);
        Session s = service.create(draft(SessionKind.MEETING).recurrence(rule).build());
        Session moved = service.update(s.id(), SessionUpdate.builder().start(START.plusHours(2).toInstant()).build());
        JsonNode patch = body(f.sim.requests(Operation.UPDATE).get(0));
        assertThat(patch.get("recurrence").get("type").asInt()).isEqualTo(2);
        assertThat(patch.get("type").asInt()).isEqualTo(8);
        assertThat(moved.start()).isEqualTo(START.plusHours(2).toInstant());
        assertThat(moved.occurrences().get(0).start()).isEqualTo(START.plusHours(2).toInstant());
    }

    @Test
    void listingFollowsZoomsPageToken() {
        for (int i = 0; i < 3; i++) {
            service.create(draft(SessionKind.MEETING).title("L" + i).start(START.plusDays(i)).build());
        }
        List<Session> all = service.listAll(ListQuery.of(SessionKind.MEETING).withPageSize(2)).toList();
        assertThat(all).extracting(Session::title).containsExactly("L0", "L1", "L2");
        List<RecordedRequest> lists = f.sim.requests(Operation.LIST);
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).query("page_size")).contains("2");
        assertThat(lists.get(1).query("next_page_token")).isPresent();
        assertThat(service.listAll(ListQuery.of(SessionKind.MEETING).between(START.plusDays(1).toInstant(), START.plusDays(1).toInstant())).toList())
                .extracting(Session::title).containsExactly("L1");
    }

    @Test
    void changingOnlyTheZoneOfARecurringSessionRestatesItsRuleInTheNewZone() throws Exception {
        // The end date is a date of the session's zone: 23:59 on 30 April in Shanghai is 15:59 UTC, which
        // in Auckland (UTC+12 by then) is already 1 May. Zoom must be told the rule again in the new zone.
        Recurrence rule = Recurrence.weekly(1, DayOfWeek.WEDNESDAY).until(LocalDate.of(2030, 4, 30));
        Session s = service.create(draft(SessionKind.MEETING).recurrence(rule).build());
        ZoneId auckland = ZoneId.of("Pacific/Auckland");

        Session moved = service.update(s.id(), SessionUpdate.builder().timeZone(auckland).build());

        JsonNode patch = body(f.sim.requests(Operation.UPDATE).get(0));
        assertThat(patch.get("timezone").asText()).isEqualTo("Pacific/Auckland");
        assertThat(patch.get("type").asInt()).isEqualTo(8);
        assertThat(patch.get("recurrence").get("end_date_time").asText()).isEqualTo("2030-04-30T11:59:00Z");
        assertThat(patch.has("start_time")).isFalse();
        assertThat(moved.timeZone()).isEqualTo(auckland);
        assertThat(moved.start()).isEqualTo(START.toInstant());
        assertThat(moved.recurrence()).isEqualTo(rule);
    }

    @Test
    void aListedSessionNamesTheSameOrganizerAsAGet() {
        Session created = service.create(draft(SessionKind.WEBINAR).build());
        Session got = service.get(created.id());
        Session listed = service.listAll(ListQuery.of(SessionKind.WEBINAR)).filter(x -> x.id().equals(created.id())).findFirst().orElseThrow();
        assertThat(got.organizer()).isNotBlank();
        assertThat(listed.organizer()).isEqualTo(got.organizer());
        assertThat(created.organizer()).isEqualTo(got.organizer());
    }
}
