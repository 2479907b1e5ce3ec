package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Json;
import dev.convene.spi.json.EpochSecondsString;
import dev.convene.spi.json.ZeroOneBoolean;
import java.time.Instant;
import java.util.List;

/** {@code /cgi-bin/meeting/webinar/*} bodies and answers (spec §3, seed 000). Times are numeric strings here. */
final class WebinarWire {
    private WebinarWire() {
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
            return "WebinarWire.Create[" + title + ", " + startTime + "–" + endTime + ", admission " + admissionType + "]";
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
