package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §4 (直播), checklist §8 items 15–18, and seed 003. */
class WeComLivingTest {
    static final String SEED_003 = """
            {
             "anchor_userid": "zhangsan",
             "theme": "theme",
             "living_start": 1600000000,
             "living_duration": 3600,
             "description": "test description",
             "type": 4,
             "agentid" : 1000014,
             "remind_time": 60,
             "activity_cover_mediaid": "MEDIA_ID",
             "activity_share_mediaid": "MEDIA_ID",
             "activity_detail":
             {
             "description": "活动描述，非活动类型的直播不用传",
             "image_list": ["MEDIA_ID_1", "MEDIA_ID_2"]
             }
            }""";

    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    int create(ObjectNode body) {
        return fake.post("/cgi-bin/living/create", body).get("errcode").intValue();
    }

    String createLiving(ObjectNode body) {
        JsonNode r = fake.post("/cgi-bin/living/create", body);
        assertThat(r.get("errcode").intValue()).as(r.toString()).isZero();
        return r.get("livingid").textValue();
    }

    @Test
    void seed003IsAcceptedAndGetLivingInfoIsAGetThatWrapsLivingInfo() {
        try (WeComFake f = new WeComFake(Instant.parse("2020-09-01T00:00:00Z"), Map.of())) {
            JsonNode r = f.post("/cgi-bin/living/create", SEED_003);
            assertThat(r.get("errcode").intValue()).as(r.toString()).isZero();
            String id = r.get("livingid").textValue();
            JsonNode info = f.livingInfo(id);
            assertThat(info.get("errcode").intValue()).isZero();
            JsonNode l = info.get("living_info");
            assertThat(l.get("theme").textValue()).isEqualTo("theme");
            assertThat(l.get("living_start").longValue()).isEqualTo(1600000000L);
            assertThat(l.get("living_duration").longValue()).isEqualTo(3600);
            assertThat(l.get("status").intValue()).isZero();
            assertThat(l.get("anchor_userid").textValue()).isEqualTo("zhangsan");
            assertThat(l.get("type").intValue()).isEqualTo(4);
            assertThat(l.get("push_stream_url").textValue()).as("type 4 while reserved").isNotEmpty();
            assertThat(l.has("replay_status")).as("only with open_replay").isFalse();
            JsonNode post = WeComFake.parse(f.send("POST", "/cgi-bin/living/get_living_info?access_token=" + f.token()
                    + "&livingid=" + id, "{}").body());
            assertThat(post.get("errcode").intValue()).isEqualTo(43001);
        }
    }

    @Test
    void createRules() {
        for (String field : List.of("anchor_userid", "theme", "living_start", "living_duration")) {
            ObjectNode l = fake.living();
            l.remove(field);
            assertThat(create(l)).as(field).isEqualTo(40058);
        }
        assertThat(create(fake.living().put("theme", "会".repeat(20)))).isZero();
        assertThat(create(fake.living().put("theme", "会".repeat(21)))).isEqualTo(40058);
        assertThat(create(fake.living().put("description", "会".repeat(100)))).isZero();
        assertThat(create(fake.living().put("description", "会".repeat(101)))).isEqualTo(40058);
        assertThat(create(fake.living().put("type", 5))).isEqualTo(40058);
        assertThat(create(fake.living().put("type", 1))).as("classes need an education corp").isEqualTo(40058);
        assertThat(create(fake.living().put("living_start", fake.now()))).isEqualTo(40058);
        assertThat(create(fake.living().put("living_start", Long.toString(fake.now() + 3600)))).isEqualTo(40058);
        assertThat(create(fake.living().put("anchor_userid", "outsider"))).isEqualTo(50002);
    }

    @Test
    void moreThanFiveImagesAreCutToFive() {
        ObjectNode l = fake.living().put("type", 4);
        var images = l.putObject("activity_detail").putArray("image_list");
        for (int i = 0; i < 7; i++) {
            images.add("M" + i);
        }
        createLiving(l);
        assertThat(fake.sim.sessions()).hasSize(1);
    }

    @Test
    void modifyCountsBytesAndOnlyWhileReserved() {
        String id = createLiving(fake.living());
        String base = "{\"livingid\":\"" + id + "\",";
        assertThat(fake.post("/cgi-bin/living/modify", base + "\"theme\":\"" + "会".repeat(20) + "\"}").get("errcode").intValue()).isZero();
        assertThat(fake.post("/cgi-bin/living/modify", base + "\"theme\":\"" + "x".repeat(61) + "\"}").get("errcode").intValue())
                .isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/living/modify", base + "\"description\":\"" + "会".repeat(101) + "\"}").get("errcode").intValue())
                .isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/living/modify", base + "\"living_duration\":7200,\"anchor_userid\":\"lisi\"}").get("errcode").intValue())
                .isZero();
        JsonNode l = fake.livingInfo(id).get("living_info");
        assertThat(l.get("living_duration").intValue()).isEqualTo(7200);
        assertThat(l.get("anchor_userid").textValue()).as("modify does not take an anchor").isEqualTo("zhangsan");
        fake.clock.advance(Duration.ofMinutes(61));
        assertThat(fake.livingInfo(id).get("living_info").get("status").intValue()).isEqualTo(1);
        assertThat(fake.post("/cgi-bin/living/modify", base + "\"theme\":\"late\"}").get("errcode").intValue()).isEqualTo(40058);
        assertThat(fake.post("/cgi-bin/living/cancel", "{\"livingid\":\"" + id + "\"}").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void statusFollowsTheClockAndCancel() {
        String id = createLiving(fake.living());
        String other = createLiving(fake.living());
        assertThat(fake.post("/cgi-bin/living/cancel", "{\"livingid\":\"" + other + "\"}").get("errcode").intValue()).isZero();
        assertThat(fake.livingInfo(other).get("living_info").get("status").intValue()).isEqualTo(4);
        fake.clock.advance(Duration.ofHours(3));
        assertThat(fake.livingInfo(id).get("living_info").get("status").intValue()).as("nobody went live").isEqualTo(3);
        fake.sim.participantJoins(id, "zhangsan");
        assertThat(fake.livingInfo(id).get("living_info").get("status").intValue()).isEqualTo(2);
        assertThat(fake.livingInfo("nope").get("errcode").intValue()).isEqualTo(40058);
    }

    @Test
    void listingPagesAndTheLastCursorIsEmpty() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(createLiving(fake.living().put("living_start", fake.now() + 3600 * (i + 1))));
        }
        createLiving(fake.living().put("anchor_userid", "lisi"));
        JsonNode first = fake.post("/cgi-bin/living/get_user_all_livingid", "{\"userid\":\"zhangsan\",\"limit\":2}");
        assertThat(first.get("livingid_list")).hasSize(2);
        String cursor = first.get("next_cursor").textValue();
        assertThat(cursor).isNotEmpty();
        JsonNode second = fake.post("/cgi-bin/living/get_user_all_livingid", "{\"userid\":\"zhangsan\",\"limit\":2,\"cursor\":\"" + cursor + "\"}");
        assertThat(second.get("next_cursor").textValue()).isEmpty();
        List<String> seen = new ArrayList<>();
        first.get("livingid_list").forEach(x -> seen.add(x.textValue()));
        second.get("livingid_list").forEach(x -> seen.add(x.textValue()));
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(fake.post("/cgi-bin/living/get_user_all_livingid", "{\"userid\":\"zhangsan\",\"limit\":101}").get("errcode").intValue())
                .isEqualTo(40058);
    }
}
