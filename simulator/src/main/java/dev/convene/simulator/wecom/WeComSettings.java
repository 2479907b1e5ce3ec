package dev.convene.simulator.wecom;

import dev.convene.simulator.SimulatorOptions;
import java.time.Duration;

/** The {@link SimulatorOptions#settings()} keys the WeCom fake understands; see {@link WeComSimulator} for each. */
record WeComSettings(
        String corpId,
        String corpSecret,
        int agentId,
        Duration tokenTtl,
        boolean reuseTokenWhileValid,
        int expiredTokenErrcode,
        int invalidParameterErrcode,
        int unknownIdErrcode,
        int wrongStateErrcode,
        boolean advancedMeetingApi,
        boolean paidCorp,
        boolean updateKeepsOmittedInvitees,
        boolean listIncludesWebinars,
        long webinarStartMinOffsetSeconds,
        WebinarNames webinarGetNames,
        boolean livingStartInFuture,
        boolean educationCorp,
        int apiCallsPerMinute,
        int gettokenFailuresPerHour) {

    /**
     * How webinar/get spells the title and the mute switch: doc 98860's table says {@code subject}, its example
     * {@code title} and {@code mute_enable_join} where create says {@code enable_enter_mute} (spec, corrections).
     */
    enum WebinarNames {
        /** {@code title} and {@code enable_enter_mute}, as create spells them. */
        TITLE,
        /** {@code subject} and {@code mute_enable_join}. */
        SUBJECT,
        /** One, then the other, on successive gets, so a client meets both. */
        ALTERNATE
    }

    static WeComSettings from(SimulatorOptions options) {
        return new WeComSettings(
                text(options, "corp-id", "wwc0nvene5im0001"),
                text(options, "corp-secret", "sim-wecom-app-secret"),
                number(options, "agent-id", 1000002),
                Duration.ofSeconds(number(options, "token-ttl-seconds", 7200)),
                flag(options, "reuse-token-while-valid", false),
                number(options, "expired-token-errcode", 42001),
                number(options, "invalid-parameter-errcode", 40058),
                number(options, "unknown-id-errcode", 40058),
                number(options, "wrong-state-errcode", 40058),
                choice(options, "meeting-api", "basic", "advanced"),
                flag(options, "paid-corp", true),
                choice(options, "update-omitted-invitees", "clear", "keep"),
                flag(options, "list-includes-webinars", false),
                number(options, "webinar-start-min-offset-seconds", 1800),
                WebinarNames.valueOf(options.setting("webinar-get-names").orElse("alternate").trim().toUpperCase(java.util.Locale.ROOT)),
                flag(options, "living-start-in-future", true),
                flag(options, "education-corp", false),
                number(options, "api-calls-per-minute", 10_000),
                number(options, "gettoken-failures-per-hour", 2_000));
    }

    int maxInvitees() {
        return paidCorp ? 300 : 100;
    }

    private static String text(SimulatorOptions options, String key, String fallback) {
        return options.setting(key).orElse(fallback);
    }

    private static int number(SimulatorOptions options, String key, int fallback) {
        return options.setting(key).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("wecom simulator setting " + key + " must be an integer, was '" + v + "'", e);
            }
        }).orElse(fallback);
    }

    private static boolean flag(SimulatorOptions options, String key, boolean fallback) {
        return options.setting(key).map(v -> switch (v.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("wecom simulator setting " + key + " must be true or false, was '" + v + "'");
        }).orElse(fallback);
    }

    /** True when the setting names the second (non-default) value. */
    private static boolean choice(SimulatorOptions options, String key, String fallback, String other) {
        String v = options.setting(key).orElse(fallback).trim();
        if (!v.equals(fallback) && !v.equals(other)) {
            throw new IllegalArgumentException("wecom simulator setting " + key + " must be " + fallback + " or " + other + ", was '" + v + "'");
        }
        return v.equals(other);
    }
}
