package dev.convene.provider.wecom;

import dev.convene.ProviderOption;
import dev.convene.SessionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What only WeCom has, carried in a draft or update as {@link ProviderOption}s; other providers ignore
 * them. Each option belongs to the kinds named in its comment; giving it for another kind is refused
 * before anything is sent.
 */
public final class WeComOptions {
    private static final String WECOM = WeComProvider.ID;

    // ---- meetings --------------------------------------------------------------------------

    /** Meeting: the WeCom calendar ({@code cal_id}, at most 64 bytes) the meeting goes into; it must have been created by this app. */
    public static final ProviderOption<String> CALENDAR_ID = option("calendar-id", String.class);
    /** Meeting: where it takes place ({@code location}, at most 128 characters). */
    public static final ProviderOption<String> LOCATION = option("location", String.class);
    /** Meeting: who WeCom rings at the start ({@code remind_scope}): 1 nobody, 2 the host (WeCom's default), 3 everyone, 4 {@link #RING_USERS}. */
    public static final ProviderOption<Integer> RING_SCOPE = option("ring-scope", Integer.class);
    /** Meeting: the members rung when {@link #RING_SCOPE} is 4 ({@code ring_users}). */
    public static final ProviderOption<List<String>> RING_USERS = listOption("ring-users");
    /**
     * Meeting: when to remind members before the start ({@code remind_before}). WeCom offers only 0 (at
     * the start), 5 and 15 minutes, 1 hour and 1 day; anything else is refused rather than silently
     * turned into "at the start", as WeCom would.
     */
    public static final ProviderOption<List<Duration>> REMIND_BEFORE = listOption("remind-before");
    /**
     * Meeting: the exact instant a recurring series ends ({@code repeat_until}), for a recurrence that
     * has no count or end date of its own; without it an end date ends the series with its last meeting.
     */
    public static final ProviderOption<Instant> REPEAT_UNTIL = option("repeat-until", Instant.class);

    // ---- meetings and webinars ---------------------------------------------------------------

    /** Meeting, webinar: a watermark on shared screens ({@code enable_screen_watermark}). */
    public static final ProviderOption<Boolean> SCREEN_WATERMARK = option("screen-watermark", Boolean.class);
    /** Meeting, webinar: whether people outside the corp may join ({@code allow_external_user}; WeCom's default: yes). */
    public static final ProviderOption<Boolean> ALLOW_EXTERNAL_USERS = option("allow-external-users", Boolean.class);

    // ---- webinars ------------------------------------------------------------------------------

    /** Webinar: the organising body shown to the audience ({@code sponsor}, 1 to 40 characters). */
    public static final ProviderOption<String> SPONSOR = option("sponsor", String.class);
    /** Webinar: the cover image URL ({@code cover_url}); needs the activity page. */
    public static final ProviderOption<String> COVER_URL = option("cover-url", String.class);
    /** Webinar: whoever joins through the guest link becomes a guest ({@code enable_guest_invite_link}). */
    public static final ProviderOption<Boolean> GUEST_INVITE_LINK = option("guest-invite-link", Boolean.class);
    /** Webinar: questions and answers ({@code enable_qa}). */
    public static final ProviderOption<Boolean> QUESTIONS_AND_ANSWERS = option("questions-and-answers", Boolean.class);
    /** Webinar: chat words that hide a message ({@code sensitive_words}, at most 50 of at most 10 characters). */
    public static final ProviderOption<List<String>> SENSITIVE_WORDS = listOption("sensitive-words");
    /** Webinar: a person approves each attendee ({@code enable_manual_check}). */
    public static final ProviderOption<Boolean> MANUAL_CHECK = option("manual-check", Boolean.class);
    /** Webinar: the public activity page ({@code activity_page}; WeCom's default: on). Description, cover and attendee count need it. */
    public static final ProviderOption<Boolean> ACTIVITY_PAGE = option("activity-page", Boolean.class);
    /** Webinar: the activity page shows how many signed up ({@code display_number_of_attendees}). */
    public static final ProviderOption<Boolean> SHOW_ATTENDEE_COUNT = option("show-attendee-count", Boolean.class);
    /** Webinar: hosts and guests rehearse before the audience is let in ({@code preparation_mode}). */
    public static final ProviderOption<Boolean> PREPARATION_MODE = option("preparation-mode", Boolean.class);
    /** Webinar: attendees may unmute themselves ({@code allow_unmute_self}). */
    public static final ProviderOption<Boolean> ALLOW_UNMUTE_SELF = option("allow-unmute-self", Boolean.class);
    /** Webinar: 0 a single-row watermark, 1 several rows ({@code watermark_type}). */
    public static final ProviderOption<Integer> WATERMARK_TYPE = option("watermark-type", Integer.class);
    /** Webinar: cloud recording starts when the first attendee joins ({@code attendee_join_auto_record}); needs cloud recording. */
    public static final ProviderOption<Boolean> RECORD_WHEN_ATTENDEE_JOINS = option("record-when-attendee-joins", Boolean.class);
    /** Webinar: the host may pause cloud recording ({@code enable_host_pause_auto_record}); needs cloud recording. */
    public static final ProviderOption<Boolean> HOST_MAY_PAUSE_RECORDING = option("host-may-pause-recording", Boolean.class);

    // ---- living --------------------------------------------------------------------------------

    /** Living: what kind of living it is ({@code type}; WeCom's default {@link LivingType#GENERAL}). */
    public static final ProviderOption<LivingType> LIVING_TYPE = option("living-type", LivingType.class);
    /** Living: how long before the start the audience is reminded ({@code remind_time}, whole seconds). */
    public static final ProviderOption<Duration> REMIND_TIME = option("remind-time", Duration.class);
    /** Living of type {@link LivingType#ACTIVITY}: the cover image's media id ({@code activity_cover_mediaid}). */
    public static final ProviderOption<String> ACTIVITY_COVER_MEDIA_ID = option("activity-cover-media-id", String.class);
    /** Living of type {@link LivingType#ACTIVITY}: the share card image's media id ({@code activity_share_mediaid}). */
    public static final ProviderOption<String> ACTIVITY_SHARE_MEDIA_ID = option("activity-share-media-id", String.class);
    /** Living of type {@link LivingType#ACTIVITY}: the activity page ({@code activity_detail}). */
    public static final ProviderOption<ActivityDetail> ACTIVITY_DETAIL = option("activity-detail", ActivityDetail.class);

    private static final Set<SessionKind> MEETING = EnumSet.of(SessionKind.MEETING);
    private static final Set<SessionKind> WEBINAR = EnumSet.of(SessionKind.WEBINAR);
    private static final Set<SessionKind> LIVING = EnumSet.of(SessionKind.LIVE_STREAM);

    /** Every option with the kinds it applies to. */
    public static final Map<ProviderOption<?>, Set<SessionKind>> KINDS = Map.ofEntries(
            Map.entry(CALENDAR_ID, MEETING), Map.entry(LOCATION, MEETING), Map.entry(RING_SCOPE, MEETING),
            Map.entry(RING_USERS, MEETING), Map.entry(REMIND_BEFORE, MEETING), Map.entry(REPEAT_UNTIL, MEETING),
            Map.entry(SCREEN_WATERMARK, EnumSet.of(SessionKind.MEETING, SessionKind.WEBINAR)),
            Map.entry(ALLOW_EXTERNAL_USERS, EnumSet.of(SessionKind.MEETING, SessionKind.WEBINAR)),
            Map.entry(SPONSOR, WEBINAR), Map.entry(COVER_URL, WEBINAR), Map.entry(GUEST_INVITE_LINK, WEBINAR),
            Map.entry(QUESTIONS_AND_ANSWERS, WEBINAR), Map.entry(SENSITIVE_WORDS, WEBINAR), Map.entry(MANUAL_CHECK, WEBINAR),
            Map.entry(ACTIVITY_PAGE, WEBINAR), Map.entry(SHOW_ATTENDEE_COUNT, WEBINAR), Map.entry(PREPARATION_MODE, WEBINAR),
            Map.entry(ALLOW_UNMUTE_SELF, WEBINAR), Map.entry(WATERMARK_TYPE, WEBINAR),
            Map.entry(RECORD_WHEN_ATTENDEE_JOINS, WEBINAR), Map.entry(HOST_MAY_PAUSE_RECORDING, WEBINAR),
            Map.entry(LIVING_TYPE, LIVING), Map.entry(REMIND_TIME, LIVING), Map.entry(ACTIVITY_COVER_MEDIA_ID, LIVING),
            Map.entry(ACTIVITY_SHARE_MEDIA_ID, LIVING), Map.entry(ACTIVITY_DETAIL, LIVING));

    private WeComOptions() {
    }

    private static <T> ProviderOption<T> option(String name, Class<T> type) {
        return new ProviderOption<>(WECOM, name, type);
    }

    @SuppressWarnings("unchecked")
    private static <E> ProviderOption<List<E>> listOption(String name) {
        return new ProviderOption<>(WECOM, name, (Class<List<E>>) (Class<?>) List.class);
    }
}
