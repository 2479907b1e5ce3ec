package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Access;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The requests against what shared/specs/wecom.md, "Corrections and confirmations from second sources", says,
 * each through the service against a simulator that enforces that section.
 */
class WeComWireCorrectionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final WeComTestbed bed = new WeComTestbed();
    final SessionService service = bed.service();

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    JsonNode lastBody(Operation operation) throws Exception {
        List<RecordedRequest> all = bed.sim.requests(operation);
        return JSON.readTree(all.get(all.size() - 1).bodyText());
    }

    /** Corrections, first point (doc 98843): title, start_time, end_time, admission_type, playback_for_audience on every update. */
    @Test
    void aWebinarUpdateRestatesEveryFieldTheDocMarksRequired() throws Exception {
        Session s = service.create(bed.draft(SessionKind.WEBINAR).title("发布会").build());
        Session updated = service.update(s.id(), SessionUpdate.builder().description("Agenda").build());
        JsonNode body = lastBody(Operation.UPDATE);
        assertThat(body.get("title").textValue()).isEqualTo("发布会");
        assertThat(body.get("start_time").textValue()).isEqualTo(Long.toString(s.start().getEpochSecond()));
        assertThat(body.get("end_time").textValue()).isEqualTo(Long.toString(s.end().getEpochSecond()));
        assertThat(body.get("admission_type").intValue()).isZero();
        assertThat(body.get("playback_for_audience").booleanValue()).isFalse();
        assertThat(body.has("password")).as("only with admission by password").isFalse();
        assertThat(updated.description()).isEqualTo("Agenda");
        assertThat(service.get(s.id()).title()).isEqualTo("发布会");
    }

    /** The same, for admission by password: the password it holds goes along (doc 98843). */
    @Test
    void aPasswordWebinarUpdateRestatesItsPassword() throws Exception {
        Session s = service.create(bed.draft(SessionKind.WEBINAR).access(Access.PASSWORD).password("2468").build());
        service.update(s.id(), SessionUpdate.builder().title("Renamed").build());
        JsonNode body = lastBody(Operation.UPDATE);
        assertThat(body.get("admission_type").intValue()).isEqualTo(2);
        assertThat(body.get("password").textValue()).isEqualTo("2468");
        assertThat(service.get(s.id()).title()).isEqualTo("Renamed");
    }

    /** Corrections, second point (doc 98860): the get may name the title subject and the mute switch mute_enable_join. */
    @Test
    void aWebinarReadsTheSameWhicheverSpellingTheGetUses() {
        for (String names : List.of("subject", "title", "alternate")) {
            try (WeComTestbed other = new WeComTestbed(WeComTestbed.NOW, Map.of("webinar-get-names", names));
                 SessionService svc = other.service()) {
                Session s = svc.create(other.draft(SessionKind.WEBINAR).title("季度发布")
                        .media(MediaOptions.DEFAULTS.withMuteOnEntry(true)).build());
                for (int i = 0; i < 2; i++) {
                    Session got = svc.get(s.id());
                    assertThat(got.title()).as(names).isEqualTo("季度发布");
                    assertThat(got.media().muteOnEntry()).as(names).isTrue();
                }
            }
        }
    }

    /** Corrections, third point (doc 98154): is_custom_repeat with repeat_day_of_week 1..7 = Mon..Sun and repeat_interval. */
    @Test
    void weeklyOnMondayAndWednesdayIsSentAsACustomRepeat() throws Exception {
        ZonedDateTime monday = ZonedDateTime.parse("2030-03-11T10:00+08:00[Asia/Shanghai]");
        Recurrence rule = Recurrence.parse("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6");
        Session s = service.create(bed.draft(SessionKind.MEETING).start(monday).recurrence(rule).build());
        JsonNode reminders = lastBody(Operation.CREATE).get("reminders");
        assertThat(reminders.get("is_repeat").intValue()).isEqualTo(1);
        assertThat(reminders.get("repeat_type").intValue()).isEqualTo(1);
        assertThat(reminders.get("is_custom_repeat").intValue()).isEqualTo(1);
        assertThat(reminders.get("repeat_interval").intValue()).isEqualTo(1);
        assertThat(reminders.get("repeat_day_of_week").toString()).isEqualTo("[1,3]");
        Session got = service.get(s.id());
        assertThat(got.recurrence().frequency()).isEqualTo(Recurrence.Frequency.WEEKLY);
        assertThat(got.recurrence().daysOfWeek()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(s.recurrence().daysOfWeek()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
    }

    /** The same custom fields give every second week and every three days, which the basic fields cannot say. */
    @Test
    void intervalsBeyondTheBasicFieldsAreCustomRepeats() throws Exception {
        ZonedDateTime monday = ZonedDateTime.parse("2030-03-11T10:00+08:00[Asia/Shanghai]");
        service.create(bed.draft(SessionKind.MEETING).start(monday).recurrence(Recurrence.parse("FREQ=DAILY;INTERVAL=3;COUNT=5")).build());
        JsonNode daily = lastBody(Operation.CREATE).get("reminders");
        assertThat(daily.get("is_custom_repeat").intValue()).isEqualTo(1);
        assertThat(daily.get("repeat_type").intValue()).isZero();
        assertThat(daily.get("repeat_interval").intValue()).isEqualTo(3);
        Session weekly = service.create(bed.draft(SessionKind.MEETING).start(monday)
                .recurrence(Recurrence.parse("FREQ=WEEKLY;INTERVAL=3;BYDAY=MO;COUNT=4")).build());
        assertThat(lastBody(Operation.CREATE).get("reminders").get("repeat_interval").intValue()).isEqualTo(3);
        assertThat(service.get(weekly.id()).recurrence().interval()).isEqualTo(3);
    }

    /** Corrections, "invitees is right; WxJava's attendees is stale" (doc 99104): invitees.userid[]. */
    @Test
    void inviteesGoOutAsInviteesUserid() throws Exception {
        Session s = service.create(bed.draft(SessionKind.MEETING).invitees("lisi", "wangwu").build());
        JsonNode body = lastBody(Operation.CREATE);
        assertThat(body.get("invitees").get("userid").toString()).isEqualTo("[\"lisi\",\"wangwu\"]");
        assertThat(body.has("attendees")).isFalse();
        assertThat(service.get(s.id()).invitees()).containsExactly("lisi", "wangwu");
    }

    /** Corrections, "Cancel one occurrence": without sub_meetingid meeting/cancel cancels the whole series. */
    @Test
    void cancellingARecurringMeetingCancelsTheSeries() throws Exception {
        Session s = service.create(bed.draft(SessionKind.MEETING).recurrence(Recurrence.parse("FREQ=DAILY;COUNT=3")).build());
        service.cancel(s.id());
        assertThat(lastBody(Operation.CANCEL).has("sub_meetingid")).isFalse();
        assertThat(service.get(s.id()).status()).isEqualTo(dev.convene.SessionStatus.CANCELLED);
    }

    /** Corrections, "Join links of a webinar": audience_join_link is the attendees' link, guest_join_link a panel member's. */
    @Test
    void aWebinarsJoinUrlIsTheAudienceLink() {
        Session s = service.create(bed.draft(SessionKind.WEBINAR).build());
        Session got = service.get(s.id());
        for (Session each : List.of(s, got)) {
            assertThat(each.join().joinUrl()).contains("role=audience");
            assertThat(each.join().panelistUrl()).contains("role=guest");
        }
        assertThat(got.join()).isEqualTo(s.join());
    }
}
