package dev.convene.spring.boot;

import dev.convene.events.EventReceiver;
import dev.convene.micrometer.EventMetrics;
import dev.convene.spring.boot.internal.EventsEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * In a servlet web application with Spring MVC, {@code POST} and {@code GET}
 * {@code {convene.events.path}/{provider}} and {@code {convene.events.path}/{provider}/{tenant}} (path default
 * {@code /convene/events}) are answered by the {@link EventReceiver}: URL checks answered, forgeries and replays
 * refused with their 4xx status, duplicates answered 200; each accepted {@link dev.convene.events.Event} is then
 * published as a Spring application event ({@code @EventListener void on(Event event)}), after the answer was
 * written. Off with {@code convene.events.enabled=false}.
 */
@AutoConfiguration(after = {ConveneEventsAutoConfiguration.class, ConveneObservationAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({DispatcherServlet.class, EventReceiver.class})
@ConditionalOnBean(EventReceiver.class)
@ConditionalOnProperty(name = "convene.events.enabled", matchIfMissing = true)
public class ConveneEventsWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventsEndpoint conveneEventsEndpoint(EventReceiver receiver, ApplicationEventPublisher publisher, ObjectProvider<EventMetrics> metrics) {
        return new EventsEndpoint(receiver, publisher, metrics.getIfUnique());
    }
}
