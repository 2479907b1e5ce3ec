package dev.convene.provider.wecom.internal;

import com.squareup.moshi.Json;
import dev.convene.spi.json.EpochSeconds;
import java.time.Instant;
import java.util.List;

/** {@code /cgi-bin/living/*} bodies and answers (spec §4, seed 003). */
final class LivingWire {
    private LivingWire() {
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
