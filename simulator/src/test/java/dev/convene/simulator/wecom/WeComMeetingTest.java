package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §2 (预约会议) and checklist §8 items 6–12, plus seed 001. */
class WeComMeetingTest {
    static final String SEED_001 = """
            {
              "admin_userid": "zhangsan",
              "title": "新建会议",
              "meeting_start": 1600000000,
              "meeting_duration": 3600,
              "description": "新建会议描述",
              "location":"广州媒体港",
              "agentid": 1000014,
              "invitees": {"userid": ["lisi", "wangwu"]},
              "settings": {
                "remind_scope": 1,
                "password": "1234",
                "enable_waiting_room": false,
                "allow_enter_before_host": true,
                "enable_enter_mute": 1,
                "enable_screen_watermark": false,
                "hosts": {"userid": ["lisi", "wangwu"]},
                "ring_users": {"userid": ["zhangsan", "lis"]}
              },
              "cal_id": "wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA",
              "reminders": {
                "is_repeat": 1,
                "repeat_type": 0,
                "repeat_until": 1606976813,
                "repeat_interval": 1,
                "remind_before": [0, 900]
              }
            }""";

    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    int create(ObjectNode body) {
        return fake.post("/cgi-bin/meeting/create", body).get("errcode").intValue();
    }

    @Test
    void seed001IsAcceptedAndGetInfoEchoesIt() {
        try (WeComFake f = new WeComFake(Instant.parse("2020-09-01T00:00:00Z"), Map.of())) {
            JsonNode created = f.post("/cgi-bin/meeting/create", SEED_001);
            assertThat(created.get("errcode").intValue()).isZero();
            assertThat(created.has("meeting_code")).as("basic create returns only meetingid").isFalse();
            JsonNode info = f.meetingInfo(created.get("meetingid").textValue());
            assertThat(info.get("errcode").intValue()).isZero();
            assertThat(info.get("title").textValue()).isEqualTo("新建会议");
            assertThat(info.get("meeting_start").isIntegralNumber()).isTrue();
            assertThat(info.get("meeting_start").longValue()).isEqualTo(1600000000L);
            assertThat(info.get("meeting_duration").longValue()).isEqualTo(3600);
            assertThat(info.get("location").textValue()).isEqualTo("广州媒体港");
            assertThat(info.get("status").intValue()).isEqualTo(1);
            assertThat(info.get("cal_id").textValue()).isEqualTo("wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA");
            assertThat(info.get("meeting_code").textValue()).matches("[0-9]{9}");
            assertThat(info.get("settings").get("password").textValue()).isEqualTo("1234");
            assertThat(info.get("settings").get("remind_scope").intValue()).isEqualTo(1);
            assertThat(info.get("settings").get("hosts").get("userid")).hasSize(2);
            assertThat(info.get("reminders").get("repeat_until").longValue()).isEqualTo(1606976813L);
            assertThat(info.get("reminders").get("remind_before").toString()).isEqualTo("[0,900]");
            List<String> members = new ArrayList<>();
            info.get("attendees").get("member").forEach(m -> members.add(m.get("userid").textValue()));
            assertThat(members).containsExactly("zhangsan", "lisi", "wangwu");
        }
    }

    /** Spec wecom.md, corrections: create's field is invitees.userid[]; WxJava's stale attendees is ignored by WeCom. */
    @Test
    void attendeesIsNotAnInviteeField() {
        ObjectNode body = fake.meeting();
        body.putObject("attendees").putArray("userid").add("lisi");
        String id = fake.post("/cgi-bin/meeting/create", body).get("meetingid").textValue();
        List<String> members = new ArrayList<>();
        fake.meetingInfo(id).get("attendees").get("member").forEach(m -> members.add(m.get("userid").textValue()));
        assertThat(members).as("only the admin: attendees invited nobody").doesNotContain("lisi");
    }

    @Test
    void requiredFieldsAreRequired() {
        for (String field : List.of("admin_userid", "title", "meeting_start", "meeting_duration")) {
            ObjectNode body = fake.meeting();
            body.remove(field);
            JsonNode r = fake.post("/cgi-bin/meeting/create", body);
            assertThat(r.get("errcode").intValue()).as(field).isEqualTo(40058);
            assertThat(r.get("errmsg").textValue()).contains(field);
        }
    }

    @Test
    void jsonTypesAreCheckedNotCoerced() {
        ObjectNode startAsString = fake.meeting();
        startAsString.put("meeting_start", Long.toString(fake.now() + 3600));
        assertThat(create(startAsString)).isEqualTo(40058);
        ObjectNode titleAsNumber = fake.meeting();
        titleAsNumber.put("title", 42);
        assertThat(create(titleAsNumber)).isEqualTo(40058);
        ObjectNode passwordAsNumber = fake.meeting();
        passwordAsNumber.putObject("settings").put("password", 1234);
        assertThat(create(passwordAsNumber)).isEqualTo(40058);
        ObjectNode flagAsInt = fake.meeting();
        flagAsInt.putObject("settings").put("enable_waiting_room", 0);
        assertThat(create(flagAsInt)).isEqualTo(40058);
        ObjectNode nullTitle = fake.meeting();
        nullTitle.putNull("title");
        assertThat(create(nullTitle)).isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/meeting/create", "not json").get("errcode").intValue()).isEqualTo(40058);
        assertThat(fake.sim.sessions()).isEmpty();
    }

    @Test
    void titleIsAtMost40BytesOr20Characters() {
        ObjectNode ascii40 = fake.meeting().put("title", "x".repeat(40));
        ObjectNode ascii41 = fake.meeting().put("title", "x".repeat(41));
        ObjectNode chinese20 = fake.meeting().put("title", "会".repeat(20));
        ObjectNode chinese21 = fake.meeting().put("title", "会".repeat(21));
        ObjectNode empty = fake.meeting().put("title", "");
        assertThat(create(ascii40)).isZero();
        assertThat(create(chinese20)).isZero();
        assertThat(create(ascii41)).isEqualTo(40058);
        assertThat(create(chinese21)).isEqualTo(40058);
        assertThat(create(empty)).isEqualTo(40058);
    }

    @Test
    void theAdvancedEditionAllows255CharacterTitlesAndReturnsJoinInfoFromCreate() {
        try (WeComFake adv = new WeComFake(WeComFake.T0, Map.of("meeting-api", "advanced"))) {
            JsonNode r = adv.post("/cgi-bin/meeting/create", adv.meeting().put("title", "会".repeat(255)));
            assertThat(r.get("errcode").intValue()).isZero();
            assertThat(r.get("meeting_code").textValue()).matches("[0-9]{9}");
            assertThat(r.get("meeting_link").textValue()).startsWith("http://127.0.0.1");
            assertThat(adv.post("/cgi-bin/meeting/create", adv.meeting().put("title", "会".repeat(256))).get("errcode").intValue())
                    .isEqualTo(40058);
        }
    }

    @Test
    void startMustBeLaterThanNowAndDurationWithin300To86399() {
        assertThat(create(fake.meeting().put("meeting_start", fake.now()))).isEqualTo(40058);
        assertThat(create(fake.meeting().put("meeting_start", fake.now() + 1))).isZero();
        assertThat(create(fake.meeting().put("meeting_duration", 299))).isEqualTo(40058);
        assertThat(create(fake.meeting().put("meeting_duration", 300))).isZero();
        assertThat(create(fake.meeting().put("meeting_duration", 86399))).isZero();
        assertThat(create(fake.meeting().put("meeting_duration", 86400))).isEqualTo(40058);
    }

    @Test
    void descriptionLocationAndCalIdLimits() {
        assertThat(create(fake.meeting().put("description", "x".repeat(500)))).isZero();
        assertThat(create(fake.meeting().put("description", "会".repeat(167)))).as("501 bytes").isEqualTo(40058);
        assertThat(create(fake.meeting().put("location", "会".repeat(128)))).isZero();
        assertThat(create(fake.meeting().put("location", "x".repeat(129)))).isEqualTo(40058);
        assertThat(create(fake.meeting().put("cal_id", "c".repeat(65)))).isEqualTo(40058);
    }

    @Test
    void settingsRules() {
        for (String pw : List.of("123", "1234567", "12a4", "")) {
            ObjectNode m = fake.meeting();
            m.putObject("settings").put("password", pw);
            assertThat(create(m)).as(pw).isEqualTo(40058);
        }
        ObjectNode six = fake.meeting();
        six.putObject("settings").put("password", "123456");
        assertThat(create(six)).isZero();
        ObjectNode scope = fake.meeting();
        scope.putObject("settings").put("remind_scope", 5);
        assertThat(create(scope)).isEqualTo(40058);
        ObjectNode mute = fake.meeting();
        mute.putObject("settings").put("enable_enter_mute", 3);
        assertThat(create(mute)).isEqualTo(40058);
        ObjectNode record = fake.meeting();
        record.putObject("settings").put("auto_record_type", "tape");
        assertThat(create(record)).isEqualTo(40058);
        ObjectNode attendeeRecord = fake.meeting();
        attendeeRecord.putObject("settings").put("auto_record_type", "local").put("attendee_join_auto_record", true);
        assertThat(create(attendeeRecord)).isEqualTo(40058);
        ObjectNode hostKey = fake.meeting();
        hostKey.putObject("settings").put("host_key", "12345");
        assertThat(create(hostKey)).isEqualTo(40058);
    }

    @Test
    void atMostTenHostsAndTheCreatorIsFilteredOut() {
        for (int i = 0; i < 11; i++) {
            fake.sim.addUser("host" + i);
        }
        ObjectNode eleven = fake.meeting();
        ArrayNode ids = eleven.putObject("settings").putObject("hosts").putArray("userid");
        for (int i = 0; i < 11; i++) {
            ids.add("host" + i);
        }
        assertThat(create(eleven)).isEqualTo(40058);
        ids.remove(10);
        ids.add("zhangsan");
        String id = fake.createMeeting(eleven);
        assertThat(fake.meetingInfo(id).get("settings").get("hosts").get("userid").toString()).doesNotContain("zhangsan");
    }

    @Test
    void everyUseridMustExistAndBeVisible() {
        ObjectNode unknown = fake.meeting();
        unknown.putObject("invitees").putArray("userid").add("lisi").add("nobody");
        assertThat(create(unknown)).isEqualTo(60111);
        ObjectNode invisible = fake.meeting();
        invisible.putObject("invitees").putArray("userid").add("outsider");
        assertThat(create(invisible)).isEqualTo(50002);
        assertThat(create(fake.meeting().put("admin_userid", "nobody"))).isEqualTo(60111);
        ObjectNode host = fake.meeting();
        host.putObject("settings").putObject("hosts").putArray("userid").add("nobody");
        assertThat(create(host)).isEqualTo(60111);
        assertThat(fake.sim.sessions()).isEmpty();
    }

    @Test
    void inviteesCapIs300ForPaidCorpsAnd100Otherwise() {
        for (int i = 0; i < 301; i++) {
            fake.sim.addUser("u" + i);
        }
        ObjectNode body = fake.meeting();
        ArrayNode ids = body.putObject("invitees").putArray("userid");
        for (int i = 0; i < 301; i++) {
            ids.add("u" + i);
        }
        assertThat(create(body)).isEqualTo(40058);
        ids.remove(300);
        assertThat(create(body)).isZero();

        try (WeComFake free = new WeComFake(WeComFake.T0, Map.of("paid-corp", "false"))) {
            ObjectNode small = free.meeting();
            ArrayNode list = small.putObject("invitees").putArray("userid");
            for (int i = 0; i < 101; i++) {
                free.sim.addUser("u" + i);
                list.add("u" + i);
            }
            assertThat(free.post("/cgi-bin/meeting/create", small).get("errcode").intValue()).isEqualTo(40058);
            ObjectNode hosts = free.meeting();
            hosts.putObject("settings").putObject("hosts").putArray("userid").add("lisi");
            assertThat(free.post("/cgi-bin/meeting/create", hosts).get("errcode").intValue()).isEqualTo(40058);
        }
    }

    @Test
    void updateNeedsStartAndDurationTogetherAndClearsOmittedInviteesByDefault() {
        ObjectNode body = fake.meeting();
        body.putObject("invitees").putArray("userid").add("lisi");
        String id = fake.createMeeting(body);
        JsonNode lone = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"meeting_start\":" + (fake.now() + 7200) + "}");
        assertThat(lone.get("errcode").intValue()).isEqualTo(40058);
        JsonNode both = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"meeting_start\":" + (fake.now() + 7200)
                + ",\"meeting_duration\":1800,\"title\":\"Moved\"}");
        assertThat(both.get("errcode").intValue()).isZero();
        JsonNode info = fake.meetingInfo(id);
        assertThat(info.get("title").textValue()).isEqualTo("Moved");
        assertThat(info.get("meeting_duration").intValue()).isEqualTo(1800);
        assertThat(info.get("attendees").get("member")).hasSize(1);
    }

    @Test
    void keepingOmittedInviteesIsASetting() {
        try (WeComFake keep = new WeComFake(WeComFake.T0, Map.of("update-omitted-invitees", "keep"))) {
            ObjectNode body = keep.meeting();
            body.putObject("invitees").putArray("userid").add("lisi");
            String id = keep.createMeeting(body);
            keep.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"title\":\"Renamed\"}");
            assertThat(keep.meetingInfo(id).get("attendees").get("member")).hasSize(2);
        }
    }

    @Test
    void updateValidatesLikeCreateAndChangesNothingOnFailure() {
        String id = fake.createMeeting(fake.meeting());
        JsonNode r = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"title\":\"" + "x".repeat(41) + "\"}");
        assertThat(r.get("errcode").intValue()).isEqualTo(40058);
        assertThat(fake.meetingInfo(id).get("title").textValue()).isEqualTo("Weekly sync");
        JsonNode past = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"meeting_start\":" + (fake.now() - 1)
                + ",\"meeting_duration\":600}");
        assertThat(past.get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void statusFollowsTheClockAndCancelShowsFour() {
        String id = fake.createMeeting(fake.meeting());
        assertThat(fake.meetingInfo(id).get("status").intValue()).isEqualTo(1);
        fake.clock.advance(Duration.ofMinutes(61));
        assertThat(fake.meetingInfo(id).get("status").intValue()).isEqualTo(2);
        fake.clock.advance(Duration.ofHours(1));
        assertThat(fake.meetingInfo(id).get("status").intValue()).as("nobody joined").isEqualTo(5);
        fake.sim.participantJoins(id, "zhangsan");
        assertThat(fake.meetingInfo(id).get("status").intValue()).isEqualTo(3);

        String other = fake.createMeeting(fake.meeting());
        assertThat(fake.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + other + "\"}").get("errcode").intValue()).isZero();
        assertThat(fake.meetingInfo(other).get("status").intValue()).isEqualTo(4);
        assertThat(fake.sim.sessions()).filteredOn(s -> s.nativeId().equals(other)).singleElement()
                .satisfies(s -> assertThat(s.cancelled()).isTrue());
    }

    @Test
    void onlyUpcomingMeetingsMayBeUpdatedOrCancelled() {
        String id = fake.createMeeting(fake.meeting());
        fake.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\"}");
        assertThat(fake.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\"}").get("errcode").intValue()).isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"title\":\"x\"}").get("errcode").intValue())
                .isEqualTo(40058);
        String started = fake.createMeeting(fake.meeting());
        fake.clock.advance(Duration.ofMinutes(90));
        assertThat(fake.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + started + "\"}").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void unknownIdAndWrongStateCodesAreSettings() {
        try (WeComFake f = new WeComFake(WeComFake.T0, Map.of("unknown-id-errcode", "400002", "wrong-state-errcode", "400003"))) {
            assertThat(f.meetingInfo("nope").get("errcode").intValue()).isEqualTo(400002);
            String id = f.createMeeting(f.meeting());
            f.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\"}");
            assertThat(f.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\"}").get("errcode").intValue()).isEqualTo(400003);
        }
    }

    @Test
    void anAppSeesOnlyMeetingsItCreated() {
        String id = fake.createMeeting(fake.meeting());
        Map<String, String> other = fake.sim.propertiesForOtherApp();
        String otherToken = fake.gettoken(other.get("convene.wecom.corp-id"), other.get("convene.wecom.corp-secret"))
                .get("access_token").textValue();
        String byId = "{\"meetingid\":\"" + id + "\"}";
        assertThat(fake.postWith(otherToken, "/cgi-bin/meeting/get_info", byId).get("errcode").intValue()).isEqualTo(40058);
        assertThat(fake.postWith(otherToken, "/cgi-bin/meeting/cancel", byId).get("errcode").intValue()).isEqualTo(40058);
        JsonNode list = fake.postWith(otherToken, "/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\"}");
        assertThat(list.get("meetingid_list")).isEmpty();
        assertThat(fake.meetingInfo(id).get("status").intValue()).isEqualTo(1);
    }

    @Test
    void getInfoAcceptsTheMeetingCodeToo() {
        String id = fake.createMeeting(fake.meeting());
        String code = fake.meetingInfo(id).get("meeting_code").textValue();
        assertThat(fake.post("/cgi-bin/meeting/get_info", "{\"meeting_code\":\"" + code + "\"}").get("title").textValue())
                .isEqualTo("Weekly sync");
        assertThat(fake.post("/cgi-bin/meeting/get_info", "{}").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void listingPagesWithCursorsAndEndsWithAnEmptyCursor() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(fake.createMeeting(fake.meeting().put("meeting_start", fake.now() + 3600 * (i + 1))));
        }
        List<String> seen = new ArrayList<>();
        String cursor = "0";
        int pages = 0;
        do {
            JsonNode page = fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\",\"limit\":2,\"cursor\":\"" + cursor + "\"}");
            assertThat(page.get("errcode").intValue()).isZero();
            page.get("meetingid_list").forEach(x -> seen.add(x.textValue()));
            cursor = page.path("next_cursor").asText("");
            pages++;
        } while (!cursor.isEmpty());
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\",\"limit\":101}").get("errcode").intValue())
                .isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"lisi\"}").get("meetingid_list")).isEmpty();
        assertThat(fake.post("/cgi-bin/meeting/get_user_meetingid", "{}").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void listingSpanIsAtMost180DaysAndFutureMeetingsAreAlwaysListed() {
        long t = fake.now();
        String past = fake.createMeeting(fake.meeting().put("meeting_start", t + 600));
        String future = fake.createMeeting(fake.meeting().put("meeting_start", t + 30 * 86400));
        fake.clock.advance(Duration.ofDays(2));
        JsonNode tooWide = fake.post("/cgi-bin/meeting/get_user_meetingid",
                "{\"userid\":\"zhangsan\",\"begin_time\":" + t + ",\"end_time\":" + (t + 181L * 86400) + "}");
        assertThat(tooWide.get("errcode").intValue()).isEqualTo(40058);
        JsonNode beforePast = fake.post("/cgi-bin/meeting/get_user_meetingid",
                "{\"userid\":\"zhangsan\",\"begin_time\":" + (t - 86400) + ",\"end_time\":" + t + "}");
        assertThat(beforePast.get("meetingid_list").toString()).contains(future).doesNotContain(past);
        JsonNode all = fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\"}");
        assertThat(all.get("meetingid_list").toString()).contains(future).contains(past);
    }

    @Test
    void aBeginTimeAloneSpansToNowAndMayLieAtMost180DaysBack() {
        String id = fake.createMeeting(fake.meeting());
        long now = fake.now();
        JsonNode tooFarBack = fake.post("/cgi-bin/meeting/get_user_meetingid",
                "{\"userid\":\"zhangsan\",\"begin_time\":" + (now - 180L * 86400 - 1) + "}");
        assertThat(tooFarBack.get("errcode").intValue()).isEqualTo(40058);
        assertThat(tooFarBack.get("errmsg").textValue()).contains("begin_time").contains("180 days");
        JsonNode edge = fake.post("/cgi-bin/meeting/get_user_meetingid",
                "{\"userid\":\"zhangsan\",\"begin_time\":" + (now - 180L * 86400) + "}");
        assertThat(edge.get("errcode").intValue()).isZero();
        assertThat(edge.get("meetingid_list").toString()).contains(id);
        JsonNode ahead = fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\",\"begin_time\":" + (now + 60) + "}");
        assertThat(ahead.get("errcode").intValue()).as("a begin after now is no span beyond 180 days").isZero();
        assertThat(ahead.get("meetingid_list").toString()).contains(id);
    }

    @Test
    void inviteesWithoutAMeetingAccountAreNamedInExcessUsersOfAPaidCorp() {
        fake.sim.removeMeetingAccount("wangwu");
        ObjectNode body = fake.meeting();
        body.putObject("invitees").putArray("userid").add("lisi").add("wangwu");
        JsonNode created = fake.post("/cgi-bin/meeting/create", body);
        assertThat(created.get("errcode").intValue()).isZero();
        assertThat(created.get("excess_users").toString()).isEqualTo("[\"wangwu\"]");
        String id = created.get("meetingid").textValue();
        assertThat(fake.meetingInfo(id).get("attendees").get("member").toString()).as("still invited").contains("wangwu");
        JsonNode updated = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"invitees\":{\"userid\":[\"wangwu\"]}}");
        assertThat(updated.get("excess_users").toString()).isEqualTo("[\"wangwu\"]");
        JsonNode withAccounts = fake.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"invitees\":{\"userid\":[\"lisi\"]}}");
        assertThat(withAccounts.get("errcode").intValue()).isZero();
        assertThat(withAccounts.has("excess_users")).isFalse();

        try (WeComFake free = new WeComFake(WeComFake.T0, Map.of("paid-corp", "false"))) {
            free.sim.removeMeetingAccount("wangwu");
            ObjectNode unpaid = free.meeting();
            unpaid.putObject("invitees").putArray("userid").add("wangwu");
            JsonNode r = free.post("/cgi-bin/meeting/create", unpaid);
            assertThat(r.get("errcode").intValue()).isZero();
            assertThat(r.has("excess_users")).as("only paid corps are told").isFalse();
        }
    }

    @Test
    void webinarsAreNotListedWithMeetingsUnlessConfigured() {
        fake.post("/cgi-bin/meeting/webinar/create", fake.webinar());
        assertThat(fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\"}").get("meetingid_list")).isEmpty();
        try (WeComFake f = new WeComFake(WeComFake.T0, Map.of("list-includes-webinars", "true"))) {
            f.post("/cgi-bin/meeting/webinar/create", f.webinar());
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\"}").get("meetingid_list")).hasSize(1);
        }
    }
}
