package dev.convene.spi;

import dev.convene.ConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A vendor's documented call limit for one account: at most {@code calls} per {@code period}, e.g. Tencent
 * Meeting's 300 calls a minute per app. Written {@code 300/PT1M} in configuration
 * ({@code convene.<provider>.rate-limits = 300/PT1M, 200000/P1D}).
 */
public record RateLimit(long calls, Duration period) {
    /** @throws IllegalArgumentException when calls or period is not positive */
    public RateLimit {
        if (calls < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive number of calls and period, was " + calls + "/" + period);
        }
    }

    /** @throws IllegalArgumentException when {@code calls} is not positive */
    public static RateLimit perMinute(long calls) {
        return new RateLimit(calls, Duration.ofMinutes(1));
    }

    /**
     * The limits a configuration value lists ({@code 300/PT1M, 200000/P1D}); {@code none} is no limit at all.
     *
     * @throws ConfigurationException naming {@code key} and the rule when a part is not {@code CALLS/DURATION}
     */
    public static List<RateLimit> parseAll(String key, String value) {
        List<RateLimit> out = new ArrayList<>();
        if (value.trim().equalsIgnoreCase("none")) {
            return out;
        }
        for (String part : value.split(",")) {
            String p = part.trim();
            int slash = p.indexOf('/');
            try {
                if (slash < 1) {
                    throw new IllegalArgumentException();
                }
                String period = p.substring(slash + 1).trim().toUpperCase(Locale.ROOT);
                out.add(new RateLimit(Long.parseLong(p.substring(0, slash).trim()), Duration.parse(period.startsWith("P") ? period : "PT" + period)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ConfigurationException(key + " must list limits like 300/PT1M or 200000/P1D (calls per ISO-8601 duration), or none; was '"
                        + value + "'");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return calls + "/" + period;
    }
}
