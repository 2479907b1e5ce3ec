package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests against shared/specs/zoom.md, "Corrections and confirmations from second sources", through the
 * service against a simulator that enforces that section.
 */
class ZoomWireCorrectionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The contract's own example: a start with only an offset. */
    static final ZonedDateTime OFFSET_ONLY = OffsetDateTime.parse("2030-03-11T10:00+08:00").toZonedDateTime();

    final ZoomFixture f = new ZoomFixture();
    final SessionService service = f.open();

    @AfterEach
    void stop() {
        f.close();
    }

    SessionDraft.Builder draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("周会").start(ZonedDateTime.of(2030, 3, 11, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")))
                .duration(Duration.ofMinutes(45));
    }

    JsonNode lastBody(Operation operation) throws Exception {
        List<RecordedRequest> all = f.sim.requests(operation);
        return JSON.readTree(all.get(all.size() - 1).bodyText());
    }

    /** Corrections, first point: the create-meeting 201 documents host_email, not host_id; the organizer must not be null. */
    @Test
    void aCreatedMeetingNamesItsOrganizerAsAGetWould() {
        Session created = service.create(draft(SessionKind.MEETING).build());
        Session got = service.get(created.id());
        assertThat(created.organizer()).isNotNull().isEqualTo(got.organizer());
        Session webinar = service.create(draft(SessionKind.WEBINAR).build());
        assertThat(webinar.organizer()).isNotNull().isEqualTo(service.get(webinar.id()).organizer());
    }

    /** Corrections, second point: start_time in UTC with Z; with only an offset, no timezone is sent (Zoom shows the host's). */
    @Test
    void anOffsetOnlyStartGoesOutInUtcWithoutAZone() throws Exception {
        for (SessionKind kind : List.of(SessionKind.MEETING, SessionKind.WEBINAR)) {
            Session s = service.create(draft(kind).start(OFFSET_ONLY).build());
            JsonNode body = lastBody(Operation.CREATE);
            assertThat(body.get("start_time").textValue()).isEqualTo("2030-03-11T02:00:00Z");
            assertThat(body.has("timezone")).as("an offset has no Zoom name").isFalse();
            assertThat(s.start()).isEqualTo(OFFSET_ONLY.toInstant());
            Session got = service.get(s.id());
            assertThat(got.start()).isEqualTo(OFFSET_ONLY.toInstant());
            assertThat(got.timeZone()).isEqualTo(s.timeZone());
        }
    }

    /** The same for an update: the new start goes out in UTC; the held zone is not touched. */
    @Test
    void anUpdateToAnOffsetOnlyStartGoesOutInUtc() throws Exception {
        Session s = service.create(draft(SessionKind.MEETING).build());
        Session moved = service.update(s.id(), SessionUpdate.builder().start(OFFSET_ONLY.plusDays(1)).build());
        JsonNode body = lastBody(Operation.UPDATE);
        assertThat(body.get("start_time").textValue()).isEqualTo("2030-03-12T02:00:00Z");
        assertThat(body.has("timezone")).isFalse();
        assertThat(moved.start()).isEqualTo(OFFSET_ONLY.plusDays(1).toInstant());
    }

    /**
     * Corrections, third point: a recurrence is read in the meeting's zone; without one, in the host's. A weekly rule with
     * only an offset is therefore sent in UTC, its weekdays moved to the UTC dates of its occurrences.
     */
    @Test
    void anOffsetOnlyWeeklyRuleIsSentInUtcOnTheSameInstants() throws Exception {
        ZonedDateTime early = OffsetDateTime.parse("2030-03-11T07:00+08:00").toZonedDateTime();
        Recurrence mondays = Recurrence.weekly(1, DayOfWeek.MONDAY).times(4);
        Session s = service.create(draft(SessionKind.MEETING).start(early).recurrence(mondays).build());
        JsonNode body = lastBody(Operation.CREATE);
        assertThat(body.get("timezone").textValue()).isEqualTo("UTC");
        assertThat(body.get("recurrence").get("weekly_days").textValue()).as("Monday 07:00 at +08:00 is Sunday 23:00 UTC").isEqualTo("1");
        List<java.time.Instant> asked = mondays.occurrences(early).limit(4).map(ZonedDateTime::toInstant).toList();
        assertThat(service.get(s.id()).occurrences()).extracting(dev.convene.Occurrence::start).containsExactlyElementsOf(asked);
    }

    /** A monthly rule whose dates differ in UTC cannot be said in UTC: refused before sending, naming the zone. */
    @Test
    void anOffsetOnlyMonthlyRuleOnAnotherUtcDateIsRefused() {
        ZonedDateTime early = OffsetDateTime.parse("2030-03-11T07:00+08:00").toZonedDateTime();
        f.sim.clearRequests();
        assertThatThrownBy(() -> service.create(draft(SessionKind.MEETING).start(early)
                .recurrence(Recurrence.monthlyOnDay(1, 11).times(3)).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).contains("timeZone"));
        assertThat(f.sim.requests(Operation.CREATE)).isEmpty();
    }

    /** Corrections, third point: end_times at most 60 for meetings and 50 for webinars; Capabilities says the same. */
    @Test
    void meetingsRecurUpToSixtyTimesWebinarsFifty() throws Exception {
        assertThat(service.capabilities().of(SessionKind.MEETING).orElseThrow().limits().maxOccurrences()).isEqualTo(60);
        assertThat(service.capabilities().of(SessionKind.WEBINAR).orElseThrow().limits().maxOccurrences()).isEqualTo(50);
        Session sixty = service.create(draft(SessionKind.MEETING).recurrence(Recurrence.daily(1).times(60)).build());
        assertThat(lastBody(Operation.CREATE).get("recurrence").get("end_times").intValue()).isEqualTo(60);
        assertThat(service.get(sixty.id()).occurrences()).hasSize(60);
        service.create(draft(SessionKind.WEBINAR).recurrence(Recurrence.daily(1)).build());
        assertThat(lastBody(Operation.CREATE).get("recurrence").get("end_times").intValue()).as("an open rule gets the most").isEqualTo(50);
        assertThatThrownBy(() -> service.create(draft(SessionKind.WEBINAR).recurrence(Recurrence.daily(1).times(51)).build()))
                .isInstanceOf(InvalidSessionException.class);
    }

    /** Corrections, third point: weekly_days 1 = Sunday … 7 = Saturday, comma-separated. */
    @Test
    void weeklyDaysCountFromSunday() throws Exception {
        ZonedDateTime sunday = ZonedDateTime.of(2030, 3, 10, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));
        service.create(draft(SessionKind.MEETING).start(sunday)
                .recurrence(Recurrence.weekly(1, DayOfWeek.SUNDAY, DayOfWeek.TUESDAY, DayOfWeek.SATURDAY).times(6)).build());
        JsonNode body = lastBody(Operation.CREATE);
        assertThat(body.get("recurrence").get("weekly_days").textValue()).isEqualTo("1,3,7");
        assertThat(body.get("timezone").textValue()).isEqualTo("Asia/Shanghai");
    }

    /** Corrections, "Token request": grant_type and account_id go in the form body, as Zoom's own code sends them. */
    @Test
    void theTokenRequestIsAFormBody() {
        service.create(draft(SessionKind.MEETING).build());
        RecordedRequest token = f.sim.requests().stream().filter(r -> r.rawPath().endsWith("/oauth/token")).findFirst().orElseThrow();
        assertThat(token.rawQuery()).isEmpty();
        assertThat(token.header("Content-Type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
        assertThat(token.bodyText()).contains("grant_type=account_credentials").contains("account_id=");
    }
}
