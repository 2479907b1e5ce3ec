package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests against shared/specs/tencentmeeting.md, "Corrections and confirmations from second sources",
 * through the service against a simulator that enforces that section.
 */
class TencentWireCorrectionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    JsonNode lastBody(Operation operation) throws Exception {
        List<RecordedRequest> r = env.sim.requests(operation);
        return JSON.readTree(r.get(r.size() - 1).bodyText());
    }

    /** Corrections, "Cancel of a recurring meeting says so" (doc 42422): meeting_type 1 and no sub_meeting_id for the series. */
    @Test
    void cancellingARecurringSeriesSendsMeetingType1AndNoSubMeeting() throws Exception {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).recurrence(Recurrence.parse("FREQ=DAILY;COUNT=3")).build());
        env.service.cancel(s.id());
        JsonNode body = lastBody(Operation.CANCEL);
        assertThat(body.get("meeting_type").intValue()).isEqualTo(1);
        assertThat(body.has("sub_meeting_id")).isFalse();
        assertThat(env.service.get(s.id()).status()).isEqualTo(SessionStatus.CANCELLED);
    }

    /** A one-off meeting is cancelled as before: meeting_type is 0 (the default) or absent. */
    @Test
    void cancellingAOneOffMeetingSendsNoRecurringType() throws Exception {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        env.service.cancel(s.id());
        assertThat(lastBody(Operation.CANCEL).path("meeting_type").asInt(0)).isZero();
        assertThat(env.service.get(s.id()).status()).isEqualTo(SessionStatus.CANCELLED);
    }

    /** Corrections, "time_zone is a zone name": a draft with only an offset leaves time_zone out. */
    @Test
    void anOffsetOnlyStartSendsNoTimeZone() throws Exception {
        ZonedDateTime offsetOnly = OffsetDateTime.parse("2030-01-07T10:00+08:00").toZonedDateTime();
        for (SessionKind kind : List.of(SessionKind.MEETING, SessionKind.WEBINAR)) {
            Session s = env.service.create(Simulated.draft(kind).start(offsetOnly).build());
            assertThat(lastBody(Operation.CREATE).has("time_zone")).as(kind.name()).isFalse();
            assertThat(s.start()).isEqualTo(offsetOnly.toInstant());
            Session got = env.service.get(s.id());
            assertThat(got.start()).isEqualTo(offsetOnly.toInstant());
            assertThat(s.timeZone()).as("create reports the zone a get reports").isEqualTo(got.timeZone());
        }
    }

    /** The same: a region zone goes out under its name. */
    @Test
    void aRegionZoneIsSentByName() throws Exception {
        ZonedDateTime newYork = ZonedDateTime.of(2030, 1, 7, 9, 0, 0, 0, ZoneId.of("America/New_York"));
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).start(newYork).build());
        assertThat(lastBody(Operation.CREATE).get("time_zone").textValue()).isEqualTo("America/New_York");
        assertThat(env.service.get(s.id()).timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    }

    /** Corrections, "Query parameters": the page documents userid (with instanceid) on GET /v1/meetings/{id}; that is what goes. */
    @Test
    void aMeetingIsReadWithTheDocumentedUserid() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        env.service.get(s.id());
        List<RecordedRequest> gets = env.sim.requests(Operation.GET);
        RecordedRequest get = gets.get(gets.size() - 1);
        assertThat(get.rawPath()).isEqualTo("/v1/meetings/" + s.id().nativeId());
        assertThat(get.rawQuery()).contains("userid=").contains("instanceid=1").doesNotContain("operator_id");
    }

    /** Corrections, "Custom recurrence days" (doc 81181): a bitmask, Sunday 1, Monday 2, Tuesday 4 … Saturday 64. */
    @Test
    void weeklyDaysAreABitmaskFromSunday() throws Exception {
        ZonedDateTime monday = ZonedDateTime.of(2030, 1, 7, 10, 0, 0, 0, Simulated.SHANGHAI);
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).start(monday)
                .recurrence(Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE,SA;COUNT=6")).build());
        JsonNode rule = lastBody(Operation.CREATE).get("recurring_rule");
        assertThat(rule.get("recurring_type").intValue()).isEqualTo(5);
        assertThat(rule.get("customized_recurring_type").intValue()).isEqualTo(1);
        assertThat(rule.get("customized_recurring_days").intValue()).isEqualTo(2 + 8 + 64);
        assertThat(env.service.get(s.id()).recurrence().toRRule()).contains("BYDAY=MO,WE,SA");
    }
}
