package dev.convene.provider.wecom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Access;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.Violation;
import dev.convene.provider.wecom.WeComOptions;
import dev.convene.simulator.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request bodies of seeds 000, 001 and 003 come out of equivalent neutral drafts with the same field
 * names, JSON types and values, and the seeds' documented answers decode into complete sessions.
 */
class SeedWireTest {
    static final ObjectMapper JACKSON = new ObjectMapper();
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static JsonNode seed(String name) {
        try (InputStream in = SeedWireTest.class.getResourceAsStream("/wecom/seeds/" + name)) {
            return JACKSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> JsonNode wire(Class<T> type, T body) {
        try {
            return JACKSON.readTree(WeComClient.wireJson().adapter(type).toJson(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T decode(Class<T> type, JsonNode json) throws IOException {
        return WeComClient.wireJson().adapter(type).fromJson(json.toString());
    }

    @Test
    void seed001MeetingBodyComesFromANeutralDraft() {
        JsonNode sent = wire(WeComWire.Meeting.Create.class, WeComMapper.meetingCreate(SeedDrafts.meeting(), 1000014));
        assertThat(sent).isEqualTo(seed("meeting-create-request.json"));
    }

    @Test
    void seed000WebinarBodyComesFromANeutralDraft() {
        JsonNode sent = wire(WeComWire.Webinar.Create.class, WeComMapper.webinarCreate(SeedDrafts.webinar()));
        JsonNode expected = seed("webinar-create-request.json");
        assertThat(sent).isEqualTo(expected);
        assertThat(sent.get("start_time").isTextual()).as("webinar times are numeric strings").isTrue();
    }

    /** Why the webinar seed is checked at the mapper only: its placeholder values break WeCom's own rules. */
    @Test
    void seed000BreaksRulesTheClientChecksBeforeSending() {
        List<Violation> violations = new WeComRules(new SettableClock(Instant.ofEpochSecond(166666666L - 86400)))
                .check(SessionKind.WEBINAR, WeComRules.Change.of(SeedDrafts.webinar()));
        assertThat(violations).extracting(Violation::field).contains("password", "live.replay", "description",
                "options." + WeComOptions.COVER_URL);
    }

    @Test
    void seed003LivingBodyComesFromANeutralDraft() {
        JsonNode sent = wire(WeComWire.Living.Create.class, WeComMapper.livingCreate(SeedDrafts.living(), 1000014));
        assertThat(sent).isEqualTo(seed("living-create-request.json"));
    }

    @Test
    void anUpdateAnswerKeepsItsExcessUsers() throws IOException {
        WeComWire.Meeting.Updated reply = decode(WeComWire.Meeting.Updated.class,
                new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"errcode\":0,\"errmsg\":\"ok\",\"excess_users\":[\"wangwu\"]}"));
        assertThat(reply.excessUsers()).containsExactly("wangwu");
        assertThat(new WeComErrors(new dev.convene.spi.http.Redactor()).fromBody(200, okhttp3.Headers.of(), reply)).isNull();
    }

    @Test
    void seed001AnswerDecodesIntoACompleteSession() throws IOException {
        WeComWire.Meeting.Created reply = decode(WeComWire.Meeting.Created.class, seed("meeting-create-response.json"));
        assertThat(new WeComErrors(new dev.convene.spi.http.Redactor()).fromBody(200, okhttp3.Headers.of(), reply)).isNull();
        assertThat(reply.excessUsers()).containsExactly("zhangsan", "lisi");
        Session s = WeComMapper.meetingCreated(SeedDrafts.meeting(), reply, SessionId.of("wecom", SessionKind.MEETING, reply.meetingid()));
        assertThat(s.id().toString()).isEqualTo("wecom:meeting:XXXXXXXXX");
        assertThat(s.title()).isEqualTo("新建会议");
        assertThat(s.description()).isEqualTo("新建会议描述");
        assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(1600000000L));
        assertThat(s.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(s.timeZone()).isEqualTo(SHANGHAI);
        assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(s.organizer()).isEqualTo("zhangsan");
        assertThat(s.hosts()).containsExactly("lisi", "wangwu");
        assertThat(s.invitees()).containsExactly("lisi", "wangwu");
        assertThat(s.access()).isEqualTo(Access.PASSWORD);
        assertThat(s.password()).isEqualTo("1234");
        assertThat(s.media()).isEqualTo(new MediaOptions(true, false, true, null));
        assertThat(s.recurrence()).isEqualTo(Recurrence.daily(1).until(LocalDate.parse("2020-12-03")));
    }

    @Test
    void seed000AnswerDecodesIntoACompleteSession() throws IOException {
        WeComWire.Webinar.Created reply = decode(WeComWire.Webinar.Created.class, seed("webinar-create-response.json"));
        Session s = WeComMapper.webinarCreated(SeedDrafts.webinar(), reply, SessionId.of("wecom", SessionKind.WEBINAR, reply.meetingid()));
        assertThat(s.id().toString()).isEqualTo("wecom:webinar:MEETINGID");
        assertThat(s.title()).isEqualTo("TITLE");
        assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(166666666L));
        assertThat(s.end()).isEqualTo(Instant.ofEpochSecond(177777777L));
        assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
        assertThat(s.organizer()).isEqualTo("USERID");
        assertThat(s.hosts()).containsExactly("USERID");
        assertThat(s.access()).isEqualTo(Access.OPEN);
        assertThat(s.password()).isEqualTo("PASSWORD");
        assertThat(s.description()).isEqualTo("description");
        assertThat(s.live().replay()).isTrue();
        assertThat(s.join().meetingCode()).isEqualTo("CODE");
        assertThat(s.join().joinUrl()).isEqualTo("LINK");
        assertThat(s.join().audienceUrl()).isEqualTo("LINK");
    }

    @Test
    void seed003AnswerDecodesIntoACompleteSession() throws IOException {
        WeComWire.Living.Created reply = decode(WeComWire.Living.Created.class, seed("living-create-response.json"));
        Session s = WeComMapper.livingCreated(SeedDrafts.living(), SessionId.of("wecom", SessionKind.LIVE_STREAM, reply.livingid()));
        assertThat(s.id().toString()).isEqualTo("wecom:live_stream:XXXXXXXXX");
        assertThat(s.title()).isEqualTo("theme");
        assertThat(s.description()).isEqualTo("test description");
        assertThat(s.start()).isEqualTo(Instant.ofEpochSecond(1600000000L));
        assertThat(s.duration()).isEqualTo(Duration.ofHours(1));
        assertThat(s.organizer()).isEqualTo("zhangsan");
        assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
    }

    @Test
    void aGetLivingInfoAnswerWithTheDocumentedTrailingSpaceKeyStillHasItsStatus() throws IOException {
        String documented = "{\"errcode\":0,\"errmsg\":\"ok\",\"living_info\":{\"theme\":\"theme\",\"living_start\":1586405229,"
                + "\"living_duration\":1800,\"status \":1,\"reserve_start\":1586405239,\"reserve_living_duration\":1600,"
                + "\"description\":\"test description\",\"anchor_userid\":\"zhangsan\",\"main_department\":1,\"viewer_num\":100,"
                + "\"comment_num\":110,\"mic_num\":120,\"open_replay\":1,\"replay_status\":2,\"type\":1,"
                + "\"push_stream_url\":\"https://liveplay.example/push\",\"online_count\":1,\"subscribe_count\":1}}";
        WeComWire.Living.InfoReply reply = decode(WeComWire.Living.InfoReply.class, JACKSON.readTree(documented));
        Session s = WeComMapper.livingSession(reply.livingInfo(), SessionId.of("wecom", SessionKind.LIVE_STREAM, "lv1"));
        assertThat(s.status()).isEqualTo(SessionStatus.LIVE);
        assertThat(s.live().replay()).isTrue();
        assertThat(s.join().hostUrl()).isEqualTo("https://liveplay.example/push");
        assertThat(s.toString()).doesNotContain("liveplay");
    }
}
