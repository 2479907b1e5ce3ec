package dev.convene.events.internal;

import dev.convene.ConfigurationException;
import dev.convene.spi.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event keys of the configuration, read once: which providers can receive events (those with their
 * keys set), their verifiers, and the receiver's limits.
 *
 * @param verifiers    by provider id, in a stable order
 * @param maxBodyBytes {@code convene.events.max-body-bytes}
 * @param dedup        {@code convene.events.dedup}: {@code memory} or a {@code Deduplicator.Factory}'s id
 * @param retention    {@code convene.events.dedup-retention}: how long a delivery's key is remembered
 */
public record EventSettings(Map<String, Verifier> verifiers, int maxBodyBytes, String dedup, Duration retention) {
    public static final String MAX_SKEW = "convene.events.max-skew";
    public static final String MAX_BODY_BYTES = "convene.events.max-body-bytes";
    public static final String DEDUP = "convene.events.dedup";
    public static final String DEDUP_RETENTION = "convene.events.dedup-retention";
    static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(5);
    static final int DEFAULT_MAX_BODY = 1 << 20;
    /** Longer than Zoom's retries (5, 20 and 60 minutes after the first try), the longest of the three. */
    static final Duration DEFAULT_RETENTION = Duration.ofHours(2);

    public static final List<String> PROVIDERS = List.of(WeComVerifier.PROVIDER, TencentVerifier.PROVIDER, ZoomVerifier.PROVIDER);

    /** Every key read here, so that their environment variables are recognised. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>(List.of(MAX_SKEW, MAX_BODY_BYTES, DEDUP, DEDUP_RETENTION,
                "convene.wecom.callback-token", "convene.wecom.callback-aes-key", "convene.wecom.corp-id",
                "convene.tencentmeeting.event-token", "convene.tencentmeeting.event-aes-key",
                "convene.zoom.webhook-secret-token"));
        PROVIDERS.forEach(p -> keys.add("convene." + p + ".event-max-skew"));
        return keys;
    }

    /**
     * @throws ConfigurationException naming the key and the rule (never a value that may be secret) when a
     *                                provider's keys are incomplete or wrong, or when no provider has any
     */
    public static EventSettings from(Map<String, String> config, Clock clock) {
        ProviderConfig events = new ProviderConfig("events", config);
        Duration maxSkew = positive(events, "max-skew", DEFAULT_MAX_SKEW);
        Duration retention = positive(events, "dedup-retention", DEFAULT_RETENTION);
        Map<String, Verifier> verifiers = new LinkedHashMap<>();

        ProviderConfig wecom = new ProviderConfig(WeComVerifier.PROVIDER, config);
        if (anySet(wecom, "callback-token", "callback-aes-key")) {
            verifiers.put(WeComVerifier.PROVIDER, new WeComVerifier(wecom.require("callback-token"),
                    AesKey.parse(wecom.require("callback-aes-key"), wecom.key("callback-aes-key")),
                    wecom.require("corp-id"), window(wecom, maxSkew, retention), clock));
        }
        ProviderConfig tencent = new ProviderConfig(TencentVerifier.PROVIDER, config);
        if (anySet(tencent, "event-token", "event-aes-key")) {
            Optional<String> aes = tencent.get("event-aes-key");
            verifiers.put(TencentVerifier.PROVIDER, new TencentVerifier(tencent.require("event-token"),
                    aes.map(v -> AesKey.parse(v, tencent.key("event-aes-key"))).orElse(null),
                    window(tencent, maxSkew, retention), clock));
        }
        ProviderConfig zoom = new ProviderConfig(ZoomVerifier.PROVIDER, config);
        if (anySet(zoom, "webhook-secret-token")) {
            verifiers.put(ZoomVerifier.PROVIDER, new ZoomVerifier(zoom.require("webhook-secret-token"),
                    window(zoom, maxSkew, retention), clock));
        }
        if (verifiers.isEmpty()) {
            List<String> keys = List.of("convene.wecom.callback-token", "convene.wecom.callback-aes-key",
                    "convene.tencentmeeting.event-token", "convene.zoom.webhook-secret-token");
            throw new ConfigurationException("no provider is configured to receive events: set convene.wecom.callback-token and "
                    + "convene.wecom.callback-aes-key (with convene.wecom.corp-id), convene.tencentmeeting.event-token, "
                    + "or convene.zoom.webhook-secret-token", keys, null);
        }
        int maxBody = events.getInt("max-body-bytes", DEFAULT_MAX_BODY);
        if (maxBody < 1024) {
            throw new ConfigurationException(MAX_BODY_BYTES + " must be at least 1024, was " + maxBody);
        }
        return new EventSettings(Collections.unmodifiableMap(verifiers), maxBody, events.get("dedup", "memory"), retention);
    }

    /** A provider's window ({@code convene.<id>.event-max-skew}, else the common one), no longer than keys are remembered. */
    private static Duration window(ProviderConfig c, Duration common, Duration retention) {
        Duration d = positive(c, "event-max-skew", common);
        if (d.compareTo(retention) > 0) {
            // a replay signed within the window could otherwise arrive after its key was forgotten
            throw new ConfigurationException(DEDUP_RETENTION + " (" + retention + ") must not be shorter than the timestamp window of "
                    + c.providerId() + " (" + d + ")");
        }
        return d;
    }

    private static boolean anySet(ProviderConfig c, String... names) {
        for (String n : names) {
            if (c.get(n).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Duration positive(ProviderConfig c, String name, Duration fallback) {
        Duration d = c.getDuration(name, fallback);
        if (d.isNegative() || d.isZero()) {
            throw new ConfigurationException(c.key(name) + " must be a positive duration like PT5M, was " + d);
        }
        return d;
    }
}
