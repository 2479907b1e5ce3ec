package dev.convene.spring.boot;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Context runners with every Convene auto-configuration, and exact property sources (no process environment). */
final class Runners {
    static final AutoConfigurations CONVENE = AutoConfigurations.of(ConveneAutoConfiguration.class,
            ConveneObservationAutoConfiguration.class, ConveneHealthAutoConfiguration.class,
            ConveneEventsAutoConfiguration.class, ConveneEventsWebAutoConfiguration.class);

    private Runners() {
    }

    static ApplicationContextRunner plain() {
        return new ApplicationContextRunner().withConfiguration(CONVENE).withInitializer(environment(Map.of()));
    }

    static WebApplicationContextRunner web() {
        return new WebApplicationContextRunner().withConfiguration(CONVENE).withInitializer(environment(Map.of()));
    }

    /** {@code values} as the application's properties, each exactly as given (a URL's colons included). */
    static ApplicationContextInitializer<ConfigurableApplicationContext> properties(Map<String, String> values) {
        return context -> context.getEnvironment().getPropertySources().addLast(new MapPropertySource("application", Map.copyOf(values)));
    }

    /** {@code variables} in place of the process environment. */
    static ApplicationContextInitializer<ConfigurableApplicationContext> environment(Map<String, String> variables) {
        return context -> context.getEnvironment().getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables)));
    }
}
