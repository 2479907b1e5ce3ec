package dev.convene.spring.boot;

import dev.convene.Convene;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.TenantResolver;
import dev.convene.Tenants;
import dev.convene.spring.boot.internal.HealthState;
import dev.convene.spring.boot.internal.SpringConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Convene from the application's {@code convene.*} properties: {@link ConveneProperties}; a {@link SessionService}
 * when {@code convene.provider} or {@code convene.providers} is set (closed with the context); {@link Tenants} when the
 * application has a {@link TenantResolver} bean. Every {@link SessionListener} bean hears every call, in their
 * {@code @Order}. With {@code convene-tokenstore-redis} on the class path and a Redis configured
 * ({@code convene.redis.url}, or Spring's {@code spring.data.redis.*}), tokens, call budgets and received events'
 * keys are shared through it. A bean of the same type defined by the application replaces each of these.
 */
@AutoConfiguration
public class ConveneAutoConfiguration {
    static final String REDIS_STORE = "dev.convene.tokenstore.redis.RedisTokenStoreFactory";

    /** What Spring's environment holds for Convene; the Redis defaults applied when the Redis token store is present. */
    @Bean
    @ConditionalOnMissingBean
    public ConveneProperties conveneProperties(ConfigurableEnvironment environment, ResourceLoader context) {
        return SpringConfig.read(environment, ClassUtils.isPresent(REDIS_STORE, context.getClassLoader()));
    }

    /**
     * One service for the configured provider or providers.
     *
     * @throws dev.convene.ConfigurationException (failing start-up) naming every missing key and its variable
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @Conditional(OnProviderConfigured.class)
    public SessionService conveneSessionService(ConveneProperties properties, ObjectProvider<SessionListener> listeners) {
        Convene.Builder builder = Convene.builder()
                .properties(properties.properties())
                .environment(properties.environment())
                // Spring's environment has the system properties already, ranked as Spring ranks them
                .systemProperties(false);
        listeners.orderedStream().forEach(builder::listener);
        return builder.build();
    }

    /** The tenants the application's resolver configures; each tenant's calls are heard by every listener bean. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    @ConditionalOnBean(TenantResolver.class)
    public Tenants conveneTenants(TenantResolver resolver, ConveneProperties properties, ObjectProvider<SessionListener> listeners) {
        Tenants.Builder builder = Tenants.builder(resolver)
                .properties(properties.properties())
                .environment(properties.environment())
                .systemProperties(false);
        // the health reports the application's own service: one tenant's refused credentials are not the application's
        listeners.orderedStream().filter(listener -> !(listener instanceof HealthState)).forEach(listener -> builder.listener(tenant -> listener));
        return builder.build();
    }

    /** {@code convene.provider} or {@code convene.providers} is set, in a property source or the environment. */
    static final class OnProviderConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ConveneProperties properties = SpringConfig.read((ConfigurableEnvironment) context.getEnvironment(), false);
            if (properties.get("convene.provider") != null || properties.get("convene.providers") != null) {
                return ConditionOutcome.match("convene.provider or convene.providers is set");
            }
            return ConditionOutcome.noMatch("neither convene.provider nor convene.providers is set");
        }
    }
}
