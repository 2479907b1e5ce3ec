package dev.convene.spring.boot;

import dev.convene.micrometer.ConveneObservations;
import dev.convene.micrometer.EventMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics and traces through {@code convene-micrometer} when the application has Micrometer's registries (Actuator
 * makes them): {@link ConveneObservations} as a listener of every call, observed in the application's
 * {@link ObservationRegistry} (timers, and spans where a tracer is set up) with its counters in the
 * {@link MeterRegistry}; with a {@link MeterRegistry} alone, timers only. {@link EventMetrics} counts what the
 * event endpoint answers.
 */
@AutoConfiguration(afterName = {
        // Boot 3.5
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        // Boot 4
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({ConveneObservations.class, MeterRegistry.class})
public class ConveneObservationAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ObservationRegistry.class)
    static class Observed {
        @Bean
        @ConditionalOnMissingBean
        ConveneObservations conveneObservations(ObservationRegistry observations, ObjectProvider<MeterRegistry> meters) {
            return new ConveneObservations(observations, meters.getIfUnique());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnMissingBean(ObservationRegistry.class)
    static class MetersOnly {
        @Bean
        @ConditionalOnMissingBean
        ConveneObservations conveneObservations(MeterRegistry meters) {
            return ConveneObservations.of(meters);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(MeterRegistry.class)
    @ConditionalOnClass(name = "dev.convene.events.EventReceiver")
    static class Events {
        @Bean
        @ConditionalOnMissingBean
        EventMetrics conveneEventMetrics(MeterRegistry meters) {
            return new EventMetrics(meters);
        }
    }
}
