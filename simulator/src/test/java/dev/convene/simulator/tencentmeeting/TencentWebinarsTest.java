package dev.convene.simulator.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /v1/webinars}: spec §4 and checklist item 11. */
class TencentWebinarsTest {
    static final long NOW = 1_893_463_200L;
    static final long HOUR = 3600;

    final SettableClock clock = new SettableClock(Instant.ofEpochSecond(NOW));
    TencentMeetingSimulator sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock));
    SignedClient client = new SignedClient(sim.baseUrl(), clock, sim.appId(), sim.secretId(),
            sim.properties().get("convene.tencentmeeting.secret-key"));

    @AfterEach
    void stop() {
        sim.close();
    }

    static String webinar(String extra) {
        return "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"launch\",\"start_time\":\"" + (NOW + HOUR)
                + "\",\"end_time\":\"" + (NOW + 2 * HOUR) + "\",\"admission_type\":0,\"hosts\":[{\"userid\":\"tester\"}]"
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    String create(String body) {
        SignedClient.Reply r = client.post("/v1/webinars", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("meeting_id").asText();
    }

    SignedClient.Reply query(String id) {
        return client.get("/v1/webinars?meeting_id=" + id + "&userid=tester&instanceid=1");
    }

    void assertInvalid(String body, String part) {
        SignedClient.Reply r = client.post("/v1/webinars", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(190004);
        assertThat(r.message()).contains(part);
    }

    @Test
    void createAnswersIdsAndJoinLinks() {
        SignedClient.Reply r = client.post("/v1/webinars", webinar("\"sponsor\":\"Convene\",\"enable_guest_invite_link\":true"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("meeting_id").asText()).matches("\\d+");
        assertThat(r.json().path("meeting_code").asText()).matches("\\d{9}");
        assertThat(r.json().path("audience_join_link").asText()).startsWith("https://");
        assertThat(r.json().path("guest_join_link").asText()).startsWith("https://");
        assertThat(sim.sessions()).singleElement().satisfies(s -> assertThat(s.kind()).isEqualTo("webinar"));
    }

    @Test
    void admissionTypeDecidesThePassword() {
        assertInvalid(webinar("").replace("\"admission_type\":0", "\"admission_type\":2"), "password");
        create(webinar("\"password\":\"123456\"").replace("\"admission_type\":0", "\"admission_type\":2"));
        assertInvalid(webinar("\"password\":\"12\"").replace("\"admission_type\":0", "\"admission_type\":2"), "password");
        assertInvalid(webinar("\"password\":\"1234\""), "admission_type");
        assertInvalid(webinar("").replace("\"admission_type\":0", "\"admission_type\":3"), "admission_type");
        assertInvalid(webinar("").replace(",\"admission_type\":0", ""), "admission_type");
    }

    @Test
    void subjectSponsorAndDescriptionLengths() {
        assertInvalid(webinar("").replace("launch", "x".repeat(256)), "subject");
        create(webinar("").replace("launch", "会".repeat(255)));
        assertInvalid(webinar("\"sponsor\":\"" + "s".repeat(41) + "\""), "sponsor");
        assertInvalid(webinar("\"sponsor\":\"\""), "sponsor");
        assertInvalid(webinar("\"description\":\"about\""), "activity_page");
        create(webinar("\"description\":\"about\",\"activity_page\":true"));
    }

    @Test
    void startMustBeThirtyMinutesAheadAndBeforeTheEnd() {
        String soon = webinar("").replace("\"" + (NOW + HOUR) + "\"", "\"" + (NOW + 29 * 60) + "\"");
        assertInvalid(soon, "start_time");
        String inverted = webinar("").replace("\"" + (NOW + 2 * HOUR) + "\"", "\"" + (NOW + HOUR) + "\"");
        assertInvalid(inverted, "end_time");
    }

    @Test
    void hostsAreRequired() {
        assertInvalid(webinar("").replace(",\"hosts\":[{\"userid\":\"tester\"}]", ""), "hosts");
        assertInvalid(webinar("").replace("[{\"userid\":\"tester\"}]", "[]"), "hosts");
    }

    @Test
    void queryIsForTheCreatorAndReportsStatus() {
        String id = create(webinar(""));
        JsonNode w = query(id).json();
        assertThat(w.path("meeting_id").asText()).isEqualTo(id);
        assertThat(w.path("status").asText()).isEqualTo("MEETING_STATE_INIT");
        assertThat(w.path("start_time").asText()).isEqualTo(Long.toString(NOW + HOUR));
        assertThat(w.path("hosts").get(0).path("userid").asText()).isEqualTo("tester");
        clock.advance(Duration.ofMinutes(61));
        assertThat(query(id).json().path("status").asText()).isEqualTo("MEETING_STATE_ABOUT_TO_START");
        SignedClient.Reply other = client.get("/v1/webinars?meeting_id=" + id + "&userid=test1&instanceid=1");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo(9042);
        String code = w.path("meeting_code").asText();
        assertThat(client.get("/v1/webinars?meeting_code=" + code + "&userid=tester&instanceid=1").json().path("meeting_id").asText())
                .isEqualTo(id);
        assertThat(client.get("/v1/webinars?userid=tester&instanceid=1").errorCode()).isEqualTo(190004);
    }

    @Test
    void modifyIsPartialAndMovesStartAndEndTogether() {
        String id = create(webinar(""));
        assertThat(client.put("/v1/webinars/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"renamed\"}").status()).isEqualTo(200);
        assertThat(query(id).json().path("subject").asText()).isEqualTo("renamed");
        SignedClient.Reply alone = client.put("/v1/webinars/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"start_time\":\"" + (NOW + 3 * HOUR) + "\"}");
        assertThat(alone.errorCode()).isEqualTo(190004);
        assertThat(client.put("/v1/webinars/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"start_time\":\"" + (NOW + 3 * HOUR)
                + "\",\"end_time\":\"" + (NOW + 4 * HOUR) + "\"}").status()).isEqualTo(200);
        assertThat(query(id).json().path("end_time").asText()).isEqualTo(Long.toString(NOW + 4 * HOUR));
        assertThat(client.put("/v1/webinars/" + id, "{\"userid\":\"test1\",\"instanceid\":1,\"subject\":\"x\"}").errorCode()).isEqualTo(9042);
        assertThat(client.put("/v1/webinars/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"admission_type\":2}").errorCode())
                .as("switching to password admission needs a password").isEqualTo(190004);
    }

    @Test
    void cancelAnswersEmptyThen9007AndRefusesStartedWebinars() {
        String id = create(webinar(""));
        SignedClient.Reply r = client.post("/v1/webinars/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isEmpty()).isTrue();
        assertThat(query(id).json().path("status").asText()).isEqualTo("MEETING_STATE_CANCELLED");
        SignedClient.Reply again = client.post("/v1/webinars/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.errorCode()).isEqualTo(9007);

        String live = create(webinar(""));
        sim.participantJoins(live, "tester");
        assertThat(client.post("/v1/webinars/" + live + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}").errorCode())
                .isEqualTo(13602);
        assertThat(client.post("/v1/webinars/404/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}").errorCode())
                .isEqualTo(9003);
    }

    @Test
    void webinarsDoNotAppearInTheMeetingList() {
        create(webinar(""));
        assertThat(client.get("/v1/meetings?userid=tester&instanceid=1").json().path("meeting_number").asInt()).isZero();
    }
}
