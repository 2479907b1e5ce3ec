package dev.convene.simulator.zoom;

import dev.convene.simulator.SimulatorOptions;
import java.util.Locale;
import java.util.Set;

/**
 * The Zoom fake's switches, read once from {@link SimulatorOptions#settings()}. Every key is for a
 * behaviour the spec marks UNCONFIRMED or plan-dependent; the defaults are the stricter reading.
 * The keys are listed with their meaning on {@link ZoomSimulator}.
 */
record ZoomSettings(
        int maxLiveTokens,
        int tokenTtlSeconds,
        boolean acceptTokenQueryForm,
        boolean distinctTokenMessages,
        Set<String> scopes,
        int unknownAccountCode,
        int userDailyWriteLimit,
        boolean userDailyLimitAs429,
        boolean qpsLimits,
        RetryAfter retryAfter,
        int retryAfterSeconds,
        boolean rateLimitFaultIsDaily,
        int maxEndTimes,
        int maxWebinarEndTimes,
        int webinarAgendaMax,
        boolean meetingGetAcceptsUuid,
        boolean webinarListHonoursPageToken,
        int pageTokenTtlMinutes,
        boolean clockDrivesStatus) {

    /** How a 429 spells {@code Retry-After}: as documented (an instant), in seconds, or not at all. */
    enum RetryAfter { TIMESTAMP, SECONDS, NONE }

    static final String ALL_SCOPES = "meeting:read:admin meeting:write:admin webinar:read:admin webinar:write:admin";
    static final int UNLIMITED = Integer.MAX_VALUE;

    /** The longest series of a kind, by {@code end_times} or by end date: 60 meetings, 50 webinars (spec, corrections). */
    int maxOccurrences(ZoomRules.Kind kind) {
        return kind == ZoomRules.Kind.WEBINAR ? maxWebinarEndTimes : maxEndTimes;
    }

    static ZoomSettings from(SimulatorOptions options) {
        return new ZoomSettings(
                options.setting("max-live-tokens").map(v -> v.equalsIgnoreCase("unlimited") ? UNLIMITED : positive("max-live-tokens", v)).orElse(10),
                options.setting("token-ttl-seconds").map(v -> positive("token-ttl-seconds", v)).orElse(3599),
                choice(options, "token-query-form", "reject", "accept").equals("accept"),
                choice(options, "token-messages", "distinct", "uniform").equals("distinct"),
                Set.of(options.setting("scopes").orElse(ALL_SCOPES).trim().split("\\s+")),
                Integer.parseInt(choice(options, "unknown-account-code", "1010", "2001")),
                // while the simulator's daily limits are off (SimulatorOptions#dailyLimits, VendorSimulator#dailyLimits) it does not apply
                options.setting("user-daily-write-limit").map(v -> nonNegative("user-daily-write-limit", v)).orElse(100),
                choice(options, "user-daily-limit-answer", "429", "300").equals("429"),
                choice(options, "qps-limits", "off", "on").equals("on"),
                RetryAfter.valueOf(choice(options, "retry-after", "timestamp", "seconds", "none").toUpperCase(Locale.ROOT)),
                options.setting("retry-after-seconds").map(v -> positive("retry-after-seconds", v)).orElse(1),
                choice(options, "rate-limit-fault", "qps", "daily").equals("daily"),
                options.setting("max-end-times").map(v -> positive("max-end-times", v)).orElse(60),
                options.setting("max-webinar-end-times").map(v -> positive("max-webinar-end-times", v)).orElse(50),
                options.setting("webinar-agenda-max").map(v -> positive("webinar-agenda-max", v)).orElse(2000),
                Boolean.parseBoolean(choice(options, "meeting-get-accepts-uuid", "false", "true")),
                choice(options, "webinar-list-next-page-token", "honoured", "ignored").equals("honoured"),
                options.setting("page-token-ttl-minutes").map(v -> positive("page-token-ttl-minutes", v)).orElse(15),
                Boolean.parseBoolean(choice(options, "clock-drives-status", "true", "false")));
    }

    /** The first allowed value is the default; anything else than the listed values is a test-setup mistake. */
    private static String choice(SimulatorOptions options, String key, String... allowed) {
        String value = options.setting(key).map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse(allowed[0]);
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new IllegalArgumentException("setting " + key + " must be one of " + String.join(", ", allowed) + ", was " + value);
    }

    private static int positive(String key, String value) {
        int n = nonNegative(key, value);
        if (n == 0) {
            throw new IllegalArgumentException("setting " + key + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String key, String value) {
        int n = Integer.parseInt(value.trim());
        if (n < 0) {
            throw new IllegalArgumentException("setting " + key + " must not be negative");
        }
        return n;
    }
}
