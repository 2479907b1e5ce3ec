package dev.convene.provider.wecom.internal;

import dev.convene.Access;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.provider.wecom.ActivityDetail;
import dev.convene.provider.wecom.LivingType;
import dev.convene.provider.wecom.WeComOptions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** The seeds' create requests said as neutral drafts; what has no neutral word travels as a WeCom option. */
public final class SeedDrafts {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private SeedDrafts() {
    }

    /** Seed 001. */
    public static SessionDraft meeting() {
        return SessionDraft.builder(SessionKind.MEETING)
                .organizer("zhangsan").title("新建会议").start(Instant.ofEpochSecond(1600000000L)).timeZone(SHANGHAI)
                .duration(Duration.ofHours(1)).description("新建会议描述")
                .invitees("lisi", "wangwu").hosts("lisi", "wangwu").password("1234")
                .media(new MediaOptions(true, false, true, null))
                .recurrence(Recurrence.daily(1))
                .option(WeComOptions.LOCATION, "广州媒体港")
                .option(WeComOptions.CALENDAR_ID, "wcjgewCwAAqeJcPI1d8Pwbjt7nttzAAA")
                .option(WeComOptions.RING_SCOPE, 1)
                .option(WeComOptions.RING_USERS, List.of("zhangsan", "lis"))
                .option(WeComOptions.SCREEN_WATERMARK, false)
                .option(WeComOptions.REPEAT_UNTIL, Instant.ofEpochSecond(1606976813L))
                .option(WeComOptions.REMIND_BEFORE, List.of(Duration.ZERO, Duration.ofMinutes(15)))
                .build();
    }

    /** Seed 000, placeholders and all. */
    public static SessionDraft webinar() {
        return SessionDraft.builder(SessionKind.WEBINAR)
                .organizer("USERID").title("TITLE").start(Instant.ofEpochSecond(166666666L))
                .duration(Duration.ofSeconds(177777777L - 166666666L)).access(Access.OPEN).password("PASSWORD")
                .hosts("USERID").description("description")
                .media(new MediaOptions(false, null, false, MediaOptions.Recording.NONE))
                .live(new LiveOptions(null, true))
                .option(WeComOptions.SPONSOR, "SPONSOR").option(WeComOptions.COVER_URL, "URL")
                .option(WeComOptions.GUEST_INVITE_LINK, false).option(WeComOptions.QUESTIONS_AND_ANSWERS, false)
                .option(WeComOptions.SENSITIVE_WORDS, List.of("WORD1")).option(WeComOptions.MANUAL_CHECK, false)
                .option(WeComOptions.ACTIVITY_PAGE, false).option(WeComOptions.SHOW_ATTENDEE_COUNT, false)
                .option(WeComOptions.PREPARATION_MODE, false).option(WeComOptions.ALLOW_UNMUTE_SELF, false)
                .option(WeComOptions.SCREEN_WATERMARK, false).option(WeComOptions.WATERMARK_TYPE, 0)
                .option(WeComOptions.ALLOW_EXTERNAL_USERS, false).option(WeComOptions.RECORD_WHEN_ATTENDEE_JOINS, false)
                .option(WeComOptions.HOST_MAY_PAUSE_RECORDING, false)
                .build();
    }

    /** Seed 003. */
    public static SessionDraft living() {
        return SessionDraft.builder(SessionKind.LIVE_STREAM)
                .organizer("zhangsan").title("theme").start(Instant.ofEpochSecond(1600000000L)).duration(Duration.ofHours(1))
                .description("test description")
                .option(WeComOptions.LIVING_TYPE, LivingType.ACTIVITY)
                .option(WeComOptions.REMIND_TIME, Duration.ofSeconds(60))
                .option(WeComOptions.ACTIVITY_COVER_MEDIA_ID, "MEDIA_ID")
                .option(WeComOptions.ACTIVITY_SHARE_MEDIA_ID, "MEDIA_ID")
                .option(WeComOptions.ACTIVITY_DETAIL, new ActivityDetail("活动描述，非活动类型的直播不用传", List.of("MEDIA_ID_1", "MEDIA_ID_2")))
                .build();
    }

}
