package dev.convene.provider.zoom;

import dev.convene.ProviderOption;

/**
 * Zoom knobs that have no neutral counterpart, from the {@code settings} of a meeting or webinar (spec §3.9,
 * §4.1). Put them on a draft or update with {@code .option(ZoomOptions.HOST_VIDEO, true)}; other providers
 * ignore them, and an option given for a kind it does not apply to is refused before anything is sent.
 */
public final class ZoomOptions {
    /** Meetings and webinars: the host's video is on when the session starts ({@code host_video}). */
    public static final ProviderOption<Boolean> HOST_VIDEO = new ProviderOption<>(ZoomProvider.ID, "host-video", Boolean.class);

    /** Meetings: participants' video is on when they join ({@code participant_video}). */
    public static final ProviderOption<Boolean> PARTICIPANT_VIDEO = new ProviderOption<>(ZoomProvider.ID, "participant-video", Boolean.class);

    /** Webinars: panelists' video is on when they join ({@code panelists_video}). */
    public static final ProviderOption<Boolean> PANELISTS_VIDEO = new ProviderOption<>(ZoomProvider.ID, "panelists-video", Boolean.class);

    /**
     * Meetings and webinars: how people may join by audio ({@code audio}): {@code both} (Zoom's default),
     * {@code telephony} or {@code voip}; meetings also {@code thirdParty}.
     */
    public static final ProviderOption<String> AUDIO = new ProviderOption<>(ZoomProvider.ID, "audio", String.class);

    private ZoomOptions() {
    }
}
