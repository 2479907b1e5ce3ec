package dev.convene.provider.tencentmeeting;

import dev.convene.ProviderOption;

/**
 * Tencent Meeting knobs that have no neutral counterpart. Put them on a draft or update with
 * {@code .option(TencentMeetingOptions.HOST_KEY, "168168")}; other providers ignore them.
 */
public final class TencentMeetingOptions {
    private static final String ID = TencentMeetingProvider.ID;

    /** Meetings and live streams: a 6-digit host key ({@code enable_host_key} + {@code host_key}). */
    public static final ProviderOption<String> HOST_KEY = new ProviderOption<>(ID, "host-key", String.class);

    /** Meetings and live streams: where it takes place, at most 18 Chinese characters or 36 letters. */
    public static final ProviderOption<String> LOCATION = new ProviderOption<>(ID, "location", String.class);

    /** Live streams: the stream's own subject ({@code live_subject}); the session title when absent. */
    public static final ProviderOption<String> LIVE_SUBJECT = new ProviderOption<>(ID, "live-subject", String.class);

    /** Live streams: whether the audience may chat ({@code enable_live_im}). */
    public static final ProviderOption<Boolean> LIVE_CHAT = new ProviderOption<>(ID, "live-chat", Boolean.class);

    /** Webinars: who presents it ({@code sponsor}), 1 to 40 characters. */
    public static final ProviderOption<String> SPONSOR = new ProviderOption<>(ID, "sponsor", String.class);

    /**
     * Meetings and live streams: in-meeting settings beyond {@link dev.convene.MediaOptions}. Where both
     * say something about the same setting (muting on entry), the neutral {@code MediaOptions} wins.
     */
    public static final ProviderOption<MeetingSettings> SETTINGS = new ProviderOption<>(ID, "settings", MeetingSettings.class);

    private TencentMeetingOptions() {
    }

    /**
     * The {@code settings} object of seed 002; {@code null} leaves a setting at the vendor's default.
     *
     * @param muteEnableTypeJoin 0 off, 1 on, 2 on once more than six people are in (the vendor's default)
     * @param onlyUserJoinType   1 anyone, 2 invited users only, 3 members of the enterprise only
     * @param waterMarkType      0 single line, 1 several lines (with the screen-sharing watermark on)
     */
    public record MeetingSettings(
            Integer muteEnableTypeJoin,
            Boolean allowUnmuteSelf,
            Boolean muteAll,
            Boolean playIvrOnLeave,
            Boolean playIvrOnJoin,
            Boolean allowScreenSharedWatermark,
            Integer waterMarkType,
            Boolean onlyEnterpriseUserAllowed,
            Integer onlyUserJoinType,
            Boolean allowMultiDevice) {

        public static final MeetingSettings NONE = new MeetingSettings(null, null, null, null, null, null, null, null, null, null);
    }
}
