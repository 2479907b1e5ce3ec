package dev.convene.provider.zoom;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.provider.zoom.internal.ZoomClient;
import dev.convene.provider.zoom.internal.ZoomRecurrences;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.AbstractSessionProvider;
import dev.convene.spi.ConfigKeys;
import dev.convene.spi.VendorClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * Zoom (REST API v2): meetings and webinars, with Server-to-Server OAuth. Configure
 * {@code convene.zoom.account-id}, {@code client-id} and {@code client-secret}; optionally
 * {@code organizer} (user id or e-mail, default {@code me}), {@code sub-account-id} (every call then goes
 * to the primary account's {@code /accounts/{id}/} mirror), {@code base-url} and {@code oauth-url}.
 *
 * <p>A session's organizer is its host's Zoom user id ({@code host_id}), whether it was read by get or
 * list: lists carry no e-mail. The id works wherever Convene takes an organizer. A created meeting is read
 * once after the create, whose answer names the host by e-mail only.
 *
 * <p>Series: at most 60 meetings and 50 webinars ({@code end_times}); a rule without an end gets that many.
 * Times go out in UTC; a start with only an offset (no region) is sent without {@code timezone}, or in UTC
 * when it recurs, so that Zoom reads the rule's days where they were planned.
 *
 * <p>Cancelling is Zoom's DELETE: the session is gone afterwards, so neither kind declares
 * {@link Feature#KEEPS_CANCELLED} or {@link Feature#LISTS_CANCELLED}. A get, update or cancel of a cancelled
 * session throws {@link dev.convene.SessionNotFoundException} (404, code 3001) saying it may have been cancelled.
 *
 * <p>{@link SessionKind#LIVE_STREAM} is not offered: Zoom streams a meeting or webinar to a third-party
 * service, it has no live-stream session of its own to create, read or cancel.
 */
public final class ZoomProvider extends AbstractSessionProvider {
    /** The provider id, in configuration keys and session ids. */
    public static final String ID = "zoom";
    private static final Duration MAX_DURATION = Duration.ofHours(24);

    static final Capabilities CAPABILITIES = Capabilities.builder()
            .kind(SessionKind.MEETING, EnumSet.allOf(Operation.class),
                    EnumSet.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.REGISTRATION, Feature.HOSTS, Feature.RECURRENCE,
                            Feature.RECURRENCE_REMOVAL, Feature.OCCURRENCES, Feature.WAITING_ROOM, Feature.MUTE_ON_ENTRY, Feature.JOIN_BEFORE_HOST,
                            Feature.AUTO_RECORDING, Feature.TIME_ZONE, Feature.REPORTS_ORGANIZER),
                    Limits.builder().maxTitleLength(200).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), MAX_DURATION)
                            .maxHosts(10).maxInvitees(0)
                            .password("[A-Za-z0-9@_*-]{1,10}", "1 to 10 letters, digits or @ - _ *").maxOccurrences(ZoomRecurrences.MAX_MEETING_OCCURRENCES).build())
            .kind(SessionKind.WEBINAR, EnumSet.allOf(Operation.class),
                    EnumSet.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.REGISTRATION, Feature.HOSTS, Feature.RECURRENCE,
                            Feature.RECURRENCE_REMOVAL, Feature.OCCURRENCES, Feature.AUTO_RECORDING, Feature.TIME_ZONE, Feature.REPORTS_ORGANIZER),
                    Limits.builder().maxTitleLength(200).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), MAX_DURATION)
                            .maxHosts(10).maxInvitees(0)
                            .password("[A-Za-z0-9@_*!-]{1,10}", "1 to 10 letters, digits or @ - _ * !").maxOccurrences(ZoomRecurrences.MAX_WEBINAR_OCCURRENCES).build())
            .build();

    public ZoomProvider() {
        super(SPI_VERSION, ID, "Zoom", CAPABILITIES, ConfigKeys.required("account-id", "client-id", "client-secret")
                .optional("organizer", "sub-account-id", "base-url", "oauth-url")
                .account("account-id"));
    }

    /**
     * Zoom's limits are per account and depend on the plan and each endpoint's label: a Pro account may make 30
     * Light calls a second (create, get, update, delete) and 20 Medium ones (list). Paced at 20 a second, safe for
     * both; configure the account's plan (Free: 2/PT1S, Business: 60/PT1S) with convene.zoom.rate-limits.
     */
    @Override
    public List<dev.convene.spi.RateLimit> rateLimits() {
        return List.of(new dev.convene.spi.RateLimit(20, java.time.Duration.ofSeconds(1)));
    }

    @Override
    public VendorClient open(ProviderContext context) {
        return new ZoomClient(context);
    }
}
