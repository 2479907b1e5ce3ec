package dev.convene.simulator.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meeting endpoints: seed 002 (create) and spec §3 / checklist items 6–9. */
class TencentMeetingsTest {
    /** 2030-01-01T02:00:00Z, 10:00 in Beijing. */
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

    static String meeting(String extra) {
        return meeting(NOW + HOUR, NOW + 2 * HOUR, extra);
    }

    static String meeting(long start, long end, String extra) {
        return "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"weekly\",\"type\":0,\"start_time\":\"" + start
                + "\",\"end_time\":\"" + end + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    String create(String body) {
        SignedClient.Reply r = client.post("/v1/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.meeting().path("meeting_id").asText();
    }

    SignedClient.Reply get(String id) {
        return client.get("/v1/meetings/" + id + "?userid=tester&instanceid=1");
    }

    void assertInvalid(String body, String messagePart) {
        SignedClient.Reply r = client.post("/v1/meetings", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(190004);
        assertThat(r.message()).contains(messagePart);
    }

    // ---- create ----

    @Test
    void theSeedsExampleRequestIsAcceptedAndAnsweredInTheSeedsShape() {
        clock.set(Instant.ofEpochSecond(1_572_170_000L));
        String seedExample = """
                {
                     "userid" : "tester",
                     "instanceid" : 1,
                     "subject" : "tester's meeting",
                     "type" : 0,
                     "hosts" : ["tester"],
                     "invitees" : ["test1", "guest1", "guest2"],
                     "start_time" : "1572172200",
                     "end_time" : "1572175800",
                     "password" : "1111",
                     "enable_host_key":true,
                     "host_key":"168168",
                     "user_non_registered":["test1","test2"],
                     "settings" : {
                        "mute_enable_type_join":2,
                        "allow_unmute_self":false,
                        "mute_all": false,
                        "play_ivr_on_leave": false,
                        "play_ivr_on_join": false,
                        "allow_in_before_host":true,
                        "auto_in_waiting_room":false,
                        "allow_screen_shared_watermark":false,
                        "only_enterprise_user_allowed":false
                     },
                     "meeting_type":1,
                     "recurring_rule":{
                        "recurring_type":0,
                        "until_type":1,
                        "until_count":7,
                        "until_date":1600682957
                     },
                     "enable_live": true,
                     "live_config": {
                        "live_subject":"test_subject",
                        "live_summary":"test_summary",
                        "enable_live_password": true,
                        "live_password":"1234",
                        "enable_live_im": true,
                        "enable_live_replay": true
                        }
                }""";
        SignedClient.Reply r = client.post("/v1/meetings", seedExample);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("meeting_number").asInt()).isEqualTo(1);
        JsonNode m = r.meeting();
        assertThat(m.path("meeting_id").asText()).matches("\\d{15,20}");
        assertThat(m.path("meeting_code").asText()).matches("\\d{9}");
        assertThat(m.path("subject").asText()).isEqualTo("tester's meeting");
        assertThat(m.path("password").asText()).isEqualTo("1111");
        assertThat(m.path("host_key").asText()).isEqualTo("168168");
        assertThat(m.path("start_time").isTextual()).isTrue();
        assertThat(m.path("start_time").asText()).isEqualTo("1572172200");
        assertThat(m.path("hosts").get(0).asText()).isEqualTo("tester");
        assertThat(m.path("participants")).hasSize(3);
        assertThat(m.path("join_url").asText()).startsWith("https://");
        assertThat(m.path("enable_live").asBoolean()).isTrue();
        assertThat(m.path("live_config").path("live_addr").asText()).startsWith("https://");
        assertThat(m.path("live_config").size()).as("only live_addr is returned on create").isEqualTo(1);
    }

    @Test
    void userObjectsAreAcceptedForHostsAndInviteesAsTheSeedsTableDeclares() {
        String id = create(meeting("\"hosts\":[{\"userid\":\"test1\",\"is_anonymous\":false}],\"invitees\":[{\"userid\":\"test2\"}]"));
        JsonNode m = get(id).meeting();
        assertThat(m.path("hosts").get(0).asText()).isEqualTo("test1");
        assertThat(m.path("participants").get(0).asText()).isEqualTo("test2");
    }

    @Test
    void requiredFieldsAreChecked() {
        assertInvalid("{\"userid\":\"tester\",\"instanceid\":1,\"type\":0,\"start_time\":\"1893466800\",\"end_time\":\"1893470400\"}",
                "subject");
        assertInvalid("{\"userid\":\"tester\",\"subject\":\"s\",\"type\":0,\"start_time\":\"1893466800\",\"end_time\":\"1893470400\"}",
                "instanceid");
        assertInvalid("{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"s\",\"start_time\":\"1893466800\",\"end_time\":\"1893470400\"}",
                "type");
        assertInvalid(meeting("").replace(",\"end_time\":\"" + (NOW + 2 * HOUR) + "\"", ""), "end_time");
    }

    @Test
    void jsonTypesAreCheckedLikeTheVendorsGoBackend() {
        assertInvalid(meeting("").replace("\"start_time\":\"" + (NOW + HOUR) + "\"", "\"start_time\":" + (NOW + HOUR)),
                "cannot unmarshal number into Go struct field start_time of type string");
        assertInvalid(meeting("").replace("\"instanceid\":1", "\"instanceid\":\"1\""),
                "cannot unmarshal string into Go struct field instanceid");
        assertInvalid(meeting("\"enable_live\":\"true\""), "enable_live");
        assertInvalid(meeting("\"password\":1234"), "password");
        assertInvalid(meeting("").replace("\"" + (NOW + HOUR) + "\"", "\"tomorrow\""), "start_time");
    }

    @Test
    void malformedJsonIsAnUnmarshalError() {
        assertInvalid("{\"userid\":\"tester\",}", "failed to unmarshal req body");
        assertInvalid("", "failed to unmarshal req body");
        assertInvalid("[1,2]", "failed to unmarshal req body");
    }

    @Test
    void timesMustBeOrderedAndAScheduledMeetingCannotStartInThePast() {
        assertInvalid(meeting(NOW + HOUR, NOW + HOUR, ""), "end_time");
        assertInvalid(meeting(NOW - 60, NOW + HOUR, ""), "start_time");
    }

    @Test
    void aQuickMeetingStartsWhenItIsCreated() {
        String id = create(meeting(NOW + 5 * HOUR, NOW + 6 * HOUR, "").replace("\"type\":0", "\"type\":1"));
        assertThat(get(id).meeting().path("start_time").asText()).isEqualTo(Long.toString(NOW));
    }

    @Test
    void passwordIsFourToSixDigits() {
        assertInvalid(meeting("\"password\":\"123\""), "password");
        assertInvalid(meeting("\"password\":\"1234567\""), "password");
        assertInvalid(meeting("\"password\":\"12a4\""), "password");
        create(meeting("\"password\":\"123456\""));
    }

    @Test
    void hostKeyIsSixDigitsAndAssignedWhenEnabledWithoutOne() {
        assertInvalid(meeting("\"enable_host_key\":true,\"host_key\":\"12345\""), "host_key");
        SignedClient.Reply r = client.post("/v1/meetings", meeting("\"enable_host_key\":true"));
        assertThat(r.meeting().path("host_key").asText()).matches("\\d{6}");
    }

    @Test
    void atMostThreeHundredInvitees() {
        String three = IntStream.range(0, 300).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
        SignedClient.Reply ok = client.post("/v1/meetings", meeting("\"invitees\":[" + three + "]"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.meeting().path("user_non_registered")).hasSize(300);
        assertInvalid(meeting("\"invitees\":[" + three + ",\"u300\"]"), "invitees");
    }

    @Test
    void unknownCreatorsAndHostsAreUnregisteredUsers() {
        SignedClient.Reply r = client.post("/v1/meetings", meeting("").replace("\"tester\"", "\"nobody\""));
        assertThat(r.errorCode()).isEqualTo(190001);
        assertThat(client.post("/v1/meetings", meeting("\"hosts\":[\"nobody\"]")).errorCode()).isEqualTo(190001);
    }

    @Test
    void livePasswordIsRequiredWhenEnabled() {
        assertInvalid(meeting("\"enable_live\":true,\"live_config\":{\"enable_live_password\":true}"), "live_password");
        create(meeting("\"enable_live\":true,\"live_config\":{\"enable_live_password\":true,\"live_password\":\"x1\"}"));
    }

    @Test
    void settingsEnumsAreChecked() {
        assertInvalid(meeting("\"settings\":{\"mute_enable_type_join\":3}"), "mute_enable_type_join");
        assertInvalid(meeting("\"settings\":{\"only_user_join_type\":0}"), "only_user_join_type");
        assertInvalid(meeting("\"settings\":{\"auto_record_type\":\"tape\"}"), "auto_record_type");
    }

    @Test
    void subjectIsAtMost512BytesAndLocationAtMost18ChineseCharacters() {
        assertInvalid(meeting("").replace("weekly", "周".repeat(171)), "subject");
        create(meeting("").replace("weekly", "周".repeat(170)));
        assertInvalid(meeting("\"location\":\"" + "会".repeat(19) + "\""), "location");
        create(meeting("\"location\":\"" + "a".repeat(36) + "\""));
    }

    // ---- recurrence ----

    @Test
    void recurringMeetingsNeedARuleAndCannotBeQuick() {
        assertInvalid(meeting("\"meeting_type\":1"), "recurring_rule");
        assertInvalid(meeting("\"meeting_type\":1,\"recurring_rule\":{}").replace("\"type\":0", "\"type\":1"), "quick");
    }

    @Test
    void dailyRulesAllow200SubMeetingsAndMonthlyRules50() {
        create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":200}"));
        assertInvalid(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":201}"), "until_count");
        create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":4,\"until_type\":1,\"until_count\":50}"));
        assertInvalid(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":3,\"until_type\":1,\"until_count\":51}"), "until_count");
    }

    @Test
    void anEndDateMayNotImplyMoreSubMeetingsThanTheLimit() {
        // Seed 002: "第一场会议开始时间为1609430400，则结束日期时间戳不能超过1609430400 + 200 × 24 × 60 × 60 - 1".
        long start = NOW + HOUR;
        String ok = "\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":0,\"until_date\":" + (start + 200 * 86400L - 1) + "}";
        String tooFar = "\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":0,\"until_date\":" + (start + 200 * 86400L) + "}";
        create(meeting(start, start + HOUR, ok));
        assertInvalid(meeting(start, start + HOUR, tooFar), "until_date");
    }

    @Test
    void weeklyCustomRulesListTheirSubMeetings() {
        // 2030-01-01 is a Tuesday; every 3 weeks on Monday and Tuesday (doc 1095/81181 example: days 6 = 2^1 + 2^2).
        String id = create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"until_type\":1,\"until_count\":4,"
                + "\"customized_recurring_type\":1,\"customized_recurring_step\":3,\"customized_recurring_days\":6}"));
        JsonNode m = get(id).meeting();
        List<Long> starts = new ArrayList<>();
        m.path("sub_meetings").forEach(s -> starts.add(s.path("start_time").asLong()));
        long first = NOW + HOUR;
        long day = 86400;
        // Tue 1 Jan, then Mon 21 Jan + Tue 22 Jan, then Mon 11 Feb.
        assertThat(starts).containsExactly(first, first + 20 * day, first + 21 * day, first + 41 * day);
        assertThat(m.path("recurring_rule").path("customized_recurring_days").asInt()).isEqualTo(6);
        assertThat(m.path("remain_sub_meetings").asInt()).isEqualTo(4);
    }

    @Test
    void customDaysMustIncludeTheFirstMeetingsDate() {
        // 2030-01-01 is a Tuesday (bit 2); Monday only (2) does not include it.
        assertInvalid(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"customized_recurring_type\":1,"
                + "\"customized_recurring_days\":2}"), "recurring_days no include firstStartTime");
        // Month by date: the 1st is bit 0.
        create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"until_type\":1,\"until_count\":3,"
                + "\"customized_recurring_type\":3,\"customized_recurring_days\":1}"));
        // Month by week: Tuesday (4) of the first week (128).
        create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"until_type\":1,\"until_count\":3,"
                + "\"customized_recurring_type\":2,\"customized_recurring_days\":132}"));
        assertInvalid(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"customized_recurring_type\":2,"
                + "\"customized_recurring_days\":260}"), "recurring_days no include firstStartTime");
    }

    @Test
    void monthByWeekFollowsTheNthWeekday() {
        String id = create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"until_type\":1,\"until_count\":3,"
                + "\"customized_recurring_type\":2,\"customized_recurring_step\":1,\"customized_recurring_days\":132}"));
        List<String> dates = new ArrayList<>();
        get(id).meeting().path("sub_meetings").forEach(s -> dates.add(
                Instant.ofEpochSecond(s.path("start_time").asLong()).toString().substring(0, 10)));
        assertThat(dates).containsExactly("2030-01-01", "2030-02-05", "2030-03-05");
    }

    // ---- query and status ----

    @Test
    void statusFollowsTheClockAndWhoIsIn() {
        String id = create(meeting(""));
        assertThat(get(id).meeting().path("status").asText()).isEqualTo("MEETING_STATE_INIT");
        clock.advance(Duration.ofMinutes(90));
        assertThat(get(id).meeting().path("status").asText()).as("past start, nobody in").isEqualTo("MEETING_STATE_INIT");
        sim.participantJoins(id, "tester");
        assertThat(get(id).meeting().path("status").asText()).isEqualTo("MEETING_STATE_STARTED");
        sim.hostEnds(id);
        assertThat(get(id).meeting().path("status").asText()).isEqualTo("MEETING_STATE_ENDED");

        String empty = create(meeting(NOW + 3 * HOUR, NOW + 4 * HOUR, ""));
        clock.advance(Duration.ofHours(5));
        assertThat(get(empty).meeting().path("status").asText()).isEqualTo("MEETING_STATE_NULL");
        clock.advance(Duration.ofDays(31));
        assertThat(get(empty).meeting().path("status").asText()).isEqualTo("MEETING_STATE_RECYCLED");
    }

    @Test
    void queryByIdReturnsTheMeetingObjectOfSection32() {
        String id = create(meeting("\"password\":\"4321\",\"enable_live\":true,\"live_config\":{\"live_subject\":\"s\"},\"time_zone\":\"Asia/Shanghai\""));
        SignedClient.Reply r = get(id);
        JsonNode m = r.meeting();
        assertThat(r.json().path("meeting_number").asInt()).isEqualTo(1);
        assertThat(m.path("meeting_id").asText()).isEqualTo(id);
        assertThat(m.path("type").asInt()).isZero();
        assertThat(m.path("meeting_type").asInt()).isZero();
        assertThat(m.path("live_config").path("live_subject").asText()).isEqualTo("s");
        assertThat(m.path("live_config").path("live_addr").asText()).startsWith("https://");
        assertThat(m.path("time_zone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(m.has("need_password")).as("the creator needs no password").isFalse();
        assertThat(client.get("/v1/meetings/" + id + "?userid=test1&instanceid=1").meeting().path("need_password").asBoolean()).isTrue();
    }

    @Test
    void queryNeedsInstanceIdAndAUserOrOperator() {
        String id = create(meeting(""));
        assertThat(client.get("/v1/meetings/" + id + "?userid=tester").errorCode()).isEqualTo(190004);
        assertThat(client.get("/v1/meetings/" + id + "?instanceid=1").errorCode()).isEqualTo(190004);
        assertThat(client.get("/v1/meetings/" + id + "?operator_id=tester&operator_id_type=1&instanceid=1").status()).isEqualTo(200);
    }

    @Test
    void anUnknownMeetingIs9003WithStatus500() {
        SignedClient.Reply r = get("1234567890123456789");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(9003);
    }

    @Test
    void queryByCodeSharesTheListPath() {
        String code = client.post("/v1/meetings", meeting("")).meeting().path("meeting_code").asText();
        SignedClient.Reply r = client.get("/v1/meetings?meeting_code=" + code + "&userid=tester&instanceid=1");
        assertThat(r.meeting().path("meeting_code").asText()).isEqualTo(code);
        assertThat(client.get("/v1/meetings?meeting_code=12&userid=tester&instanceid=1").errorCode()).isEqualTo(190004);
    }

    // ---- list ----

    @Test
    void listPagesHoldTwentyAndTheCursorWalksAllWithoutLoss() {
        // 25 meetings sharing one start time: only (pos, cursory) together can page them.
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            created.add(create(meeting("")));
        }
        SignedClient.Reply first = client.get("/v1/meetings?userid=tester&instanceid=1");
        assertThat(first.json().path("meeting_number").asInt()).isEqualTo(20);
        assertThat(first.json().path("remaining").asInt()).isEqualTo(5);
        long pos = first.json().path("next_pos").asLong();
        long cursory = first.json().path("next_cursory").asLong();
        assertThat(pos).isEqualTo(NOW + HOUR);
        SignedClient.Reply second = client.get("/v1/meetings?userid=tester&instanceid=1&pos=" + pos + "&cursory=" + cursory);
        assertThat(second.json().path("meeting_number").asInt()).isEqualTo(5);
        assertThat(second.json().path("remaining").asInt()).isZero();
        Set<String> seen = new HashSet<>();
        first.json().path("meeting_info_list").forEach(m -> seen.add(m.path("meeting_id").asText()));
        second.json().path("meeting_info_list").forEach(m -> seen.add(m.path("meeting_id").asText()));
        assertThat(seen).isEqualTo(created);
        assertThat(first.json().path("meeting_info_list").get(0).path("join_meeting_role").asText()).isEqualTo("creator");
        // §3.4: the page size is fixed at 20; the list takes no size, so a page_size asked for changes nothing.
        for (String size : List.of("5", "50")) {
            SignedClient.Reply sized = client.get("/v1/meetings?userid=tester&instanceid=1&page_size=" + size);
            assertThat(sized.json().path("meeting_number").asInt()).as("page_size=" + size).isEqualTo(20);
            assertThat(sized.json().path("remaining").asInt()).isEqualTo(5);
        }
    }

    @Test
    void withoutCursoryMeetingsSharingTheBoundaryStartRepeat() {
        for (int i = 0; i < 21; i++) {
            create(meeting(""));
        }
        SignedClient.Reply first = client.get("/v1/meetings?userid=tester&instanceid=1");
        long pos = first.json().path("next_pos").asLong();
        SignedClient.Reply again = client.get("/v1/meetings?userid=tester&instanceid=1&pos=" + pos);
        // §3.4: "items with equal start time may repeat across pages — dedupe by meeting_id; use cursory together with pos".
        assertThat(again.json().path("meeting_number").asInt()).isEqualTo(20);
    }

    @Test
    void listShowsOnlyUpcomingAndInProgressMeetingsOfTheUser() {
        String mine = create(meeting(""));
        String cancelled = create(meeting(""));
        client.post("/v1/meetings/" + cancelled + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        String invited = create(meeting("\"invitees\":[\"test1\"]"));
        String past = create(meeting(NOW, NOW + 600, ""));
        clock.advance(Duration.ofMinutes(20));

        List<String> tester = ids(client.get("/v1/meetings?userid=tester&instanceid=1"));
        assertThat(tester).containsExactlyInAnyOrder(mine, invited).doesNotContain(cancelled, past);
        SignedClient.Reply test1 = client.get("/v1/meetings?userid=test1&instanceid=1");
        assertThat(ids(test1)).containsExactly(invited);
        assertThat(test1.json().path("meeting_info_list").get(0).path("join_meeting_role").asText()).isEqualTo("invitee");
    }

    @Test
    void posDefaultsToTodaysBeijingMidnight() {
        // Clock: 10:00 Beijing. A meeting starting at 07:00 Beijing that is still running is "today";
        // pos after its start excludes it.
        clock.set(Instant.ofEpochSecond(NOW - 3 * HOUR - 60));
        String early = create(meeting(NOW - 3 * HOUR, NOW + 3 * HOUR, ""));
        clock.set(Instant.ofEpochSecond(NOW));
        assertThat(ids(client.get("/v1/meetings?userid=tester&instanceid=1"))).containsExactly(early);
        assertThat(ids(client.get("/v1/meetings?userid=tester&instanceid=1&pos=" + (NOW - HOUR)))).isEmpty();
    }

    static List<String> ids(SignedClient.Reply r) {
        List<String> out = new ArrayList<>();
        r.json().path("meeting_info_list").forEach(m -> out.add(m.path("meeting_id").asText()));
        return out;
    }

    // ---- modify ----

    @Test
    void modifyIsPartial() {
        String id = create(meeting("\"password\":\"1234\",\"hosts\":[\"tester\",\"test1\"],\"location\":\"A\""));
        SignedClient.Reply r = client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"renamed\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.meeting().path("meeting_id").asText()).isEqualTo(id);
        JsonNode m = get(id).meeting();
        assertThat(m.path("subject").asText()).isEqualTo("renamed");
        assertThat(m.path("password").asText()).isEqualTo("1234");
        assertThat(m.path("hosts")).hasSize(2);
        assertThat(m.path("location").asText()).isEqualTo("A");
        assertThat(m.path("start_time").asText()).isEqualTo(Long.toString(NOW + HOUR));
    }

    @Test
    void hostsGivenToAModifyMustIncludeTheUseridThatModifies() {
        String id = create(meeting("\"hosts\":[\"test1\"]"));
        SignedClient.Reply without = client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"hosts\":[\"test2\"]}");
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.errorCode()).isEqualTo(190004);
        assertThat(without.message()).contains("hosts").contains("userid");
        assertThat(get(id).meeting().path("hosts").toString()).as("unchanged").contains("test1").doesNotContain("test2");
        SignedClient.Reply with = client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"hosts\":[\"tester\",\"test2\"]}");
        assertThat(with.status()).as(with.toString()).isEqualTo(200);
        assertThat(get(id).meeting().path("hosts")).hasSize(2);
    }

    @Test
    void emptyListsClearAndAnEmptyPasswordRemovesIt() {
        String id = create(meeting("\"password\":\"1234\",\"hosts\":[\"test1\"]"));
        client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"password\":\"\",\"hosts\":[]}");
        JsonNode m = get(id).meeting();
        assertThat(m.has("password")).isFalse();
        assertThat(m.path("hosts")).isEmpty();
    }

    @Test
    void onlyTheCreatorOrAnAdminMayModify() {
        String id = create(meeting(""));
        SignedClient.Reply r = client.put("/v1/meetings/" + id, "{\"userid\":\"test1\",\"instanceid\":1,\"subject\":\"x\"}");
        assertThat(r.errorCode()).isEqualTo(9102);
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"admin\",\"instanceid\":1,\"subject\":\"x\"}").status()).isEqualTo(200);
    }

    @Test
    void modifyChecksTheSameRulesAsCreate() {
        String id = create(meeting(""));
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"end_time\":\"" + NOW + "\"}").errorCode())
                .isEqualTo(190004);
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"password\":\"12\"}").errorCode())
                .isEqualTo(190004);
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"enable_live\":true,"
                + "\"live_config\":{\"enable_live_password\":true}}").errorCode()).isEqualTo(190004);
        // §3.5: until_count 1–50 on modify.
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"meeting_type\":1,"
                + "\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":51}}").errorCode()).isEqualTo(190004);
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"meeting_type\":1,"
                + "\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":50}}").status()).isEqualTo(200);
        assertThat(get(id).meeting().path("sub_meetings")).hasSize(50);
    }

    @Test
    void modifyingACancelledMeetingIs9007AndAQuickMeetingCannotBeModified() {
        String id = create(meeting(""));
        client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"x\"}").errorCode()).isEqualTo(9007);
        String quick = create(meeting("").replace("\"type\":0", "\"type\":1"));
        assertThat(client.put("/v1/meetings/" + quick, "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"x\"}").errorCode()).isEqualTo(190004);
    }

    @Test
    void enablingLiveOnModifyGivesALiveAddress() {
        String id = create(meeting(""));
        SignedClient.Reply r = client.put("/v1/meetings/" + id, "{\"userid\":\"tester\",\"instanceid\":1,\"enable_live\":true}");
        assertThat(r.meeting().path("live_config").path("live_addr").asText()).startsWith("https://");
        assertThat(sim.sessions()).extracting(StoredSession::kind).containsExactly("live_stream");
    }

    // ---- cancel ----

    @Test
    void cancelAnswersAnEmptyObjectAndASecondCancelIs9007() {
        String id = create(meeting(""));
        SignedClient.Reply r = client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isObject() && r.json().isEmpty()).isTrue();
        assertThat(get(id).meeting().path("status").asText()).isEqualTo("MEETING_STATE_CANCELLED");
        SignedClient.Reply again = client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(again.status()).isEqualTo(500);
        assertThat(again.errorCode()).isEqualTo(9007);
        assertThat(sim.sessions().get(0).cancelled()).isTrue();
    }

    @Test
    void cancelByANonCreatorIs403With9042() {
        String id = create(meeting(""));
        SignedClient.Reply r = client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"test1\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.errorCode()).isEqualTo(9042);
    }

    @Test
    void aStartedMeetingCannotBeCancelledAndAnEndedOneIs13603() {
        String started = create(meeting(""));
        sim.participantJoins(started, "tester");
        SignedClient.Reply r = client.post("/v1/meetings/" + started + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(13602);

        String ended = create(meeting(NOW, NOW + 60, ""));
        clock.advance(Duration.ofMinutes(2));
        assertThat(client.post("/v1/meetings/" + ended + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}").errorCode())
                .isEqualTo(13603);
    }

    @Test
    void cancelNeedsAReasonCodeAndAnExistingMeeting() {
        String id = create(meeting(""));
        assertThat(client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1}").errorCode()).isEqualTo(190004);
        assertThat(client.post("/v1/meetings/42/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}").errorCode()).isEqualTo(9003);
        assertThat(client.post("/v1/meetings/abc/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}").errorCode()).isEqualTo(9002);
    }

    /** Issue 13, "Simulator use from the command line": ids differ from one start to the next, and repeat for the same seed. */
    @Test
    void idsDifferBetweenStartsUnlessTheSeedIsTheSame() {
        List<String> ids = new ArrayList<>();
        for (SimulatorOptions o : List.of(SimulatorOptions.defaults(), SimulatorOptions.defaults(),
                SimulatorOptions.defaults().withSeed(7), SimulatorOptions.defaults().withSeed(7))) {
            try (TencentMeetingSimulator s = new TencentMeetingSimulator(o.withClock(clock))) {
                SignedClient c = new SignedClient(s.baseUrl(), clock, s.appId(), s.secretId(), s.properties().get("convene.tencentmeeting.secret-key"));
                SignedClient.Reply r = c.post("/v1/meetings", meeting(""));
                ids.add(r.meeting().path("meeting_id").asText() + "/" + r.meeting().path("meeting_code").asText());
            }
        }
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(ids.get(2)).isEqualTo(ids.get(3));
        assertThat(ids).allMatch(id -> id.matches("[0-9]{19}/[0-9]{9}"));
    }

    /** Spec tencentmeeting.md, corrections (doc 42422): a recurring series is cancelled with meeting_type 1 and no sub_meeting_id. */
    @Test
    void cancellingARecurringSeriesSaysMeetingType1() {
        String id = create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":3}"));
        SignedClient.Reply plain = client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1}");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.errorCode()).isEqualTo(190004);
        assertThat(plain.json().path("error_info").path("message").asText()).contains("meeting_type");
        assertThat(client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1,"
                + "\"meeting_type\":1}").status()).isEqualTo(200);
        assertThat(get(id).meeting().path("status").asText()).isEqualTo("MEETING_STATE_CANCELLED");
    }

    /** Spec tencentmeeting.md, corrections: time_zone is a zone name (seed 002's Oracle ids), never an offset. */
    @Test
    void timeZoneMustBeAZoneNameNotAnOffset() {
        for (String offset : List.of("+08:00", "Z", "UTC+8", "GMT-05:00")) {
            assertInvalid(meeting("\"time_zone\":\"" + offset + "\""), "time_zone");
        }
        create(meeting("\"time_zone\":\"America/New_York\""));
        create(meeting("\"time_zone\":\"UTC\""));
    }

    @Test
    void cancellingOneSubMeetingKeepsTheSeries() {
        String id = create(meeting("\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":0,\"until_type\":1,\"until_count\":2}"));
        String second = get(id).meeting().path("sub_meetings").get(1).path("sub_meeting_id").asText();
        assertThat(client.post("/v1/meetings/" + id + "/cancel", "{\"userid\":\"tester\",\"instanceid\":1,\"reason_code\":1,"
                + "\"meeting_type\":1,\"sub_meeting_id\":\"" + second + "\"}").status()).isEqualTo(200);
        JsonNode m = get(id).meeting();
        assertThat(m.path("status").asText()).isEqualTo("MEETING_STATE_INIT");
        assertThat(m.path("remain_sub_meetings").asInt()).isEqualTo(1);
    }

    @Test
    void aHugeCustomStepEndsTheSeriesAtTheEndOfTheCalendarInsteadOfDroppingTheConnection() {
        // Found by the reliability fuzzing: a stored series with a step of 2^31-1 days and 200 meetings made every later
        // recurring create overflow the calendar while counting active series, and the connection was dropped.
        String rule = "\"meeting_type\":1,\"recurring_rule\":{\"recurring_type\":5,\"until_type\":1,\"until_count\":200,"
                + "\"customized_recurring_type\":0,\"customized_recurring_step\":2147483647}";
        create(meeting(rule));
        create(meeting(rule.replace("2147483647", "2")));
    }
}
