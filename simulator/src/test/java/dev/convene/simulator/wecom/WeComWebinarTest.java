package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3 (网络研讨会), checklist §8 items 13–14, and seed 000. */
class WeComWebinarTest {
    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    int create(ObjectNode body) {
        return fake.post("/cgi-bin/meeting/webinar/create", body).get("errcode").intValue();
    }

    String createWebinar(ObjectNode body) {
        JsonNode r = fake.post("/cgi-bin/meeting/webinar/create", body);
        assertThat(r.get("errcode").intValue()).as(r.toString()).isZero();
        return r.get("meetingid").textValue();
    }

    JsonNode get(String id) {
        return fake.post("/cgi-bin/meeting/webinar/get", "{\"meetingid\":\"" + id + "\"}");
    }

    /** Seed 000's request with its placeholders made valid (cloud recording, since playback is on). */
    ObjectNode seedLike() {
        ObjectNode w = WeComFake.obj("""
                {'admin_userid':'USERID','title':'TITLE','sponsor':'SPONSOR','admission_type':0,
                 'hosts':[{'userid':'USERID'}],'password':'PASSWORD','cover_url':'URL','description':'description',
                 'enable_guest_invite_link':false,
                 'media_setting':{'enable_enter_mute':false,'allow_unmute_self':false,'allow_enter_before_host':false,
                   'enable_screen_watermark':false,'watermark_type':0,'allow_external_user':false,'auto_record_type':'cloud',
                   'attendee_join_auto_record':false,'enable_host_pause_auto_record':false},
                 'enable_qa':false,'sensitive_words':['WORD1'],'enable_manual_check':false,'activity_page':false,
                 'display_number_of_attendees':0,'playback_for_audience':true,'preparation_mode':false}""");
        w.put("activity_page", true);
        w.put("start_time", Long.toString(fake.now() + 86400));
        w.put("end_time", Long.toString(fake.now() + 90000));
        return w;
    }

    @Test
    void seed000ShapeIsAcceptedAndAnsweredWithStringTimesAndLinks() {
        JsonNode r = fake.post("/cgi-bin/meeting/webinar/create", seedLike());
        assertThat(r.get("errcode").intValue()).as(r.toString()).isZero();
        assertThat(r.get("title").textValue()).isEqualTo("TITLE");
        assertThat(r.get("start_time").isTextual()).isTrue();
        assertThat(r.get("start_time").textValue()).isEqualTo(Long.toString(fake.now() + 86400));
        assertThat(r.get("admission_type").intValue()).isZero();
        assertThat(r.get("meeting_code").textValue()).matches("[0-9]{9}");
        assertThat(r.get("audience_join_link").textValue()).startsWith("http://127.0.0.1");
        assertThat(r.get("guest_join_link").textValue()).startsWith("http://127.0.0.1");
        assertThat(r.has("password")).as("a password only matters for admission_type 2").isFalse();
        assertThat(r.has("manual_check_link")).isFalse();
    }

    @Test
    void timesMustBeNumericStrings() {
        ObjectNode numbers = fake.webinar();
        numbers.put("start_time", fake.now() + 86400);
        assertThat(create(numbers)).isEqualTo(40058);
        ObjectNode letters = fake.webinar().put("end_time", "tomorrow");
        assertThat(create(letters)).isEqualTo(40058);
        ObjectNode admissionString = fake.webinar().put("admission_type", "0");
        assertThat(create(admissionString)).isEqualTo(40058);
    }

    @Test
    void requiredFieldsAndOrderOfTimes() {
        for (String field : List.of("admin_userid", "title", "start_time", "end_time", "admission_type", "playback_for_audience")) {
            ObjectNode w = fake.webinar();
            w.remove(field);
            assertThat(create(w)).as(field).isEqualTo(40058);
        }
        assertThat(create(fake.webinar().put("end_time", fake.webinar().get("start_time").textValue()))).isEqualTo(40058);
    }

    @Test
    void startMustBeHalfAnHourAheadByDefaultAndTheReadingIsASetting() {
        assertThat(create(fake.webinar().put("start_time", Long.toString(fake.now() + 1799)))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("start_time", Long.toString(fake.now() + 1800)))).isZero();
        try (WeComFake lenient = new WeComFake(WeComFake.T0, Map.of("webinar-start-min-offset-seconds", "-1800"))) {
            ObjectNode w = lenient.webinar().put("start_time", Long.toString(lenient.now() - 600));
            assertThat(lenient.post("/cgi-bin/meeting/webinar/create", w).get("errcode").intValue()).isZero();
        }
    }

    @Test
    void titleSponsorAndWordLimits() {
        assertThat(create(fake.webinar().put("title", "会".repeat(255)))).isZero();
        assertThat(create(fake.webinar().put("title", "会".repeat(256)))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("title", ""))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("sponsor", "x".repeat(40)))).isZero();
        assertThat(create(fake.webinar().put("sponsor", "x".repeat(41)))).isEqualTo(40058);
        ObjectNode longWord = fake.webinar();
        longWord.putArray("sensitive_words").add("词".repeat(11));
        assertThat(create(longWord)).isEqualTo(40058);
        ObjectNode tooMany = fake.webinar();
        ArrayNode words = tooMany.putArray("sensitive_words");
        for (int i = 0; i < 51; i++) {
            words.add("w" + i);
        }
        assertThat(create(tooMany)).isEqualTo(40058);
    }

    @Test
    void passwordAdmissionNeedsAFourToSixDigitPassword() {
        assertThat(create(fake.webinar().put("admission_type", 2))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("admission_type", 2).put("password", "12a4"))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("admission_type", 3))).isEqualTo(40058);
        String id = createWebinar(fake.webinar().put("admission_type", 2).put("password", "246810"));
        assertThat(get(id).get("password").textValue()).isEqualTo("246810");
    }

    @Test
    void playbackNeedsCloudRecording() {
        assertThat(create(fake.webinar().put("playback_for_audience", true))).isEqualTo(40058);
        ObjectNode cloud = fake.webinar().put("playback_for_audience", true);
        cloud.putObject("media_setting").put("auto_record_type", "cloud");
        assertThat(create(cloud)).isZero();
        ObjectNode pauseWithoutCloud = fake.webinar();
        pauseWithoutCloud.putObject("media_setting").put("auto_record_type", "local").put("enable_host_pause_auto_record", true);
        assertThat(create(pauseWithoutCloud)).isEqualTo(40058);
    }

    @Test
    void activityPageFieldsNeedTheActivityPage() {
        assertThat(create(fake.webinar().put("activity_page", false).put("description", "about"))).isEqualTo(40058);
        assertThat(create(fake.webinar().put("description", "about"))).isZero();
        assertThat(create(fake.webinar().put("description", "x".repeat(5001)))).isEqualTo(40058);
    }

    @Test
    void getAnswersByIdOrCodeWithTheStringStatus() {
        String id = createWebinar(seedLike());
        JsonNode w = get(id);
        assertThat(w.get("errcode").intValue()).isZero();
        assertThat(w.get("status").textValue()).isEqualTo("MEETING_STATE_INIT");
        assertThat(w.get("end_time").isTextual()).isTrue();
        assertThat(w.get("hosts").get(0).get("userid").textValue()).isEqualTo("USERID");
        assertThat(w.get("media_setting").get("auto_record_type").textValue()).isEqualTo("cloud");
        assertThat(w.get("sponsor").textValue()).isEqualTo("SPONSOR");
        String code = w.get("meeting_code").textValue();
        JsonNode byCode = fake.post("/cgi-bin/meeting/webinar/get", "{\"meeting_code\":\"" + code + "\"}");
        assertThat(byCode.get("meetingid").textValue()).isEqualTo(id);
        JsonNode bothIdWins = fake.post("/cgi-bin/meeting/webinar/get", "{\"meetingid\":\"" + id + "\",\"meeting_code\":\"000\"}");
        assertThat(bothIdWins.get("errcode").intValue()).isZero();
        assertThat(fake.post("/cgi-bin/meeting/webinar/get", "{}").get("errcode").intValue()).isEqualTo(40058);
        assertThat(get("nope").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void hostsDefaultToTheAdmin() {
        String id = createWebinar(fake.webinar());
        assertThat(get(id).get("hosts").toString()).isEqualTo("[{\"userid\":\"zhangsan\"}]");
    }

    @Test
    void statusFollowsTheClock() {
        String id = createWebinar(fake.webinar());
        fake.clock.advance(Duration.ofHours(25));
        assertThat(get(id).get("status").textValue()).isEqualTo("MEETING_STATE_ABOUT_TO_START");
        fake.sim.participantJoins(id, "zhangsan");
        assertThat(get(id).get("status").textValue()).isEqualTo("MEETING_STATE_STARTED");
        fake.clock.advance(Duration.ofHours(2));
        assertThat(get(id).get("status").textValue()).isEqualTo("MEETING_STATE_ENDED");
        String unattended = createWebinar(fake.webinar());
        fake.clock.advance(Duration.ofHours(27));
        assertThat(get(unattended).get("status").textValue()).isEqualTo("MEETING_STATE_RECYCLED");
    }

    /** The fields doc 98843 marks required, restated on every update (spec wecom.md, corrections). */
    ObjectNode restated(String id, String title) {
        ObjectNode u = WeComFake.obj("{'admission_type':0,'playback_for_audience':false}");
        u.put("meetingid", id).put("title", title);
        u.put("start_time", Long.toString(fake.now() + 86400));
        u.put("end_time", Long.toString(fake.now() + 86400 + 7200));
        return u;
    }

    @Test
    void updateMergesAndOnlyWhileUpcoming() {
        String id = createWebinar(fake.webinar());
        JsonNode ok = fake.post("/cgi-bin/meeting/webinar/update", restated(id, "New").set("hosts", WeComFake.obj("{'a':[{'userid':'lisi'}]}").get("a")));
        assertThat(ok.get("errcode").intValue()).as(ok.toString()).isZero();
        JsonNode w = fake.post("/cgi-bin/meeting/webinar/get", "{\"meetingid\":\"" + id + "\"}");
        assertThat(w.path("title").asText(w.path("subject").asText())).isEqualTo("New");
        assertThat(w.get("admission_type").intValue()).isZero();
        assertThat(w.get("hosts").toString()).as("hosts are overwritten").isEqualTo("[{\"userid\":\"lisi\"}]");
        assertThat(fake.post("/cgi-bin/meeting/webinar/cancel", "{\"meetingid\":\"" + id + "\"}").get("errcode").intValue()).isZero();
        assertThat(get(id).get("status").textValue()).isEqualTo("MEETING_STATE_CANCELLED");
        assertThat(fake.post("/cgi-bin/meeting/webinar/cancel", "{\"meetingid\":\"" + id + "\"}").get("errcode").intValue())
                .isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/meeting/webinar/update", restated(id, "Late")).get("errcode").intValue()).isEqualTo(40058);
    }

    /**
     * Spec wecom.md, "Corrections and confirmations" (doc 98843): title, start_time, end_time, admission_type and
     * playback_for_audience are required on every update, and the password when admission is by password; an
     * update lacking any is refused with 40058 naming the field.
     */
    @Test
    void updateLackingARequiredFieldIsRefusedNamingIt() {
        String id = createWebinar(fake.webinar());
        for (String field : List.of("title", "start_time", "end_time", "admission_type", "playback_for_audience")) {
            ObjectNode u = restated(id, "New");
            u.remove(field);
            JsonNode r = fake.post("/cgi-bin/meeting/webinar/update", u);
            assertThat(r.get("errcode").intValue()).as(field).isEqualTo(40058);
            assertThat(r.get("errmsg").textValue()).as(field).contains(field);
        }
        ObjectNode byPassword = restated(id, "New").put("admission_type", 2);
        JsonNode noPassword = fake.post("/cgi-bin/meeting/webinar/update", byPassword);
        assertThat(noPassword.get("errcode").intValue()).isEqualTo(40058);
        assertThat(noPassword.get("errmsg").textValue()).contains("password");
        assertThat(fake.post("/cgi-bin/meeting/webinar/update", byPassword.put("password", "1234")).get("errcode").intValue()).isZero();
    }

    /** Spec wecom.md, corrections (doc 98860): get may say subject for title and mute_enable_join for enable_enter_mute. */
    @Test
    void getSpellsTheTitleAndMuteSwitchEitherWay() {
        try (WeComFake table = new WeComFake(WeComFake.T0, Map.of("webinar-get-names", "subject"));
             WeComFake create = new WeComFake(WeComFake.T0, Map.of("webinar-get-names", "title"))) {
            for (WeComFake f : List.of(table, create)) {
                ObjectNode body = f.webinar();
                body.putObject("media_setting").put("enable_enter_mute", true);
                String id = f.post("/cgi-bin/meeting/webinar/create", body).get("meetingid").textValue();
                JsonNode w = f.post("/cgi-bin/meeting/webinar/get", "{\"meetingid\":\"" + id + "\"}");
                String titleKey = f == table ? "subject" : "title";
                String muteKey = f == table ? "mute_enable_join" : "enable_enter_mute";
                assertThat(w.get(titleKey).textValue()).isEqualTo("Launch");
                assertThat(w.has(f == table ? "title" : "subject")).isFalse();
                assertThat(w.get("media_setting").get(muteKey).booleanValue()).isTrue();
            }
        }
        String id = createWebinar(fake.webinar());
        assertThat(get(id).has("title")).as("by default the spellings alternate").isTrue();
        assertThat(get(id).has("subject")).isTrue();
    }

    /** Issue 13, "Simulator use from the command line": ids differ from one start to the next, and repeat for the same seed. */
    @Test
    void idsDifferBetweenStartsUnlessTheSeedIsTheSame() {
        List<String> ids = new java.util.ArrayList<>();
        for (String seed : new String[] {null, null, "7", "7"}) {
            try (WeComFake f = seed == null ? new WeComFake() : new WeComFake(WeComFake.T0, Map.of(), Long.parseLong(seed))) {
                JsonNode r = f.post("/cgi-bin/meeting/webinar/create", f.webinar());
                ids.add(r.get("meetingid").textValue() + "/" + r.get("meeting_code").textValue());
            }
        }
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(ids.get(2)).isEqualTo(ids.get(3));
    }

    @Test
    void thereIsNoWebinarListEndpoint() {
        assertThat(fake.send("POST", "/cgi-bin/meeting/webinar/list?access_token=" + fake.token(), "{}").statusCode()).isEqualTo(404);
    }
}
