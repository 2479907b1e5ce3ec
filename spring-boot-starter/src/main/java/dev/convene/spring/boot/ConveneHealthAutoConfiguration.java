package dev.convene.spring.boot;

import dev.convene.SessionService;
import dev.convene.spring.boot.internal.HealthState;
import dev.convene.spring.boot.internal.HealthStates;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Actuator's {@code convene} health (Boot 4's {@code org.springframework.boot.health.contributor}; the Boot 3
 * starter has the same class on {@code org.springframework.boot.actuate.health}): per provider the token state and
 * the vendor's last answer, from what the application's calls already saw; a probe never calls the vendor (see
 * {@code convene.health.max-age}). Off with {@code management.health.convene.enabled=false}.
 */
@AutoConfiguration(after = ConveneAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(SessionService.class)
@ConditionalOnProperty(name = "management.health.convene.enabled", matchIfMissing = true)
public class ConveneHealthAutoConfiguration {

    /** The listener that learns the state from every call of the {@link SessionService} bean. */
    @Bean
    @ConditionalOnMissingBean
    HealthState conveneHealthState(Environment environment) {
        return HealthStates.create(environment);
    }

    @Bean
    @ConditionalOnMissingBean(name = "conveneHealthIndicator")
    HealthIndicator conveneHealthIndicator(HealthState state, ObjectProvider<SessionService> sessions) {
        return new AbstractHealthIndicator("Convene health check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                HealthState.Report report = state.probe(sessions.getIfUnique());
                builder.status(report.status().name()).withDetails(report.details());
            }
        };
    }
}
