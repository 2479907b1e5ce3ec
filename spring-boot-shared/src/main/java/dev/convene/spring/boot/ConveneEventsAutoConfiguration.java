package dev.convene.spring.boot;

import dev.convene.events.EventReceiver;
import dev.convene.spring.boot.internal.SpringConfig;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * An {@link EventReceiver} (closed with the context) when a provider's event keys are set
 * ({@code convene.wecom.callback-token} and {@code callback-aes-key}, {@code convene.tencentmeeting.event-token},
 * {@code convene.zoom.webhook-secret-token}); in a servlet web application
 * {@link ConveneEventsWebAutoConfiguration} serves it.
 */
@AutoConfiguration(after = ConveneAutoConfiguration.class)
@ConditionalOnClass(EventReceiver.class)
public class ConveneEventsAutoConfiguration {
    static final List<String> EVENT_KEYS = List.of("convene.wecom.callback-token", "convene.wecom.callback-aes-key",
            "convene.tencentmeeting.event-token", "convene.tencentmeeting.event-aes-key", "convene.zoom.webhook-secret-token");

    /**
     * The receiver of the configured providers' pushes.
     *
     * @throws dev.convene.ConfigurationException (failing start-up) naming the key when a provider's event keys are
     *                                            incomplete or malformed
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnEventKeys.class)
    public EventReceiver conveneEventReceiver(ConveneProperties properties) {
        return EventReceiver.builder()
                .properties(properties.properties())
                .environment(properties.environment())
                .systemProperties(false)
                .build();
    }

    /** Some provider's event keys are set. */
    static final class OnEventKeys extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConveneProperties properties = SpringConfig.read((ConfigurableEnvironment) context.getEnvironment(), false);
            for (String key : EVENT_KEYS) {
                if (properties.get(key) != null) {
                    return ConditionOutcome.match(key + " is set");
                }
            }
            return ConditionOutcome.noMatch("no provider's event keys are set");
        }
    }
}
