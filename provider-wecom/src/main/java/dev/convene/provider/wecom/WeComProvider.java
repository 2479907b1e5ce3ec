package dev.convene.provider.wecom;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.SessionKind;
import dev.convene.TextLimit;
import dev.convene.provider.wecom.internal.WeComClient;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.AbstractSessionProvider;
import dev.convene.spi.ConfigKeys;
import dev.convene.spi.VendorClient;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

/**
 * WeCom (企业微信): scheduled meetings ({@code /cgi-bin/meeting/*}), webinars ({@code /cgi-bin/meeting/webinar/*})
 * and living ({@code /cgi-bin/living/*}) for a self-built app.
 *
 * <p>What the capabilities say and why:
 * <ul>
 * <li>Meetings: titles of at most 20 characters or at most 40 bytes ("最多支持40个字节或者20个utf8字符":
 *     40 Latin letters or 20 Chinese characters), descriptions of at most 500 bytes, 5 min to 86399 s, 10 hosts,
 *     300 invitees (a paid corp's cap), 4–6 digit passwords, series of at most 200 meetings (50 when every second
 *     week or more, or monthly): daily or every n days, every workday, weekly on one or several days every n weeks
 *     (the start's weekday among them), monthly on the start's day every n months; the custom repeats go out as
 *     WeCom's {@code is_custom_repeat} fields.</li>
 * <li>Webinars: no LIST, because WeCom has no webinar list endpoint; registration and password admission;
 *     replay needs cloud recording. Durations are capped at 24 hours on our side (WeCom states none).</li>
 * <li>Living: themes of at most 20 characters and 60 bytes, descriptions of at most 100 characters and 300
 *     bytes (create counts characters, modify bytes: a session must fit both); no hosts, invitees or password.</li>
 * <li>Every kind keeps cancelled sessions (get answers status CANCELLED, a second cancel succeeds); the
 *     meeting and living lists hold them too, so a listing can ask for them.</li>
 * <li>No kind keeps a time zone: WeCom stores Unix times and plans series on the China calendar, so
 *     sessions come back in Asia/Shanghai.</li>
 * </ul>
 * Vendor-only knobs are in {@link WeComOptions}.
 */
public final class WeComProvider extends AbstractSessionProvider {
    /** The provider id, in configuration keys and session ids. */
    public static final String ID = "wecom";

    private static final String PASSWORD = "[0-9]{4,6}";
    private static final String PASSWORD_RULE = "4 to 6 digits";
    /** Kinds without RECURRENCE hold one occurrence; 0 would be as true but breaks the testkit (see the requests file). */
    private static final int ONE_OFF = 1;
    /**
     * Webinars and livings: WeCom asks only for an end after the start, in whole seconds, and documents no
     * longest one and (for webinars) no host cap (spec §3.1, §4.1); Limits.LONGEST is Convene's own ceiling.
     */
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    static final Capabilities CAPABILITIES = Capabilities.builder()
            .kind(SessionKind.MEETING, EnumSet.allOf(Operation.class),
                    EnumSet.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.HOSTS, Feature.INVITEES, Feature.RECURRENCE,
                            Feature.RECURRENCE_REMOVAL, Feature.WAITING_ROOM, Feature.MUTE_ON_ENTRY, Feature.JOIN_BEFORE_HOST,
                            Feature.KEEPS_CANCELLED, Feature.LISTS_CANCELLED, Feature.REPORTS_ORGANIZER),
                    Limits.builder().title(TextLimit.either(20, 40)).description(TextLimit.bytes(500))
                            .duration(Duration.ofSeconds(300), Duration.ofSeconds(86399)).maxHosts(10).maxInvitees(300)
                            .password(PASSWORD, PASSWORD_RULE).maxOccurrences(200).build())
            .kind(SessionKind.WEBINAR, EnumSet.of(Operation.CREATE, Operation.GET, Operation.UPDATE, Operation.CANCEL),
                    EnumSet.of(Feature.DESCRIPTION, Feature.PASSWORD, Feature.REGISTRATION, Feature.HOSTS, Feature.MUTE_ON_ENTRY,
                            Feature.JOIN_BEFORE_HOST, Feature.AUTO_RECORDING, Feature.LIVE_REPLAY, Feature.KEEPS_CANCELLED),
                    Limits.builder().maxTitleLength(255).maxDescriptionLength(5000)
                            .duration(SHORTEST, Limits.LONGEST).maxHosts(Limits.UNLIMITED).maxInvitees(0)
                            .password(PASSWORD, PASSWORD_RULE).maxOccurrences(ONE_OFF).build())
            .kind(SessionKind.LIVE_STREAM, EnumSet.allOf(Operation.class),
                    EnumSet.of(Feature.DESCRIPTION, Feature.KEEPS_CANCELLED, Feature.LISTS_CANCELLED, Feature.REPORTS_ORGANIZER),
                    Limits.builder().title(TextLimit.both(20, 60)).description(TextLimit.both(100, 300))
                            .duration(SHORTEST, Limits.LONGEST).maxHosts(0).maxInvitees(0).maxOccurrences(ONE_OFF).build())
            .build();

    /**
     * WeCom's frequency limits per corp and API (doc 90454): 10,000 calls a minute and 150,000 an hour, over
     * 45009. Paced per corp across all APIs, which never exceeds the per-API limits.
     */
    @Override
    public List<dev.convene.spi.RateLimit> rateLimits() {
        return List.of(dev.convene.spi.RateLimit.perMinute(10_000), new dev.convene.spi.RateLimit(150_000, java.time.Duration.ofHours(1)));
    }

    /** {@code organizer} is the admin_userid / anchor_userid of new sessions and the user whose sessions are listed. */
    public WeComProvider() {
        super(SPI_VERSION, ID, "WeCom (企业微信)", CAPABILITIES,
                ConfigKeys.required("corp-id", "corp-secret").optional("agent-id", "organizer", "base-url")
                        .account("corp-id"));
    }

    @Override
    public VendorClient open(ProviderContext context) {
        return WeComClient.open(context);
    }
}
