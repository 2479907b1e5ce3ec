package dev.convene.spring.boot;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** What the shared tests need of this Boot line (4) that the other names differently: Actuator's health API. */
final class BootLine {
    static final Class<?> HEALTH_INDICATOR = HealthIndicator.class;

    private BootLine() {
    }

    static String status(Object indicator) {
        return ((HealthIndicator) indicator).health().getStatus().getCode();
    }

    static Map<String, Object> details(Object indicator) {
        Health health = ((HealthIndicator) indicator).health();
        return health.getDetails();
    }
}
