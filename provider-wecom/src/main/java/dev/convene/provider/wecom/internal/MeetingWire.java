package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Json;
import dev.convene.spi.json.EpochSeconds;
import java.time.Instant;
import java.util.List;

/** {@code /cgi-bin/meeting/*} bodies and answers, exactly as on the wire (spec §2, seed 001). */
final class MeetingWire {
    private MeetingWire() {
    }

    /** WeCom's user list shape {@code {"userid": [...]}}. */
    public record UserIds(List<String> userid) {
    }

    /** {@code settings} of create and update; get_info echoes it with the response-only {@code need_password}. */
    public record Settings(
            @Json(name = "remind_scope") Integer remindScope,
            String password,
            @Json(name = "enable_waiting_room") Boolean enableWaitingRoom,
            @Json(name = "allow_enter_before_host") Boolean allowEnterBeforeHost,
            @Json(name = "enable_enter_mute") Integer enableEnterMute,
            @Json(name = "allow_external_user") Boolean allowExternalUser,
            @Json(name = "enable_screen_watermark") Boolean enableScreenWatermark,
            UserIds hosts,
            @Json(name = "ring_users") UserIds ringUsers,
            @Json(name = "auto_record_type") String autoRecordType,
            @Json(name = "need_password") Boolean needPassword) {

        boolean isEmpty() {
            return equals(new Settings(null, null, null, null, null, null, null, null, null, null, null));
        }

        @Override
        public String toString() {
            return "Settings[password=" + (password == null ? "none" : "****") + ", hosts=" + hosts + "]";
        }
    }

    /** {@code reminders}: recurrence and reminder offsets (spec §2.1.2); the 高级 fields are read, never sent. */
    public record Reminders(
            @Json(name = "is_repeat") Integer isRepeat,
            @Json(name = "repeat_type") Integer repeatType,
            @Json(name = "repeat_until") @EpochSeconds Instant repeatUntil,
            @Json(name = "repeat_interval") Integer repeatInterval,
            @Json(name = "remind_before") List<Integer> remindBefore,
            @Json(name = "is_custom_repeat") Integer isCustomRepeat,
            @Json(name = "repeat_until_type") Integer repeatUntilType,
            @Json(name = "repeat_until_count") Integer repeatUntilCount,
            @Json(name = "repeat_day_of_week") List<Integer> repeatDayOfWeek,
            @Json(name = "repeat_day_of_month") List<Integer> repeatDayOfMonth) {
    }

    public record Create(
            @Json(name = "admin_userid") String adminUserid,
            String title,
            @Json(name = "meeting_start") @EpochSeconds Instant meetingStart,
            @Json(name = "meeting_duration") Long meetingDuration,
            String description,
            String location,
            Integer agentid,
            UserIds invitees,
            Settings settings,
            @Json(name = "cal_id") String calId,
            Reminders reminders) {
    }

    /**
     * create's answer. {@code excess_users} (paid corps only) names invitees without a meeting account: WeCom
     * still invites them, so they stay the session's invitees; the neutral {@code Session} has no field for the
     * account they lack, so the list is read and not passed on.
     */
    public record Created(Integer errcode, String errmsg, String meetingid,
                   @Json(name = "excess_users") List<String> excessUsers,
                   @Json(name = "meeting_code") String meetingCode,
                   @Json(name = "meeting_link") String meetingLink) implements Reply {
    }

    /** update: only meetings not yet started; meeting_start and meeting_duration travel together (spec §2.2). */
    public record Update(
            String meetingid,
            String title,
            @Json(name = "meeting_start") @EpochSeconds Instant meetingStart,
            @Json(name = "meeting_duration") Long meetingDuration,
            String description,
            String location,
            UserIds invitees,
            Settings settings,
            @Json(name = "cal_id") String calId,
            Reminders reminders) {
    }

    /** update's answer: the envelope and {@code excess_users}, as create's (spec §2.2). */
    public record Updated(Integer errcode, String errmsg, @Json(name = "excess_users") List<String> excessUsers) implements Reply {
    }

    /** The body of cancel and get_info. */
    public record Ref(String meetingid) {
    }

    public record Info(
            Integer errcode, String errmsg,
            @Json(name = "admin_userid") String adminUserid,
            String title,
            @Json(name = "meeting_start") @EpochSeconds Instant meetingStart,
            @Json(name = "meeting_duration") Long meetingDuration,
            String description,
            String location,
            @Json(name = "main_department") Integer mainDepartment,
            Integer status,
            Integer agentid,
            @Json(name = "meeting_code") String meetingCode,
            @Json(name = "meeting_link") String meetingLink,
            @Json(name = "cal_id") String calId,
            Attendees attendees,
            Settings settings,
            Reminders reminders) implements Reply {
    }

    public record Attendees(List<Member> member, @Json(name = "tmp_external_user") List<ExternalUser> tmpExternalUser) {
    }

    public record Member(String userid, Integer status,
                  @Json(name = "first_join_time") Long firstJoinTime,
                  @Json(name = "last_quit_time") Long lastQuitTime,
                  @Json(name = "total_join_count") Integer totalJoinCount,
                  @Json(name = "cumulative_time") Long cumulativeTime) {
    }

    public record ExternalUser(@Json(name = "tmp_external_userid") String tmpExternalUserid, Integer status,
                        @Json(name = "first_join_time") Long firstJoinTime,
                        @Json(name = "last_quit_time") Long lastQuitTime,
                        @Json(name = "total_join_count") Integer totalJoinCount,
                        @Json(name = "cumulative_time") Long cumulativeTime) {
    }

    /** get_user_meetingid (spec §2.5). */
    public record UserQuery(String userid, String cursor, Integer limit,
                     @Json(name = "begin_time") @EpochSeconds Instant beginTime,
                     @Json(name = "end_time") @EpochSeconds Instant endTime) {
    }

    public record IdPage(Integer errcode, String errmsg,
                  @Json(name = "next_cursor") String nextCursor,
                  @Json(name = "meetingid_list") List<String> meetingidList) implements Reply {
    }
}
