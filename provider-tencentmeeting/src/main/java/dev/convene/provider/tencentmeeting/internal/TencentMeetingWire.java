package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Types;
import dev.convene.spi.json.EpochSecondsString;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tencent Meeting wire format, field for field (seed 002, spec §2–4). Every field is nullable so
 * that what is not set is not sent (Moshi omits nulls), which is also how partial modifies work.
 * Meeting timestamps travel as strings of seconds; {@code instanceid} and the enums as numbers.
 */
public final class TencentMeetingWire {
    private TencentMeetingWire() {
    }

    /** Body of {@code POST /v1/meetings} and {@code PUT /v1/meetings/{id}} (the latter without {@code type}). */
    public record MeetingRequest(
            String userid,
            Integer instanceid,
            String subject,
            Integer type,
            List<UserObj> hosts,
            List<UserObj> invitees,
            @Json(name = "start_time") @EpochSecondsString Instant startTime,
            @Json(name = "end_time") @EpochSecondsString Instant endTime,
            String password,
            @Json(name = "enable_host_key") Boolean enableHostKey,
            @Json(name = "host_key") String hostKey,
            Settings settings,
            @Json(name = "meeting_type") Integer meetingType,
            @Json(name = "recurring_rule") RecurringRule recurringRule,
            @Json(name = "enable_live") Boolean enableLive,
            @Json(name = "live_config") LiveConfig liveConfig,
            @Json(name = "time_zone") String timeZone,
            String location) {
    }

    /** "用户对象 UserObj" of seed 002. */
    public record UserObj(String userid) {
    }

    /** "会议媒体参数配置对象" of seed 002, plus the spec §3.1 additions. */
    public record Settings(
            @Json(name = "mute_enable_type_join") Integer muteEnableTypeJoin,
            @Json(name = "mute_enable_join") Boolean muteEnableJoin,
            @Json(name = "allow_unmute_self") Boolean allowUnmuteSelf,
            @Json(name = "mute_all") Boolean muteAll,
            @Json(name = "play_ivr_on_leave") Boolean playIvrOnLeave,
            @Json(name = "play_ivr_on_join") Boolean playIvrOnJoin,
            @Json(name = "allow_in_before_host") Boolean allowInBeforeHost,
            @Json(name = "auto_in_waiting_room") Boolean autoInWaitingRoom,
            @Json(name = "allow_screen_shared_watermark") Boolean allowScreenSharedWatermark,
            @Json(name = "water_mark_type") Integer waterMarkType,
            @Json(name = "only_enterprise_user_allowed") Boolean onlyEnterpriseUserAllowed,
            @Json(name = "only_user_join_type") Integer onlyUserJoinType,
            @Json(name = "auto_record_type") String autoRecordType,
            @Json(name = "allow_multi_device") Boolean allowMultiDevice) {
    }

    /** "周期性会议 recurring_rule" of seed 002; {@code until_date} is a plain number of seconds. */
    public record RecurringRule(
            @Json(name = "recurring_type") Integer recurringType,
            @Json(name = "until_type") Integer untilType,
            @Json(name = "until_date") Long untilDate,
            @Json(name = "until_count") Integer untilCount,
            @Json(name = "customized_recurring_type") Integer customizedRecurringType,
            @Json(name = "customized_recurring_step") Integer customizedRecurringStep,
            @Json(name = "customized_recurring_days") Integer customizedRecurringDays) {
    }

    /** "直播配置 live_config" of seed 002; answers carry {@code live_addr}, the audience link. */
    public record LiveConfig(
            @Json(name = "live_subject") String liveSubject,
            @Json(name = "live_summary") String liveSummary,
            @Json(name = "enable_live_password") Boolean enableLivePassword,
            @Json(name = "live_password") String livePassword,
            @Json(name = "enable_live_im") Boolean enableLiveIm,
            @Json(name = "enable_live_replay") Boolean enableLiveReplay,
            @Json(name = "live_addr") String liveAddr) {
    }

    /** The answer of create, query, list and modify: {@code meeting_info_list} plus list paging. */
    public record MeetingList(
            @Json(name = "meeting_number") Integer meetingNumber,
            Integer remaining,
            @Json(name = "next_pos") Long nextPos,
            @Json(name = "next_cursory") Long nextCursory,
            @Json(name = "meeting_info_list") List<MeetingInfo> meetingInfoList) {
    }

    /** The meeting object of spec §3.2 (query) and seed 002 (create output). */
    public record MeetingInfo(
            String subject,
            @Json(name = "meeting_id") String meetingId,
            @Json(name = "meeting_code") String meetingCode,
            String password,
            MeetingState status,
            Integer type,
            @Json(name = "meeting_type") Integer meetingType,
            @Json(name = "join_url") String joinUrl,
            @Json(name = "start_time") @EpochSecondsString Instant startTime,
            @Json(name = "end_time") @EpochSecondsString Instant endTime,
            @UserIds List<String> hosts,
            @UserIds List<String> participants,
            Settings settings,
            @Json(name = "enable_live") Boolean enableLive,
            @Json(name = "live_config") LiveConfig liveConfig,
            @Json(name = "host_key") String hostKey,
            @Json(name = "time_zone") String timeZone,
            String location,
            @Json(name = "recurring_rule") RecurringRule recurringRule,
            @Json(name = "sub_meetings") List<SubMeeting> subMeetings,
            @Json(name = "join_meeting_role") String joinMeetingRole) {
    }

    /** Spec §3.7; a value we do not know reads as {@code UNKNOWN}. */
    public enum MeetingState {
        @Json(name = "MEETING_STATE_INVALID") INVALID,
        @Json(name = "MEETING_STATE_INIT") INIT,
        @Json(name = "MEETING_STATE_CANCELLED") CANCELLED,
        @Json(name = "MEETING_STATE_STARTED") STARTED,
        @Json(name = "MEETING_STATE_ENDED") ENDED,
        @Json(name = "MEETING_STATE_NULL") NULL,
        @Json(name = "MEETING_STATE_RECYCLED") RECYCLED,
        @Json(name = "MEETING_STATE_ABOUT_TO_START") ABOUT_TO_START,
        UNKNOWN
    }

    /** One occurrence of a recurring meeting; its {@code status} integers are undocumented. */
    public record SubMeeting(
            @Json(name = "sub_meeting_id") String subMeetingId,
            Integer status,
            @Json(name = "start_time") @EpochSecondsString Instant startTime,
            @Json(name = "end_time") @EpochSecondsString Instant endTime) {
    }

    /**
     * Body of the two cancel endpoints; {@code reason_code} is the caller's own. {@code meeting_type} is 1 for a
     * recurring meeting (doc 42422, spec corrections); without {@code sub_meeting_id} the whole series goes.
     */
    public record CancelRequest(
            String userid,
            Integer instanceid,
            @Json(name = "reason_code") Integer reasonCode,
            @Json(name = "reason_detail") String reasonDetail,
            @Json(name = "meeting_type") Integer meetingType) {
    }

    /** Body of {@code POST /v1/webinars} and {@code PUT /v1/webinars/{id}} (spec §4). */
    public record WebinarRequest(
            String userid,
            Integer instanceid,
            String subject,
            String sponsor,
            @Json(name = "start_time") @EpochSecondsString Instant startTime,
            @Json(name = "end_time") @EpochSecondsString Instant endTime,
            @Json(name = "time_zone") String timeZone,
            @Json(name = "admission_type") Integer admissionType,
            List<UserObj> hosts,
            String password,
            String description,
            @Json(name = "activity_page") Boolean activityPage) {
    }

    /** A webinar as create and query answer it (shape UNCONFIRMED in the spec; WeCom's mirror names the links). */
    public record WebinarInfo(
            @Json(name = "meeting_id") String meetingId,
            @Json(name = "meeting_code") String meetingCode,
            String subject,
            MeetingState status,
            String sponsor,
            @Json(name = "start_time") @EpochSecondsString Instant startTime,
            @Json(name = "end_time") @EpochSecondsString Instant endTime,
            @Json(name = "time_zone") String timeZone,
            @Json(name = "admission_type") Integer admissionType,
            @UserIds List<String> hosts,
            String password,
            String description,
            @Json(name = "audience_join_link") String audienceJoinLink,
            @Json(name = "guest_join_link") String guestJoinLink) {
    }

    /** Every non-200 answer: {@code {"error_info":{"error_code","new_error_code","message"}}} (spec §2). */
    public record ErrorBody(@Json(name = "error_info") ErrorInfo errorInfo) {
    }

    public record ErrorInfo(
            @Json(name = "error_code") Long errorCode,
            @Json(name = "new_error_code") Long newErrorCode,
            String message) {
    }

    /**
     * A list of user ids that answers spell two ways: seed 002's output has {@code "hosts":["test1"]},
     * Tencent's custom-recurrence examples have {@code "hosts":[{"userid":"tester"}]}. Both read as ids
     * ({@link UserIdsAdapter}).
     */
    @JsonQualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
    @interface UserIds {
    }

    /** Reads {@link UserIds} lists from strings or {@code {"userid":..}} objects; writes objects, as requests take them. */
    static final class UserIdsAdapter extends JsonAdapter<List<String>> {
        static final JsonAdapter.Factory FACTORY = (type, annotations, moshi) ->
                Types.nextAnnotations(annotations, UserIds.class) == null ? null : new UserIdsAdapter().nullSafe();

        @Override
        public List<String> fromJson(JsonReader reader) throws IOException {
            List<String> out = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                out.add(reader.peek() == JsonReader.Token.BEGIN_OBJECT ? userid(reader) : reader.nextString());
            }
            reader.endArray();
            return out;
        }

        private static String userid(JsonReader reader) throws IOException {
            String userid = null;
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("userid")) {
                    userid = reader.nextString();
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (userid == null) {
                throw new JsonDataException("user object without userid at " + reader.getPath());
            }
            return userid;
        }

        @Override
        public void toJson(JsonWriter writer, List<String> value) throws IOException {
            writer.beginArray();
            for (String userid : value) {
                writer.beginObject().name("userid").value(userid).endObject();
            }
            writer.endArray();
        }
    }
}
