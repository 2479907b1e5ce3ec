package dev.convene.provider.tencentmeeting;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.TextLimit;
import dev.convene.provider.tencentmeeting.internal.TencentMeetingClient;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.AbstractSessionProvider;
import dev.convene.spi.ConfigKeys;
import dev.convene.spi.VendorClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Tencent Meeting (腾讯会议) for an enterprise self-built app (AK/SK): meetings and live streams (a
 * meeting with its live stream switched on) on {@code /v1/meetings}, webinars on {@code /v1/webinars}.
 *
 * <p>Configuration under {@code convene.tencentmeeting.}: {@code app-id}, {@code secret-id},
 * {@code secret-key}, {@code organizer} (the userid that creates, and that acts on, sessions; make it
 * an enterprise admin to update and cancel sessions other users organize), and optionally
 * {@code sdk-id} (only when Tencent assigned one), {@code instance-id} (default 1) and
 * {@code base-url} (default {@code https://api.meeting.qq.com}).
 *
 * <p>Tencent keeps cancelled sessions (a get answers MEETING_STATE_CANCELLED, a second cancel is refused
 * with 9007, which Convene takes as done), but its meeting list holds only upcoming and running meetings
 * (spec §3.4): no kind declares {@link Feature#LISTS_CANCELLED}.
 */
public final class TencentMeetingProvider extends AbstractSessionProvider {
    /** The provider id, in configuration keys and session ids. */
    public static final String ID = "tencentmeeting";

    private static final String PASSWORD_PATTERN = "\\d{4,6}";
    private static final String PASSWORD_RULE = "4 to 6 digits";
    /** Tencent only wants the end after the start, in whole seconds (seed 002, spec §3.1, §4). */
    private static final Duration SHORTEST = Duration.ofSeconds(1);
    /** Tencent documents no longest session and no host cap (spec §3.1, §7): Limits.LONGEST is Convene's own ceiling. */
    private static final Limits MEETING_LIMITS = Limits.builder()
            .title(TextLimit.bytes(512))
            // A live stream's description (live_summary): Tencent documents no limit, so this is Convene's own ceiling.
            .description(TextLimit.characters(2000))
            .duration(SHORTEST, Limits.LONGEST)
            .maxHosts(Limits.UNLIMITED)
            .maxInvitees(300)
            .password(PASSWORD_PATTERN, PASSWORD_RULE)
            .maxOccurrences(200)
            .build();
    private static final Limits WEBINAR_LIMITS = Limits.builder()
            .maxTitleLength(255)
            .maxDescriptionLength(5000)
            .duration(SHORTEST, Limits.LONGEST)
            .maxHosts(Limits.UNLIMITED)
            .maxInvitees(0)
            .password(PASSWORD_PATTERN, PASSWORD_RULE)
            // Webinars do not recur; 1 rather than 0 because the testkit builds a sample rule from it for every kind.
            .maxOccurrences(1)
            .build();
    private static final Set<Feature> MEETING_FEATURES = EnumSet.of(Feature.PASSWORD, Feature.HOSTS, Feature.INVITEES,
            Feature.RECURRENCE, Feature.OCCURRENCES, Feature.WAITING_ROOM, Feature.MUTE_ON_ENTRY, Feature.JOIN_BEFORE_HOST,
            Feature.AUTO_RECORDING, Feature.TIME_ZONE, Feature.KEEPS_CANCELLED);

    static final Capabilities CAPABILITIES = Capabilities.builder()
            .kind(SessionKind.MEETING, EnumSet.allOf(Operation.class), MEETING_FEATURES, MEETING_LIMITS)
            .kind(SessionKind.LIVE_STREAM, EnumSet.allOf(Operation.class), with(MEETING_FEATURES,
                    Feature.DESCRIPTION, Feature.LIVE_PASSWORD, Feature.LIVE_REPLAY), MEETING_LIMITS)
            // Tencent has no endpoint that lists webinars.
            .kind(SessionKind.WEBINAR, EnumSet.of(Operation.CREATE, Operation.GET, Operation.UPDATE, Operation.CANCEL),
                    EnumSet.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.REGISTRATION, Feature.HOSTS, Feature.TIME_ZONE,
                            Feature.KEEPS_CANCELLED, Feature.REPORTS_ORGANIZER),
                    WEBINAR_LIMITS)
            .build();

    /** A self-built app's 300 calls a minute and 200,000 a day over every endpoint (频控说明: 190310, 190311). */
    @Override
    public List<dev.convene.spi.RateLimit> rateLimits() {
        return List.of(dev.convene.spi.RateLimit.perMinute(300), new dev.convene.spi.RateLimit(200_000, java.time.Duration.ofDays(1)));
    }

    /** Tencent refuses the AppId, SdkId, SecretId or signature (SecretKey) of a request: those are what to check. */
    public TencentMeetingProvider() {
        super(SPI_VERSION, ID, "Tencent Meeting (腾讯会议)", CAPABILITIES,
                ConfigKeys.required("app-id", "secret-id", "secret-key", "organizer").optional("sdk-id", "instance-id", "base-url")
                        .credentials("app-id", "sdk-id", "secret-id", "secret-key")
                        .account("app-id"));
    }

    @Override
    public VendorClient open(ProviderContext context) {
        return new TencentMeetingClient(context);
    }

    private static Set<Feature> with(Set<Feature> base, Feature... more) {
        Set<Feature> out = EnumSet.copyOf(base);
        out.addAll(List.of(more));
        return out;
    }
}
