package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.Access;
import dev.convene.Convene;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions.MeetingSettings;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.tencentmeeting.TencentMeetingSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Seed 002's example, both ways: the example request is what an equivalent neutral draft produces,
 * and the example response decodes into a complete {@link Session}, live link included.
 */
class SeedExampleTest {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Just before the example's start_time (1572172200), so the example's times are in the future. */
    final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1_572_170_000L));

    /** The neutral draft that says what the seed's example request says. */
    static SessionDraft seedDraft() {
        return SessionDraft.builder(SessionKind.LIVE_STREAM)
                .title("tester's meeting")
                .organizer("tester")
                .start(Instant.ofEpochSecond(1_572_172_200L).atZone(ZoneId.of("Asia/Shanghai")))
                .duration(Duration.ofHours(1))
                .hosts("tester")
                .invitees("test1", "guest1", "guest2")
                .password("1111")
                .media(MediaOptions.DEFAULTS.withJoinBeforeHost(true).withWaitingRoom(false))
                .recurrence(Recurrence.daily(1).times(7))
                .description("test_summary")
                .live(new LiveOptions("1234", true))
                .option(TencentMeetingOptions.HOST_KEY, "168168")
                .option(TencentMeetingOptions.LIVE_SUBJECT, "test_subject")
                .option(TencentMeetingOptions.LIVE_CHAT, true)
                .option(TencentMeetingOptions.SETTINGS, new MeetingSettings(2, false, false, false, false, false, null, false, null, null))
                .build();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SeedExampleTest.class.getResourceAsStream("/tencentmeeting/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    SessionService open(Map<String, String> properties) {
        return Convene.builder().properties(properties).environment(Map.of()).systemProperties(false).clock(clock).build();
    }

    /**
     * The seed's request with its three known slips undone: {@code user_non_registered} is an output field
     * pasted into the input; {@code until_date} means nothing with {@code until_type:1} (end by count); and
     * {@code hosts}/{@code invitees} are written as strings although the seed's own parameter table (and the
     * official SDK) declare {@code UserObj} objects, which is what Convene sends.
     */
    static JsonNode seedRequestAsDeclared() throws IOException {
        ObjectNode seed = (ObjectNode) JSON.readTree(resource("seed-002-create-request.json"));
        seed.remove("user_non_registered");
        ((ObjectNode) seed.get("recurring_rule")).remove("until_date");
        for (String list : List.of("hosts", "invitees")) {
            ArrayNode objects = JSON.createArrayNode();
            seed.get(list).forEach(u -> objects.addObject().put("userid", u.asText()));
            seed.set(list, objects);
        }
        return seed;
    }

    @Test
    void theSeedsRequestComesFromAnEquivalentDraftAndItsResponseIsACompleteSession() throws Exception {
        try (MockWebServer vendor = new MockWebServer()) {
            vendor.enqueue(new MockResponse().setHeader("X-TC-Trace", "trace-1").setBody(resource("seed-002-create-response.json")));
            Map<String, String> properties = new HashMap<>(Map.of(
                    "convene.provider", "tencentmeeting",
                    "convene.tencentmeeting.app-id", "200000001",
                    "convene.tencentmeeting.secret-id", "AKIDexample",
                    "convene.tencentmeeting.secret-key", "example-secret-key",
                    "convene.tencentmeeting.organizer", "tester",
                    "convene.tencentmeeting.base-url", vendor.url("/").toString()));
            Session s;
            try (SessionService service = open(properties)) {
                s = service.create(seedDraft());
            }

            RecordedRequest sent = vendor.takeRequest();
            assertThat(sent.getMethod()).isEqualTo("POST");
            assertThat(sent.getPath()).isEqualTo("/v1/meetings");
            JsonNode body = JSON.readTree(sent.getBody().readUtf8());
            assertThat(body).isEqualTo(seedRequestAsDeclared());
            assertThat(body.get("start_time").isTextual()).as("times are strings of seconds").isTrue();
            assertThat(body.get("end_time").asText()).isEqualTo("1572175800");
            assertThat(body.get("instanceid").isInt()).as("instanceid is an integer").isTrue();
            assertThat(body.get("type").isInt()).isTrue();

            assertThat(s.id().toString()).isEqualTo("tencentmeeting:live_stream:433471464134410364");
            assertThat(s.title()).isEqualTo("tester's meeting");
            assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(1_572_172_200L));
            assertThat(s.duration()).isEqualTo(Duration.ofHours(1));
            assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
            assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
            assertThat(s.organizer()).isEqualTo("tester");
            assertThat(s.hosts()).containsExactly("test1");
            assertThat(s.access()).isEqualTo(Access.PASSWORD);
            assertThat(s.password()).isEqualTo("1111");
            assertThat(s.description()).isEqualTo("test_summary");
            assertThat(s.live()).isEqualTo(new LiveOptions("1234", true));
            assertThat(s.recurrence()).isEqualTo(Recurrence.daily(1).times(7));
            assertThat(s.media().muteOnEntry()).as("mute_enable_type_join 2 is 'once more than six are in'").isNull();
            assertThat(s.join().joinUrl()).isEqualTo("https://wemeet.qq.com/w/5oxCqAc");
            assertThat(s.join().meetingCode()).isEqualTo("637228110");
            assertThat(s.join().audienceUrl()).isEqualTo("https://meeting.tencent.com/l/ehewFSfengBPae");
        }
    }

    @Test
    void theSimulatorAcceptsTheSameDraftAndReadsItBack() {
        try (TencentMeetingSimulator sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock));
             SessionService service = open(sim.properties())) {
            Session created = service.create(seedDraft());
            Session got = service.get(created.id());
            assertThat(sim.requests(Operation.CREATE)).hasSize(1);
            assertThat(got.live()).isEqualTo(new LiveOptions("1234", true));
            assertThat(got.description()).isEqualTo("test_summary");
            assertThat(got.join().audienceUrl()).isNotBlank().isEqualTo(created.join().audienceUrl());
            assertThat(got.occurrences()).hasSize(7);
            assertThat(got.recurrence()).isEqualTo(Recurrence.daily(1).times(7));
            assertThat(got.media()).isEqualTo(new MediaOptions(null, false, true, null));
        }
    }
}
