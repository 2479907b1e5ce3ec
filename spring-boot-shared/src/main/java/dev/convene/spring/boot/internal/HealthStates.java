package dev.convene.spring.boot.internal;

import java.time.Clock;
import java.time.Duration;
import org.springframework.core.env.Environment;

/** Makes the {@link HealthState} both Boot lines' health auto-configurations use. */
public final class HealthStates {
    /** {@code convene.health.max-age}: how long without a word from a vendor before a probe checks in the background. */
    public static final String MAX_AGE = "convene.health.max-age";
    static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

    private HealthStates() {
    }

    /** @throws IllegalArgumentException naming the key when {@code convene.health.max-age} is not a positive duration */
    public static HealthState create(Environment environment) {
        return new HealthState(Clock.systemUTC(), duration(environment.getProperty(MAX_AGE)));
    }

    static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_MAX_AGE;
        }
        Duration d;
        try {
            String v = value.trim();
            d = v.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(MAX_AGE + " must be an ISO-8601 duration like PT10M or seconds, was '" + value + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(MAX_AGE + " must be positive, was " + value);
        }
        return d;
    }
}
