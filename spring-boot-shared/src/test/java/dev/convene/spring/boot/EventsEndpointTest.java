package dev.convene.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.convene.events.Event;
import dev.convene.events.EventReceiver;
import dev.convene.simulator.EventChannel;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.spring.boot.internal.EventsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/** The event endpoint in a servlet application, fed the Zoom simulator's own signed deliveries through Spring MVC. */
class EventsEndpointTest {
    static final VendorSimulator ZOOM = Simulators.start("zoom");

    @AfterAll
    static void stop() {
        ZOOM.close();
    }

    final WebApplicationContextRunner runner = Runners.web()
            .withUserConfiguration(Mvc.class)
            .withInitializer(Runners.properties(ZOOM.events().receiverProperties()));

    @Configuration(proxyBeanMethods = false)
    @EnableWebMvc
    static class Mvc {
        final List<Event> received = new CopyOnWriteArrayList<>();

        @EventListener
        void on(Event event) {
            received.add(event);
        }
    }

    static MvcResult send(WebApplicationContext context, String path, EventChannel.Request r) throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        MockHttpServletRequestBuilder b = request(HttpMethod.valueOf(r.method()), path).content(r.body());
        r.query().forEach(b::queryParam);
        r.headers().forEach(b::header);
        return mvc.perform(b).andReturn();
    }

    static EventChannel.Request started(String nativeId) {
        EventChannel channel = ZOOM.events().channel();
        Instant now = Instant.now();
        return channel.deliver(channel.seal(channel.sample("meeting.started", nativeId, now)), now);
    }

    @Test
    void anAcceptedEventIsAnsweredThenPublishedOnceAndADuplicateOnlyAnswered() throws Exception {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner.withBean(MeterRegistry.class, () -> meters).run(context -> {
            assertThat(context).hasSingleBean(EventReceiver.class).hasSingleBean(EventsEndpoint.class);
            List<Event> received = context.getBean(Mvc.class).received;
            EventChannel.Request delivery = started("81234567890");
            MvcResult first = send(context, "/convene/events/zoom", delivery);
            assertThat(first.getResponse().getStatus()).isEqualTo(200);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).provider()).isEqualTo("zoom");
            assertThat(received.get(0).sessionId().toString()).isEqualTo("zoom:meeting:81234567890");
            assertThat(received.get(0).tenant()).isNull();

            MvcResult again = send(context, "/convene/events/zoom", delivery);
            assertThat(again.getResponse().getStatus()).isEqualTo(200);
            assertThat(received).hasSize(1);
            assertThat(meters.get("convene.events.received").tags("provider", "zoom", "result", "accepted").counter().count()).isEqualTo(1);
            assertThat(meters.get("convene.events.received").tags("provider", "zoom", "result", "duplicate").counter().count()).isEqualTo(1);
        });
    }

    @Test
    void aForgeryIsRefusedWithItsStatusAndNothingPublished() {
        runner.run(context -> {
            EventChannel.Request genuine = started("81234567891");
            byte[] changed = new String(genuine.body(), StandardCharsets.UTF_8).replace("81234567891", "81234567899").getBytes(StandardCharsets.UTF_8);
            EventChannel.Request forged = new EventChannel.Request(genuine.method(), genuine.query(), genuine.headers(), changed);
            MvcResult result = send(context, "/convene/events/zoom", forged);
            assertThat(result.getResponse().getStatus()).isEqualTo(401);
            assertThat(result.getResponse().getContentAsString()).isEqualTo("bad_signature");
            assertThat(send(context, "/convene/events/teams", genuine).getResponse().getStatus()).isEqualTo(404);
            assertThat(context.getBean(Mvc.class).received).isEmpty();
        });
    }

    @Test
    void theUrlCheckIsAnswered() {
        runner.run(context -> {
            EventChannel.Request check = ZOOM.events().channel().check(Instant.now()).request();
            MvcResult result = send(context, "/convene/events/zoom", check);
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(result.getResponse().getContentAsString()).contains("plainToken", "encryptedToken");
            assertThat(context.getBean(Mvc.class).received).isEmpty();
        });
    }

    @Test
    void theTenantInThePathIsTheEventsAndThePathIsConfigurable() {
        runner.withPropertyValues("convene.events.path=/hooks").run(context -> {
            assertThat(send(context, "/hooks/zoom/acme", started("81234567892")).getResponse().getStatus()).isEqualTo(200);
            assertThat(context.getBean(Mvc.class).received).singleElement().extracting(Event::tenant).isEqualTo("acme");
            assertThat(send(context, "/convene/events/zoom", started("81234567893")).getResponse().getStatus()).isEqualTo(404);
        });
    }

    @Test
    void noEventKeysNoReceiverAndNoEndpoint() {
        Runners.web().withUserConfiguration(Mvc.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(EventReceiver.class).doesNotHaveBean(EventsEndpoint.class));
    }

    @Test
    void notAWebApplicationNoEndpoint() {
        Runners.plain().withInitializer(Runners.properties(ZOOM.events().receiverProperties()))
                .run(context -> assertThat(context).hasSingleBean(EventReceiver.class).doesNotHaveBean(EventsEndpoint.class));
    }

    @Test
    void theEndpointCanBeTurnedOffAndAUserReceiverWins() {
        runner.withPropertyValues("convene.events.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(EventReceiver.class).doesNotHaveBean(EventsEndpoint.class));
        EventReceiver own = EventReceiver.builder().properties(ZOOM.events().receiverProperties()).environment(Map.of()).build();
        runner.withBean(EventReceiver.class, () -> own).run(context -> assertThat(context.getBean(EventReceiver.class)).isSameAs(own));
        own.close();
    }
}
