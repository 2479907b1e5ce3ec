package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §2.1.2 ({@code reminders}) and checklist §8 item 6 (repeat rules), plus §2.3 sub_meetingid. */
class WeComRecurrenceTest {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Monday 2030-01-07 10:00 in China. */
    static final long MONDAY = LocalDateTime.parse("2030-01-07T10:00:00").atZone(CHINA).toEpochSecond();

    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    ObjectNode repeating(String reminders) {
        ObjectNode m = fake.meeting().put("meeting_start", MONDAY);
        m.set("reminders", WeComFake.obj(reminders));
        return m;
    }

    int create(ObjectNode body) {
        return fake.post("/cgi-bin/meeting/create", body).get("errcode").intValue();
    }

    JsonNode echoed(ObjectNode body) {
        return fake.meetingInfo(fake.createMeeting(body)).get("reminders");
    }

    @Test
    void enumsAreChecked() {
        assertThat(create(repeating("{'is_repeat':2}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':3}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until_type':2}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':1,'is_custom_repeat':1,'repeat_interval':1,'repeat_day_of_week':[8]}")))
                .isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':2,'is_custom_repeat':1,'repeat_interval':1,'repeat_day_of_month':[32]}")))
                .isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':'1'}"))).as("a string where an int is due").isEqualTo(40058);
    }

    @Test
    void onlyWeeklyRecurrenceTakesAnIntervalAndItIsAtMostTwo() {
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':1,'repeat_interval':2}"))).isZero();
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':1,'repeat_interval':3}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_interval':1}"))).as("seed 001 sends 1 for daily").isZero();
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_interval':2}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':1,'repeat_interval':3,'is_custom_repeat':1}"))).isZero();
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':7,'repeat_interval':1,'is_custom_repeat':1}")))
                .as("custom repeat allows daily, weekly, monthly only").isEqualTo(40058);
    }

    @Test
    void countsAreCappedAt200Or50() {
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until_type':1,'repeat_until_count':200}"))).isZero();
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until_type':1,'repeat_until_count':201}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':2,'repeat_until_type':1,'repeat_until_count':50}"))).isZero();
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':2,'repeat_until_type':1,'repeat_until_count':51}"))).isEqualTo(40058);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':1,'repeat_interval':2,'repeat_until_type':1,'repeat_until_count':51}")))
                .as("bi-weekly").isEqualTo(40058);
    }

    @Test
    void anEndBeyondTheMaximumOrNoEndIsReplacedByTheMaximum() {
        long farAway = MONDAY + 3L * 365 * 86400;
        JsonNode daily = echoed(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until':" + farAway + "}"));
        assertThat(daily.get("repeat_until").longValue()).isEqualTo(MONDAY + 199L * 86400);
        JsonNode monthly = echoed(repeating("{'is_repeat':1,'repeat_type':2}"));
        assertThat(Instant.ofEpochSecond(monthly.get("repeat_until").longValue()).atZone(CHINA).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2034-02-07T10:00:00"));
        long soon = MONDAY + 3 * 86400;
        assertThat(echoed(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until':" + soon + "}")).get("repeat_until").longValue())
                .isEqualTo(soon);
        assertThat(create(repeating("{'is_repeat':1,'repeat_type':0,'repeat_until':" + (MONDAY - 1) + "}"))).isEqualTo(40058);
    }

    @Test
    void unsupportedReminderOffsetsBehaveAsZero() {
        JsonNode r = echoed(repeating("{'is_repeat':0,'remind_before':[0,300,120,86400]}"));
        assertThat(r.get("remind_before").toString()).isEqualTo("[0,300,0,86400]");
        assertThat(r.get("is_repeat").intValue()).isZero();
    }

    @Test
    void workdaySeriesSkipWeekendsAndCustomWeeklyAddsTheStartDay() {
        try (WeComFake adv = new WeComFake(WeComFake.T0, Map.of("meeting-api", "advanced"))) {
            ObjectNode workdays = adv.meeting().put("meeting_start", MONDAY);
            workdays.set("reminders", WeComFake.obj("{'is_repeat':1,'repeat_type':7,'repeat_until_type':1,'repeat_until_count':6}"));
            JsonNode subs = adv.meetingInfo(adv.createMeeting(workdays)).get("sub_meetings");
            assertThat(subs).hasSize(6);
            assertThat(subs.get(5).get("start_time").longValue()).as("the next Monday").isEqualTo(MONDAY + 7 * 86400);

            ObjectNode custom = adv.meeting().put("meeting_start", MONDAY);
            custom.set("reminders", WeComFake.obj(
                    "{'is_repeat':1,'repeat_type':1,'is_custom_repeat':1,'repeat_interval':1,'repeat_day_of_week':[3],"
                            + "'repeat_until_type':1,'repeat_until_count':3}"));
            JsonNode info = adv.meetingInfo(adv.createMeeting(custom));
            assertThat(info.get("reminders").get("repeat_day_of_week").toString()).isEqualTo("[1,3]");
            assertThat(info.get("sub_meetings").get(1).get("start_time").longValue()).as("Wednesday").isEqualTo(MONDAY + 2 * 86400);
            assertThat(info.get("meeting_type").intValue()).isEqualTo(1);
        }
    }

    @Test
    void subMeetingidCancelsOneOccurrenceAndNoneCancelsTheSeries() {
        try (WeComFake adv = new WeComFake(WeComFake.T0, Map.of("meeting-api", "advanced"))) {
            ObjectNode daily = adv.meeting().put("meeting_start", MONDAY);
            daily.set("reminders", WeComFake.obj("{'is_repeat':1,'repeat_type':0,'repeat_until_type':1,'repeat_until_count':3}"));
            String id = adv.createMeeting(daily);
            String second = adv.meetingInfo(id).get("sub_meetings").get(1).get("sub_meetingid").textValue();
            JsonNode one = adv.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\",\"sub_meetingid\":\"" + second + "\"}");
            assertThat(one.get("errcode").intValue()).isZero();
            JsonNode info = adv.meetingInfo(id);
            assertThat(info.get("status").intValue()).isEqualTo(1);
            assertThat(info.get("sub_meetings").get(1).get("status").intValue()).isEqualTo(4);
            assertThat(info.get("sub_meetings").get(2).get("status").intValue()).isEqualTo(1);
            assertThat(adv.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\",\"sub_meetingid\":\"123\"}").get("errcode").intValue())
                    .isEqualTo(40058);
            assertThat(adv.post("/cgi-bin/meeting/cancel", "{\"meetingid\":\"" + id + "\"}").get("errcode").intValue()).isZero();
            assertThat(adv.meetingInfo(id).get("status").intValue()).isEqualTo(4);
        }
    }

    /** §2.2: update takes {@code reminders} in create's shape; §2.1.2: {@code is_repeat} 0 is a one-off meeting. */
    @Test
    void anUpdateWithIsRepeat0MakesTheSeriesAOneOffMeeting() {
        try (WeComFake adv = new WeComFake(WeComFake.T0, Map.of("meeting-api", "advanced"))) {
            ObjectNode weekly = adv.meeting().put("meeting_start", MONDAY);
            weekly.set("reminders", WeComFake.obj("{'is_repeat':1,'repeat_type':1,'repeat_until_type':1,'repeat_until_count':3,'remind_before':[900]}"));
            String id = adv.createMeeting(weekly);
            assertThat(adv.meetingInfo(id).get("meeting_type").intValue()).isEqualTo(1);
            JsonNode answer = adv.post("/cgi-bin/meeting/update", "{\"meetingid\":\"" + id + "\",\"reminders\":{\"is_repeat\":0,\"remind_before\":[900]}}");
            assertThat(answer.get("errcode").intValue()).isZero();
            JsonNode info = adv.meetingInfo(id);
            assertThat(info.get("meeting_type").intValue()).isZero();
            assertThat(info.get("reminders").get("is_repeat").intValue()).isZero();
            assertThat(info.get("reminders").get("remind_before").get(0).intValue()).isEqualTo(900);
            assertThat(info.get("meeting_start").longValue()).isEqualTo(MONDAY);
        }
    }
}
