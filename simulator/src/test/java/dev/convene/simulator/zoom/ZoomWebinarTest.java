package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3 (webinar endpoints) and §10 items 5, 6, 11–14. */
class ZoomWebinarTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    final ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    final ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    JsonNode webinar(String extra) {
        return http.create("/users/me/webinars", "{\"topic\":\"Quarterly\",\"type\":5,\"start_time\":\"2030-02-01T10:00:00Z\",\"duration\":90" + extra + "}");
    }

    @Test
    void createAnswers201WithTheFullWebinarObject() {
        // §3.1: 201 with the GET shape; §2: int64 ids of 11 digits, base64-like uuid; §7: UTC start_time plus timezone.
        JsonNode w = webinar(",\"password\":\"abc!1\",\"agenda\":\"Numbers\"");
        assertThat(w.get("id").isIntegralNumber()).isTrue();
        assertThat(w.get("id").asText()).hasSize(11);
        assertThat(w.get("uuid").asText()).endsWith("==");
        assertThat(w.get("host_email").asText()).isEqualTo(ZoomSimulator.OWNER_EMAIL);
        assertThat(w.get("start_time").asText()).isEqualTo("2030-02-01T10:00:00Z");
        assertThat(w.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(w.get("duration").asInt()).isEqualTo(90);
        assertThat(w.get("password").asText()).isEqualTo("abc!1");
        assertThat(w.get("settings").get("approval_type").asInt()).isEqualTo(2);
        assertThat(w.get("join_url").asText()).contains(w.get("id").asText());
        assertThat(w.has("registrants_confirmation_email")).isTrue();
    }

    @Test
    void aStartTimeWithoutZIsWallTimeInTheGivenZone() {
        // §7: yyyy-MM-ddTHH:mm:ss (no Z) is local time in `timezone`; answers are always UTC.
        JsonNode w = http.create("/users/me/webinars",
                "{\"topic\":\"Local\",\"start_time\":\"2030-07-01T09:00:00\",\"timezone\":\"Asia/Shanghai\",\"duration\":30}");
        assertThat(w.get("start_time").asText()).isEqualTo("2030-07-01T01:00:00Z");
        assertThat(w.get("type").asInt()).isEqualTo(5);
    }

    @Test
    void getFindsAWebinarByIdOrByDoubleEncodedUuid() {
        // §3.2: webinarId is an ID or a UUID; §2: UUIDs with '/' must be double-encoded.
        JsonNode w = webinar("");
        String id = w.get("id").asText();
        assertThat(http.get("/webinars/" + id).json().get("topic").asText()).isEqualTo("Quarterly");
        String uuid = w.get("uuid").asText();
        String twice = URLEncoder.encode(URLEncoder.encode(uuid, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(http.get("/webinars/" + twice).json().get("id").asText()).isEqualTo(id);
        assertThat(http.get("/webinars/" + URLEncoder.encode("/x//y", StandardCharsets.UTF_8)).code()).isEqualTo(3001);
    }

    @Test
    void patchIsPartialAndAnswers204() {
        // §3.3: omitted fields unchanged; 204 No Content.
        String id = webinar(",\"agenda\":\"keep me\",\"settings\":{\"host_video\":true}").get("id").asText();
        Answer a = http.patch("/webinars/" + id, "{\"topic\":\"Renamed\",\"settings\":{\"panelists_video\":true}}");
        assertThat(a.status()).isEqualTo(204);
        assertThat(a.raw().body()).isEmpty();
        JsonNode w = http.get("/webinars/" + id).json();
        assertThat(w.get("topic").asText()).isEqualTo("Renamed");
        assertThat(w.get("agenda").asText()).isEqualTo("keep me");
        assertThat(w.get("settings").get("host_video").asBoolean()).isTrue();
        assertThat(w.get("settings").get("panelists_video").asBoolean()).isTrue();
        assertThat(w.get("start_time").asText()).isEqualTo("2030-02-01T10:00:00Z");
    }

    @Test
    void aRefusedPatchChangesNothing() {
        String id = webinar("").get("id").asText();
        assertThat(http.patch("/webinars/" + id, "{\"topic\":\"New\",\"password\":\"way-too-long-passcode\"}").code()).isEqualTo(300);
        assertThat(http.get("/webinars/" + id).json().get("topic").asText()).isEqualTo("Quarterly");
    }

    @Test
    void deleteAnswers204ThenTheWebinarIsGone() {
        // §3.4, §3.2: 204, then 404 / 3001 "Webinar {id} not found or has expired."
        String id = webinar("").get("id").asText();
        assertThat(http.delete("/webinars/" + id + "?cancel_webinar_reminder=true").status()).isEqualTo(204);
        Answer gone = http.get("/webinars/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo(3001);
        assertThat(gone.message()).isEqualTo("Webinar " + id + " not found or has expired.");
        assertThat(http.delete("/webinars/" + id).code()).isEqualTo(3001);
        assertThat(sim.sessions()).anyMatch(s -> s.nativeId().equals(id) && s.cancelled());
    }

    @Test
    void patchAndDeleteTakeTheNumericIdOnly() {
        // §3.3 / §3.4: path webinarId is int64 for PATCH and DELETE.
        JsonNode w = webinar("");
        String uuid = URLEncoder.encode(URLEncoder.encode(w.get("uuid").asText(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(http.delete("/webinars/" + uuid).code()).isEqualTo(3001);
        assertThat(http.patch("/webinars/" + uuid, "{\"topic\":\"x\"}").code()).isEqualTo(3001);
    }

    @Test
    void stateFollowsTheClock() {
        // §10 item 13: delete while live -> 3002, after it ended -> 3007; expired 30 days later -> 3001.
        String id = webinar("").get("id").asText();
        clock.set(Instant.parse("2030-02-01T10:30:00Z"));
        http.authenticated();
        assertThat(http.delete("/webinars/" + id).code()).isEqualTo(3002);
        clock.set(Instant.parse("2030-02-01T12:00:00Z"));
        http.authenticated();
        assertThat(http.delete("/webinars/" + id).code()).isEqualTo(3007);
        assertThat(http.get("/webinars/" + id).status()).isEqualTo(200);
        clock.advance(Duration.ofDays(31));
        http.authenticated();
        assertThat(http.get("/webinars/" + id).code()).isEqualTo(3001);
        assertThat(http.get("/users/me/webinars").json().get("total_records").asInt()).isZero();
    }

    @Test
    void aStartedSimuliveWebinarCannotBeChanged() {
        // §3.3: 400 / 3000 "You cannot update or delete simulive webinars that have started using this method".
        String id = webinar(",\"is_simulive\":true").get("id").asText();
        sim.hostStarts(id);
        Answer a = http.patch("/webinars/" + id, "{\"topic\":\"x\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(3000);
    }

    @Test
    void endingAWebinarIsAStatusUpdate() {
        // §3.6: PUT /webinars/{id}/status {"action":"end"} -> 204; only "end" is allowed.
        String id = webinar("").get("id").asText();
        assertThat(http.put("/webinars/" + id + "/status", "{\"action\":\"recover\"}").code()).isEqualTo(300);
        assertThat(http.put("/webinars/" + id + "/status", "{\"action\":\"end\"}").status()).isEqualTo(204);
        assertThat(sim.sessions()).anyMatch(s -> s.nativeId().equals(id) && s.status().equals("ended"));
    }

    @Test
    void usersWithoutTheWebinarPlanOrOutsideTheAccountAreRefused() {
        // §3.1: 400 / 200 plan missing; 404 / 1001 user not in this account.
        Answer plan = http.post("/users/" + ZoomSimulator.NO_WEBINAR_PLAN_EMAIL + "/webinars", "{\"topic\":\"x\"}");
        assertThat(plan.status()).isEqualTo(400);
        assertThat(plan.code()).isEqualTo(200);
        Answer unknown = http.post("/users/nobody@nowhere.example/webinars", "{\"topic\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(1001);
        assertThat(http.get("/users/" + ZoomSimulator.SEED_HOST_EMAIL + "/webinars").code()).isEqualTo(1001);
    }

    @Test
    void recurringWebinarsExposeOccurrences() {
        // §3.8: type 9 + weekly recurrence; §2: occurrence_id is the start in epoch ms.
        JsonNode w = http.create("/users/me/webinars", "{\"topic\":\"Weekly\",\"type\":9,\"start_time\":\"2030-01-06T15:00:00Z\","
                + "\"timezone\":\"UTC\",\"duration\":60,\"recurrence\":{\"type\":2,\"weekly_days\":\"1,4\",\"end_times\":4}}");
        JsonNode occ = w.get("occurrences");
        assertThat(occ).hasSize(4);
        // 2030-01-06 is a Sunday (1), then Wednesday (4).
        assertThat(occ.get(0).get("start_time").asText()).isEqualTo("2030-01-06T15:00:00Z");
        assertThat(occ.get(1).get("start_time").asText()).isEqualTo("2030-01-09T15:00:00Z");
        assertThat(occ.get(3).get("start_time").asText()).isEqualTo("2030-01-16T15:00:00Z");
        assertThat(occ.get(0).get("occurrence_id").asText()).isEqualTo(Long.toString(Instant.parse("2030-01-06T15:00:00Z").toEpochMilli()));
        assertThat(occ.get(0).get("status").asText()).isEqualTo("available");
        assertThat(w.get("recurrence").get("repeat_interval").asInt()).isEqualTo(1);

        String id = w.get("id").asText();
        String second = occ.get(1).get("occurrence_id").asText();
        assertThat(http.get("/webinars/" + id + "?occurrence_id=" + second).json().get("start_time").asText()).isEqualTo("2030-01-09T15:00:00Z");
        assertThat(http.delete("/webinars/" + id + "?occurrence_id=" + second).status()).isEqualTo(204);
        assertThat(http.get("/webinars/" + id).json().get("occurrences")).hasSize(3);
        assertThat(http.delete("/webinars/" + id + "?occurrence_id=" + second).code()).isEqualTo(3000);

        clock.set(Instant.parse("2030-01-10T00:00:00Z"));
        http.authenticated();
        assertThat(http.get("/webinars/" + id).json().get("occurrences")).hasSize(2);
        assertThat(http.get("/webinars/" + id + "?show_previous_occurrences=true").json().get("occurrences")).hasSize(3);
    }

    @Test
    void aPatchForOneOccurrenceMayOnlyTouchItsTime() {
        // §3.3: with occurrence_id only agenda, start_time, duration and a few settings can change.
        JsonNode w = http.create("/users/me/webinars", "{\"topic\":\"Daily\",\"type\":9,\"start_time\":\"2030-01-06T15:00:00Z\","
                + "\"duration\":60,\"recurrence\":{\"type\":1,\"end_times\":3}}");
        String id = w.get("id").asText();
        String occ = w.get("occurrences").get(2).get("occurrence_id").asText();
        assertThat(http.patch("/webinars/" + id + "?occurrence_id=" + occ, "{\"topic\":\"no\"}").code()).isEqualTo(300);
        assertThat(http.patch("/webinars/" + id + "?occurrence_id=" + occ, "{\"duration\":30}").status()).isEqualTo(204);
        assertThat(http.get("/webinars/" + id + "?occurrence_id=" + occ).json().get("duration").asInt()).isEqualTo(30);
    }

    @Test
    void listsReturnTheHostsWebinarsWithShortenedAgendas() {
        // §3.5: list fields, agenda truncated to 250 characters.
        webinar(",\"agenda\":\"" + "a".repeat(300) + "\"");
        JsonNode list = http.get("/users/" + ZoomSimulator.OWNER_EMAIL + "/webinars").json();
        assertThat(list.get("total_records").asInt()).isEqualTo(1);
        assertThat(list.get("next_page_token").asText()).isEmpty();
        JsonNode item = list.get("webinars").get(0);
        assertThat(item.get("agenda").asText()).hasSize(250);
        assertThat(item.has("settings")).isFalse();
        assertThat(item.has("is_simulive")).isTrue();
    }
}
