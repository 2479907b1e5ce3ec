package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §10 items 7, 8, 10 (validation and its error shape). */
class ZoomValidationTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    final ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    List<String> fields(Answer a) {
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(300);
        assertThat(a.message()).isEqualTo("Validation Failed.");
        return a.json().get("errors").findValuesAsText("field");
    }

    Answer meeting(String body) {
        return http.post("/users/me/meetings", body);
    }

    Answer webinar(String body) {
        return http.post("/users/me/webinars", body);
    }

    @Test
    void malformedJsonHasItsOwnMessage() {
        Answer a = meeting("{\"topic\":");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(300);
        assertThat(a.message()).isEqualTo("Request Body should be a valid JSON object.");
        assertThat(meeting("[1]").message()).isEqualTo("Request Body should be a valid JSON object.");
    }

    @Test
    void jsonTypesAreCheckedAndEveryViolationIsListed() {
        // A number where a string is required is an error, and vice versa.
        assertThat(fields(meeting("{\"topic\":42,\"duration\":\"30\",\"type\":\"2\"}"))).containsExactlyInAnyOrder("topic", "duration", "type");
        assertThat(fields(meeting("{\"settings\":{\"host_video\":\"true\",\"jbh_time\":7}}"))).containsExactlyInAnyOrder("settings.host_video", "settings.jbh_time");
    }

    @Test
    void documentedLimitsAndEnumsAreEnforced() {
        // §3.1, §3.9, §4.1: topic <= 200, agenda <= 2000, password <= 10 with its charset, enums, restrict number.
        assertThat(fields(meeting("{\"topic\":\"" + "t".repeat(201) + "\"}"))).containsExactly("topic");
        assertThat(meeting("{\"topic\":\"" + "t".repeat(200) + "\"}").status()).isEqualTo(201);
        assertThat(fields(meeting("{\"agenda\":\"" + "a".repeat(2001) + "\"}"))).containsExactly("agenda");
        assertThat(fields(meeting("{\"password\":\"12345678901\"}"))).containsExactly("password");
        assertThat(fields(meeting("{\"password\":\"pass!\"}"))).containsExactly("password");
        assertThat(webinar("{\"password\":\"pass!\"}").status()).isEqualTo(201);
        assertThat(fields(meeting("{\"type\":5}"))).containsExactly("type");
        assertThat(fields(webinar("{\"type\":2}"))).containsExactly("type");
        assertThat(fields(webinar("{\"settings\":{\"approval_type\":3,\"audio\":\"loud\",\"auto_recording\":\"tape\",\"registrants_restrict_number\":20001}}")))
                .containsExactlyInAnyOrder("settings.approval_type", "settings.audio", "settings.auto_recording", "settings.registrants_restrict_number");
        assertThat(fields(meeting("{\"settings\":{\"alternative_hosts\":\"a@x.example,b@x.example\"}}"))).containsExactly("settings.alternative_hosts");
    }

    @Test
    void timesAndZonesMustUseZoomsSpellings() {
        // §7: only yyyy-MM-ddTHH:mm:ssZ or the local form; offsets and fractions are not documented.
        assertThat(fields(meeting("{\"start_time\":\"2030-01-01T10:00:00+08:00\"}"))).containsExactly("start_time");
        assertThat(fields(meeting("{\"start_time\":\"2030-01-01T10:00:00.000Z\"}"))).containsExactly("start_time");
        assertThat(fields(meeting("{\"timezone\":\"+08:00\"}"))).containsExactly("timezone");
        assertThat(fields(meeting("{\"timezone\":\"Mars/Olympus\"}"))).containsExactly("timezone");
        assertThat(fields(meeting("{\"duration\":0}"))).containsExactly("duration");
    }

    @Test
    void recurrenceRules() {
        // §3.8 / §10 item 8.
        String base = "{\"type\":8,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":";
        assertThat(fields(meeting(base + "{\"repeat_interval\":2}}"))).containsExactly("recurrence.type");
        assertThat(fields(meeting(base + "{\"type\":4}}"))).containsExactly("recurrence.type");
        assertThat(fields(meeting(base + "{\"type\":1,\"repeat_interval\":91}}"))).containsExactly("recurrence.repeat_interval");
        assertThat(meeting(base + "{\"type\":1,\"repeat_interval\":90}}").status()).isEqualTo(201);
        assertThat(fields(meeting(base + "{\"type\":2,\"repeat_interval\":13}}"))).containsExactly("recurrence.repeat_interval");
        assertThat(fields(meeting(base + "{\"type\":3,\"repeat_interval\":4,\"monthly_day\":1}}"))).containsExactly("recurrence.repeat_interval");
        assertThat(fields(meeting(base + "{\"type\":2,\"weekly_days\":\"1,8\"}}"))).containsExactly("recurrence.weekly_days");
        assertThat(fields(meeting(base + "{\"type\":2,\"weekly_days\":1}}"))).containsExactly("recurrence.weekly_days");
        assertThat(fields(meeting(base + "{\"type\":3,\"monthly_day\":32}}"))).contains("recurrence.monthly_day");
        assertThat(fields(meeting(base + "{\"type\":3,\"monthly_week\":5,\"monthly_week_day\":2}}"))).contains("recurrence.monthly_week");
        assertThat(fields(meeting(base + "{\"type\":3,\"monthly_week\":2}}"))).contains("recurrence.monthly_week");
        assertThat(fields(meeting(base + "{\"type\":1,\"end_times\":61}}"))).containsExactly("recurrence.end_times");
        assertThat(fields(meeting(base + "{\"type\":1,\"end_times\":3,\"end_date_time\":\"2030-02-01T00:00:00Z\"}}"))).containsExactly("recurrence.end_times");
        assertThat(fields(meeting(base + "{\"type\":1,\"end_date_time\":\"2030-02-01T00:00:00\"}}"))).containsExactly("recurrence.end_date_time");
        assertThat(fields(meeting("{\"type\":8,\"start_time\":\"2030-01-06T10:00:00Z\"}"))).containsExactly("recurrence");
    }

    /** Spec zoom.md, corrections: end_times at most 60 for meetings, 50 for webinars (OpenAPI document); never with end_date_time. */
    @Test
    void endTimesIsAtMostSixtyForMeetingsAndFiftyForWebinars() {
        assertThat(meeting("{\"type\":8,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,\"end_times\":60}}").status())
                .isEqualTo(201);
        assertThat(fields(meeting("{\"type\":8,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,\"end_times\":61}}")))
                .containsExactly("recurrence.end_times");
        assertThat(webinar("{\"type\":9,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,\"end_times\":50}}").status())
                .isEqualTo(201);
        assertThat(fields(webinar("{\"type\":9,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,\"end_times\":51}}")))
                .containsExactly("recurrence.end_times");
        // A series ending by date is held to the same number of occurrences.
        Answer long51 = webinar("{\"type\":9,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,"
                + "\"end_date_time\":\"2030-02-25T12:00:00Z\"}}");
        assertThat(long51.status()).isEqualTo(400);
        assertThat(long51.message()).isEqualTo("Invalid recurrence settings.");
    }

    @Test
    void recurrenceIsOnlyHonouredForFixedTimeRecurringTypes() {
        Answer a = meeting("{\"type\":2,\"start_time\":\"2030-01-06T10:00:00Z\",\"recurrence\":{\"type\":1,\"end_times\":3}}");
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().has("recurrence")).isFalse();
        assertThat(a.json().has("occurrences")).isFalse();
    }

    @Test
    void aBodyWithoutJsonContentTypeIsRefused() {
        java.net.http.HttpRequest r = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/v2/users/me/meetings"))
                .header("Authorization", "Bearer " + http.token).header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThat(http.send(r).code()).isEqualTo(300);
    }
}
