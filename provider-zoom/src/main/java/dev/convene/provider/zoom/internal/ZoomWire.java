package dev.convene.provider.zoom.internal;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Zoom's JSON (spec §1.1, §3, §4, §5; seed 004): the fields Convene reads or writes; the rest of an
 * answer is skipped. Answers and requests are separate records, so what may be written is plain. Times
 * stay strings here: {@link ZoomTimes} reads and writes them. Absent fields are {@code null}; Moshi
 * leaves {@code null} out of request bodies, which is what makes a PATCH partial.
 */
public final class ZoomWire {
    private ZoomWire() {
    }

    /** Any answer can carry Zoom's error envelope; a 2xx answer with a non-zero code is an error (§5.2). */
    public interface Answer {
        Integer code();

        String message();
    }

    /** §1.1; {@code scope} and {@code api_url} are not read: calls go to the configured base, which always works (§1.1, §2). */
    public record Token(@Json(name = "access_token") String accessToken, @Json(name = "expires_in") Long expiresIn) {
    }

    /** The OAuth endpoint's refusal (shape unconfirmed, §1.1) and the API's {@code {code, message, errors}} (§5.1). */
    public record Error(Integer code, String message, @Json(name = "error_message") String errorMessage,
                        List<FieldError> errors, String error, String reason) {
    }

    public record FieldError(String field, String message) {
    }

    /** Meeting or webinar settings; only what the neutral model carries is written, everything is read. */
    public record Settings(
            @Json(name = "approval_type") Integer approvalType,
            @Json(name = "alternative_hosts") String alternativeHosts,
            @Json(name = "auto_recording") String autoRecording,
            @Json(name = "waiting_room") Boolean waitingRoom,
            @Json(name = "mute_upon_entry") Boolean muteUponEntry,
            @Json(name = "join_before_host") Boolean joinBeforeHost,
            @Json(name = "host_video") Boolean hostVideo,
            @Json(name = "participant_video") Boolean participantVideo,
            @Json(name = "panelists_video") Boolean panelistsVideo,
            String audio) {
    }

    /** §3.8: type 1 daily, 2 weekly, 3 monthly. */
    public record Recurrence(
            Integer type,
            @Json(name = "repeat_interval") Integer repeatInterval,
            @Json(name = "weekly_days") String weeklyDays,
            @Json(name = "monthly_day") Integer monthlyDay,
            @Json(name = "monthly_week") Integer monthlyWeek,
            @Json(name = "monthly_week_day") Integer monthlyWeekDay,
            @Json(name = "end_times") Integer endTimes,
            @Json(name = "end_date_time") String endDateTime) {
    }

    public record Occurrence(@Json(name = "occurrence_id") String occurrenceId, @Json(name = "start_time") String startTime,
                             Integer duration, String status) {
    }

    /** The body of create (POST) and update (PATCH). */
    public record SessionRequest(
            String topic,
            Integer type,
            @Json(name = "start_time") String startTime,
            Integer duration,
            String timezone,
            String password,
            String agenda,
            Settings settings,
            Recurrence recurrence) {
    }

    /** A meeting or webinar as create and GET answer it (§3.2, §4.2), or as a list shows it (§3.5, §4.5). */
    public record Session(
            Long id,
            @Json(name = "host_id") String hostId,
            // The create-meeting 201 names the host only so (spec, corrections).
            @Json(name = "host_email") String hostEmail,
            String topic,
            Integer type,
            String status,
            @Json(name = "start_time") String startTime,
            Integer duration,
            String timezone,
            String agenda,
            @Json(name = "created_at") String createdAt,
            @Json(name = "join_url") String joinUrl,
            @Json(name = "start_url") String startUrl,
            String password,
            Settings settings,
            Recurrence recurrence,
            List<Occurrence> occurrences,
            Integer code,
            String message) implements Answer {
    }

    /** §3.5 / §4.5: one page of a list; {@code next_page_token} is empty on the last page. */
    public record Page(
            @Json(name = "page_count") Integer pageCount,
            @Json(name = "next_page_token") String nextPageToken,
            List<Session> meetings,
            List<Session> webinars,
            Integer code,
            String message) implements Answer {
    }
}
