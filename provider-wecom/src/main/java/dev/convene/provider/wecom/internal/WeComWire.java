package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Json;
import dev.convene.spi.json.EpochSeconds;
import dev.convene.spi.json.EpochSecondsString;
import dev.convene.spi.json.ZeroOneBoolean;
import java.time.Instant;
import java.util.List;

/**
 * WeCom's JSON exactly as on the wire: the bodies and answers of {@code gettoken} (spec §1), {@code meeting/*}
 * (spec §2, seed 001), {@code meeting/webinar/*} (spec §3, seed 000; times are numeric strings there) and
 * {@code living/*} (spec §4, seed 003). Records are public because Moshi reads only public records.
 */
final class WeComWire {
    private WeComWire() {
    }

    /** WeCom's envelope: every answer is HTTP 200 and carries {@code errcode} (0 = success) and {@code errmsg}. */
    interface Reply {
        Integer errcode();

        String errmsg();

        /** An answer with nothing but the envelope (webinar update, cancels, living modify). */
        record Bare(Integer errcode, String errmsg) implements Reply {
        }
    }

    /** {@code GET /cgi-bin/gettoken?corpid=…&corpsecret=…} (spec §1). */
    public record Token(Integer errcode, String errmsg,
                        @Json(name = "access_token") String accessToken,
                        @Json(name = "expires_in") Long expiresIn) implements Reply {

        @Override
        public String toString() {
            return "Token[errcode=" + errcode + ", expires_in=" + expiresIn + "]";
        }
    }

    /** {@code /cgi-bin/meeting/*} (spec §2, seed 001). */
    static final class Meeting {
        private Meeting() {
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

    /** {@code /cgi-bin/meeting/webinar/*} (spec §3, seed 000). Times are numeric strings here. */
    static final class Webinar {
        private Webinar() {
        }

        public record Host(String userid) {
        }

        public record MediaSetting(
                @Json(name = "enable_enter_mute") Boolean enableEnterMute,
                @Json(name = "allow_unmute_self") Boolean allowUnmuteSelf,
                @Json(name = "allow_enter_before_host") Boolean allowEnterBeforeHost,
                @Json(name = "enable_screen_watermark") Boolean enableScreenWatermark,
                @Json(name = "watermark_type") Integer watermarkType,
                @Json(name = "allow_external_user") Boolean allowExternalUser,
                @Json(name = "auto_record_type") String autoRecordType,
                @Json(name = "attendee_join_auto_record") Boolean attendeeJoinAutoRecord,
                @Json(name = "enable_host_pause_auto_record") Boolean enableHostPauseAutoRecord,
                // webinar/get's example spells enable_enter_mute so (spec, corrections); never sent.
                @Json(name = "mute_enable_join") Boolean muteEnableJoin) {

            boolean isEmpty() {
                return equals(new MediaSetting(null, null, null, null, null, null, null, null, null, null));
            }

            /** Entry mute as get reports it, under either name. */
            Boolean muteOnEntry() {
                return enableEnterMute != null ? enableEnterMute : muteEnableJoin;
            }
        }

        public record Create(
                @Json(name = "admin_userid") String adminUserid,
                String title,
                String sponsor,
                @Json(name = "start_time") @EpochSecondsString Instant startTime,
                @Json(name = "end_time") @EpochSecondsString Instant endTime,
                @Json(name = "admission_type") Integer admissionType,
                List<Host> hosts,
                String password,
                @Json(name = "cover_url") String coverUrl,
                String description,
                @Json(name = "enable_guest_invite_link") Boolean enableGuestInviteLink,
                @Json(name = "media_setting") MediaSetting mediaSetting,
                @Json(name = "enable_qa") Boolean enableQa,
                @Json(name = "sensitive_words") List<String> sensitiveWords,
                @Json(name = "enable_manual_check") Boolean enableManualCheck,
                @Json(name = "activity_page") Boolean activityPage,
                @Json(name = "display_number_of_attendees") @ZeroOneBoolean Boolean displayNumberOfAttendees,
                @Json(name = "playback_for_audience") Boolean playbackForAudience,
                @Json(name = "preparation_mode") Boolean preparationMode) {

            @Override
            public String toString() {
                return "Webinar.Create[" + title + ", " + startTime + "–" + endTime + ", admission " + admissionType + "]";
            }
        }

        public record Created(Integer errcode, String errmsg, String title, String meetingid,
                       @Json(name = "meeting_code") String meetingCode,
                       @Json(name = "start_time") @EpochSecondsString Instant startTime,
                       @Json(name = "end_time") @EpochSecondsString Instant endTime,
                       @Json(name = "admission_type") Integer admissionType,
                       String password,
                       @Json(name = "audience_join_link") String audienceJoinLink,
                       @Json(name = "guest_join_link") String guestJoinLink,
                       @Json(name = "manual_check_link") String manualCheckLink,
                       @Json(name = "manual_check_password") String manualCheckPassword) implements Reply {
        }

        /**
         * update: the meeting id, the fields doc 98843 marks required (title, start_time, end_time, admission_type,
         * playback_for_audience, and the password with admission 2: restated from a get when unchanged, spec
         * corrections), and any of create's optional fields.
         */
        public record Update(
                String meetingid,
                String title,
                String sponsor,
                @Json(name = "start_time") @EpochSecondsString Instant startTime,
                @Json(name = "end_time") @EpochSecondsString Instant endTime,
                @Json(name = "admission_type") Integer admissionType,
                List<Host> hosts,
                String password,
                @Json(name = "cover_url") String coverUrl,
                String description,
                @Json(name = "enable_guest_invite_link") Boolean enableGuestInviteLink,
                @Json(name = "media_setting") MediaSetting mediaSetting,
                @Json(name = "enable_qa") Boolean enableQa,
                @Json(name = "sensitive_words") List<String> sensitiveWords,
                @Json(name = "enable_manual_check") Boolean enableManualCheck,
                @Json(name = "activity_page") Boolean activityPage,
                @Json(name = "display_number_of_attendees") @ZeroOneBoolean Boolean displayNumberOfAttendees,
                @Json(name = "playback_for_audience") Boolean playbackForAudience,
                @Json(name = "preparation_mode") Boolean preparationMode) {
        }

        /** cancel sends the id; get takes the id or the meeting code (the id wins). */
        public record Ref(String meetingid, @Json(name = "meeting_code") String meetingCode) {
        }

        /** The documented state words; anything new reads as UNKNOWN. */
        public enum State {
            MEETING_STATE_INVALID, MEETING_STATE_INIT, MEETING_STATE_CANCELLED, MEETING_STATE_STARTED,
            MEETING_STATE_ENDED, MEETING_STATE_ABOUT_TO_START, MEETING_STATE_RECYCLED, UNKNOWN
        }

        public record Info(
                Integer errcode, String errmsg,
                String meetingid,
                @Json(name = "meeting_code") String meetingCode,
                String title,
                // Doc 98860's table names the title so, its example title (spec, corrections): either may come.
                String subject,
                State status,
                String sponsor,
                @Json(name = "start_time") @EpochSecondsString Instant startTime,
                @Json(name = "end_time") @EpochSecondsString Instant endTime,
                @Json(name = "admission_type") Integer admissionType,
                List<Host> hosts,
                String password,
                @Json(name = "cover_url") String coverUrl,
                String description,
                @Json(name = "enable_guest_invite_link") Boolean enableGuestInviteLink,
                @Json(name = "audience_join_link") String audienceJoinLink,
                @Json(name = "guest_join_link") String guestJoinLink,
                @Json(name = "media_setting") MediaSetting mediaSetting,
                @Json(name = "enable_qa") Boolean enableQa,
                @Json(name = "manual_check_link") String manualCheckLink,
                @Json(name = "manual_check_password") String manualCheckPassword,
                @Json(name = "activity_page") Boolean activityPage,
                @Json(name = "display_number_of_attendees") @ZeroOneBoolean Boolean displayNumberOfAttendees,
                @Json(name = "playback_for_audience") Boolean playbackForAudience,
                @Json(name = "playback_url") String playbackUrl,
                @Json(name = "preparation_mode") Boolean preparationMode,
                @Json(name = "warm_up_picture") String warmUpPicture,
                @Json(name = "warm_up_video") String warmUpVideo,
                @Json(name = "allow_attendees_invite_others") Boolean allowAttendeesInviteOthers) implements Reply {
        }
    }

    /** {@code /cgi-bin/living/*} (spec §4, seed 003). */
    static final class Living {
        private Living() {
        }

        public record ActivityDetail(String description, @Json(name = "image_list") List<String> imageList) {
        }

        public record Create(
                @Json(name = "anchor_userid") String anchorUserid,
                String theme,
                @Json(name = "living_start") @EpochSeconds Instant livingStart,
                @Json(name = "living_duration") Long livingDuration,
                String description,
                Integer type,
                Integer agentid,
                @Json(name = "remind_time") Long remindTime,
                @Json(name = "activity_cover_mediaid") String activityCoverMediaid,
                @Json(name = "activity_share_mediaid") String activityShareMediaid,
                @Json(name = "activity_detail") ActivityDetail activityDetail) {
        }

        public record Created(Integer errcode, String errmsg, String livingid) implements Reply {
        }

        /** modify: only reserved livings, and only these fields (spec §4.2). */
        public record Modify(
                String livingid,
                String theme,
                @Json(name = "living_start") @EpochSeconds Instant livingStart,
                @Json(name = "living_duration") Long livingDuration,
                Integer type,
                String description,
                @Json(name = "remind_time") Long remindTime) {
        }

        public record Ref(String livingid) {
        }

        /** get_living_info wraps the living in {@code living_info} (spec §4.4). */
        public record InfoReply(Integer errcode, String errmsg, @Json(name = "living_info") Info livingInfo) implements Reply {
        }

        public record Info(
                String theme,
                @Json(name = "living_start") @EpochSeconds Instant livingStart,
                @Json(name = "living_duration") Long livingDuration,
                Integer status,
                /* The official example spells the key with a trailing space; read it too. */
                @Json(name = "status ") Integer statusWithTrailingSpace,
                @Json(name = "reserve_start") @EpochSeconds Instant reserveStart,
                @Json(name = "reserve_living_duration") Long reserveLivingDuration,
                String description,
                @Json(name = "anchor_userid") String anchorUserid,
                @Json(name = "main_department") Integer mainDepartment,
                @Json(name = "viewer_num") Integer viewerNum,
                @Json(name = "comment_num") Integer commentNum,
                @Json(name = "mic_num") Integer micNum,
                @Json(name = "open_replay") Integer openReplay,
                @Json(name = "replay_status") Integer replayStatus,
                Integer type,
                @Json(name = "push_stream_url") String pushStreamUrl,
                @Json(name = "online_count") Integer onlineCount,
                @Json(name = "subscribe_count") Integer subscribeCount) {

            Integer effectiveStatus() {
                return status != null ? status : statusWithTrailingSpace;
            }
        }

        public record UserQuery(String userid, String cursor, Integer limit) {
        }

        public record IdPage(Integer errcode, String errmsg,
                      @Json(name = "next_cursor") String nextCursor,
                      @Json(name = "livingid_list") List<String> livingidList) implements Reply {
        }
    }
}
