package dev.convene.simulator.tencentmeeting;

import dev.convene.simulator.SimulatorOptions;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Typed reads of the simulator's {@code settings}; a bad value fails at start, naming the key. */
final class TencentMeetingSettings {
    private final SimulatorOptions options;

    TencentMeetingSettings(SimulatorOptions options) {
        this.options = options;
    }

    String string(String key, String fallback) {
        return options.setting(key).orElse(fallback);
    }

    Optional<String> optional(String key) {
        return options.setting(key).filter(v -> !v.isEmpty());
    }

    boolean flag(String key, boolean fallback) {
        return options.setting(key).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, was " + v);
        }).orElse(fallback);
    }

    long number(String key, long fallback) {
        return options.setting(key).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be an integer, was " + v, e);
            }
        }).orElse(fallback);
    }

    List<String> list(String key) {
        return list(key, List.of());
    }

    List<String> list(String key, List<String> fallback) {
        return options.setting(key)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(fallback);
    }

    /** The value, which must be one of {@code allowed}; the first allowed value is the default. */
    String choice(String key, String... allowed) {
        String v = options.setting(key).orElse(allowed[0]);
        if (!Arrays.asList(allowed).contains(v)) {
            throw new IllegalArgumentException("setting " + key + " must be one of " + Arrays.toString(allowed) + ", was " + v);
        }
        return v;
    }

    /** Every {@code status.<code>} override, as code → HTTP status. */
    java.util.Map<Integer, Integer> statusOverrides() {
        java.util.Map<Integer, Integer> out = new java.util.HashMap<>();
        options.settings().forEach((k, v) -> {
            if (k.startsWith("status.")) {
                out.put(Integer.parseInt(k.substring("status.".length())), Integer.parseInt(v));
            }
        });
        return out;
    }
}
