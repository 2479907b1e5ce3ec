package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §4 (meeting endpoints) and §10 items 9, 12, 13. */
class ZoomMeetingTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    final ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    String meeting() {
        return http.create("/users/me/meetings", "{\"topic\":\"Standup\",\"type\":2,\"start_time\":\"2030-03-01T09:00:00Z\",\"duration\":15,\"password\":\"abc123\"}")
                .get("id").asText();
    }

    @Test
    void aScheduledMeetingIsWaitingThenStartedInsideItsSlot() {
        // §4.2: GET adds status waiting|started and encrypted_password.
        String id = meeting();
        JsonNode m = http.get("/meetings/" + id).json();
        assertThat(m.get("status").asText()).isEqualTo("waiting");
        assertThat(m.get("type").asInt()).isEqualTo(2);
        assertThat(m.get("password").asText()).isEqualTo("abc123");
        assertThat(m.has("encrypted_password")).isTrue();
        assertThat(m.get("pmi").isTextual()).isTrue();
        clock.set(Instant.parse("2030-03-01T09:05:00Z"));
        http.authenticated();
        assertThat(http.get("/meetings/" + id).json().get("status").asText()).isEqualTo("started");
    }

    /** Spec zoom.md, corrections: the create-meeting 201 documents host_email, not host_id; GET carries host_id. */
    @Test
    void theCreateAnswerNamesTheHostByEmailOnly() {
        JsonNode created = http.create("/users/me/meetings", "{\"topic\":\"M\",\"start_time\":\"2030-03-01T09:00:00Z\"}");
        assertThat(created.has("host_id")).isFalse();
        assertThat(created.get("host_email").asText()).contains("@");
        assertThat(http.get("/meetings/" + created.get("id").asText()).json().get("host_id").asText()).isNotBlank();
    }

    @Test
    void aLiveMeetingCannotBeUpdatedOrDeleted() {
        // §4.3: 3000 "You cannot update or delete meetings that have started using this method"; §4.4: 3002 in progress.
        String id = meeting();
        clock.set(Instant.parse("2030-03-01T09:05:00Z"));
        http.authenticated();
        assertThat(http.patch("/meetings/" + id, "{\"topic\":\"x\"}").code()).isEqualTo(3000);
        assertThat(http.delete("/meetings/" + id).code()).isIn(3000, 3002);
    }

    @Test
    void aPastStartTimeIsSilentlyIgnored() {
        // §4.3: start_time must be in the future; a past value is silently ignored.
        String id = meeting();
        assertThat(http.patch("/meetings/" + id, "{\"start_time\":\"2029-01-01T00:00:00Z\",\"topic\":\"Moved\"}").status()).isEqualTo(204);
        JsonNode m = http.get("/meetings/" + id).json();
        assertThat(m.get("start_time").asText()).isEqualTo("2030-03-01T09:00:00Z");
        assertThat(m.get("topic").asText()).isEqualTo("Moved");
    }

    @Test
    void scheduleForIsNotAllowedOnInstantMeetingsAndOtherwiseMakesThatUserTheHost() {
        // §4.1 / §10 item 9: schedule_for with type 1 -> 400 / 3000.
        Answer instant = http.post("/users/me/meetings", "{\"type\":1,\"schedule_for\":\"" + ZoomSimulator.SECOND_HOST_EMAIL + "\"}");
        assertThat(instant.status()).isEqualTo(400);
        assertThat(instant.code()).isEqualTo(3000);
        JsonNode m = http.create("/users/me/meetings", "{\"topic\":\"For you\",\"start_time\":\"2030-03-01T09:00:00Z\",\"schedule_for\":\""
                + ZoomSimulator.SECOND_HOST_EMAIL + "\"}");
        assertThat(m.get("host_email").asText()).isEqualTo(ZoomSimulator.SECOND_HOST_EMAIL);
        assertThat(http.post("/users/me/meetings", "{\"schedule_for\":\"nobody@x.example\"}").code()).isEqualTo(300);
    }

    @Test
    void usersWithoutHostingRightsGet3161() {
        Answer a = http.post("/users/" + ZoomSimulator.CANNOT_HOST_EMAIL + "/meetings", "{\"topic\":\"x\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(3161);
        assertThat(http.get("/users/" + ZoomSimulator.CANNOT_HOST_EMAIL + "/meetings").code()).isEqualTo(3161);
    }

    @Test
    void meetingEndpointsRefuseWebinarsAndUuids() {
        // §4.2: 400 / 3000 "Cannot access webinar info."; the meeting id is int64.
        JsonNode w = http.create("/users/me/webinars", "{\"topic\":\"W\",\"start_time\":\"2030-03-01T09:00:00Z\"}");
        Answer a = http.get("/meetings/" + w.get("id").asText());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(3000);
        JsonNode m = http.create("/users/me/meetings", "{\"topic\":\"M\",\"start_time\":\"2030-03-01T09:00:00Z\"}");
        String uuid = java.net.URLEncoder.encode(java.net.URLEncoder.encode(m.get("uuid").asText(), java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(http.get("/meetings/" + uuid).code()).isEqualTo(3001);
        Answer missing = http.get("/meetings/12345678901");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("Meeting 12345678901 is not found or has expired.");
    }

    @Test
    void aDeletedMeetingCanBeRecovered() {
        // §4.6: {"action":"recover"} restores a deleted meeting.
        String id = meeting();
        assertThat(http.delete("/meetings/" + id + "?schedule_for_reminder=false").status()).isEqualTo(204);
        assertThat(http.get("/meetings/" + id).code()).isEqualTo(3001);
        assertThat(http.put("/meetings/" + id + "/status", "{\"action\":\"recover\"}").status()).isEqualTo(204);
        assertThat(http.get("/meetings/" + id).status()).isEqualTo(200);
    }

    @Test
    void recurringMeetingsNeedTheirRecurrenceWhenTheTimeChanges() {
        // §4.3: for recurring meetings the recurrence object is required when changing time.
        JsonNode m = http.create("/users/me/meetings", "{\"topic\":\"Monthly\",\"type\":8,\"start_time\":\"2030-01-15T09:00:00Z\",\"timezone\":\"UTC\","
                + "\"duration\":30,\"recurrence\":{\"type\":3,\"monthly_week\":-1,\"monthly_week_day\":6,\"end_date_time\":\"2030-04-30T00:00:00Z\"}}");
        // Last Friday of January..April 2030.
        assertThat(m.get("occurrences")).extracting(o -> o.get("start_time").asText())
                .containsExactly("2030-01-25T09:00:00Z", "2030-02-22T09:00:00Z", "2030-03-29T09:00:00Z", "2030-04-26T09:00:00Z");
        String id = m.get("id").asText();
        http.patch("/meetings/" + id, "{\"start_time\":\"2030-01-15T10:00:00Z\"}");
        assertThat(http.get("/meetings/" + id).json().get("occurrences").get(0).get("start_time").asText()).isEqualTo("2030-01-25T09:00:00Z");
        http.patch("/meetings/" + id, "{\"start_time\":\"2030-01-15T10:00:00Z\",\"recurrence\":{\"type\":3,\"monthly_day\":20,\"end_times\":2}}");
        assertThat(http.get("/meetings/" + id).json().get("occurrences")).extracting(o -> o.get("start_time").asText())
                .containsExactly("2030-01-20T10:00:00Z", "2030-02-20T10:00:00Z");
    }

    /**
     * §4.3: the PATCH takes create's fields, {@code type} among them, and §4.1 has recurrence only for type 8: a
     * recurring meeting patched to type 2 is a one-off meeting at its start, without recurrence or occurrences.
     */
    @Test
    void aRecurringMeetingPatchedToType2IsAOneOffMeeting() {
        JsonNode m = http.create("/users/me/meetings", "{\"topic\":\"Weekly\",\"type\":8,\"start_time\":\"2030-01-14T09:00:00Z\",\"timezone\":\"UTC\","
                + "\"duration\":30,\"recurrence\":{\"type\":2,\"weekly_days\":\"2\",\"end_times\":3}}");
        String id = m.get("id").asText();
        assertThat(m.get("occurrences")).hasSize(3);
        assertThat(http.patch("/meetings/" + id, "{\"type\":2}").status()).isEqualTo(204);
        JsonNode got = http.get("/meetings/" + id).json();
        assertThat(got.get("type").asInt()).isEqualTo(2);
        assertThat(got.has("recurrence")).isFalse();
        assertThat(got.path("occurrences").size()).isZero();
        assertThat(got.get("start_time").asText()).isEqualTo("2030-01-14T09:00:00Z");
    }

    @Test
    void listFiltersByType() {
        // §4.5: scheduled (default) vs live vs upcoming; instant meetings are never listed.
        meeting();
        http.create("/users/me/meetings", "{\"type\":1}");
        http.create("/users/me/meetings", "{\"topic\":\"Now\",\"start_time\":\"2029-12-31T23:50:00Z\",\"duration\":30}");
        assertThat(http.get("/users/me/meetings").json().get("total_records").asInt()).isEqualTo(2);
        assertThat(http.get("/users/me/meetings?type=live").json().get("meetings")).extracting(x -> x.get("topic").asText()).containsExactly("Now");
        assertThat(http.get("/users/me/meetings?type=bogus").code()).isEqualTo(300);
    }
}
