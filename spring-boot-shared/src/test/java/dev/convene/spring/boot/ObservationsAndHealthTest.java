package dev.convene.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionService;
import dev.convene.micrometer.ConveneObservations;
import dev.convene.simulator.Operation;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.spring.boot.internal.HealthState;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Micrometer's observations when the application has its registries, and Actuator's health when it has Actuator. */
class ObservationsAndHealthTest {
    static final VendorSimulator ZOOM = Simulators.start("zoom");

    @AfterAll
    static void stop() {
        ZOOM.close();
    }

    final ApplicationContextRunner runner = Runners.plain();

    @Test
    void callsAreObservedInTheApplicationsRegistries() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        runner.withInitializer(Runners.properties(ZOOM.propertiesForNewCredentials()))
                .withBean(MeterRegistry.class, () -> meters)
                .withBean(ObservationRegistry.class, () -> observations)
                .run(context -> {
                    assertThat(context).hasSingleBean(ConveneObservations.class);
                    context.getBean(SessionService.class).create(ConveneAutoConfigurationTest.draft("Observed"));
                    assertThat(meters.get("convene.operations").tags("provider", "zoom", "operation", "create", "outcome", "success").timer().count())
                            .isEqualTo(1);
                    assertThat(meters.get("http.client.requests").tags("method", "POST", "uri", "/v2/users/{userId}/{collection}").timer().count())
                            .isEqualTo(1);
                    assertThat(meters.get("convene.token.fetches").tags("provider", "zoom", "outcome", "success").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void aMeterRegistryAloneGivesTimers() {
        MeterRegistry meters = new SimpleMeterRegistry();
        runner.withInitializer(Runners.properties(ZOOM.propertiesForNewCredentials()))
                .withBean(MeterRegistry.class, () -> meters)
                .run(context -> {
                    context.getBean(SessionService.class).create(ConveneAutoConfigurationTest.draft("Timed"));
                    assertThat(meters.get("convene.operations").tags("operation", "create").timer().count()).isEqualTo(1);
                });
    }

    @Test
    void noRegistryNoObservations() {
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ConveneObservations.class));
    }

    @Test
    void aUserObservationsBeanWins() {
        ConveneObservations own = ConveneObservations.of(new SimpleMeterRegistry());
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ConveneObservations.class, () -> own)
                .run(context -> assertThat(context.getBean(ConveneObservations.class)).isSameAs(own));
    }

    @Test
    void withoutActuatorNoHealth() {
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .withClassLoader(new FilteredClassLoader(BootLine.HEALTH_INDICATOR))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("conveneHealthIndicator").doesNotHaveBean(HealthState.class));
    }

    @Test
    void withoutAServiceNoHealth() {
        runner.run(context -> assertThat(context).doesNotHaveBean("conveneHealthIndicator"));
    }

    @Test
    void probesReportWhatCallsSawAndSpendNoQuota() {
        Map<String, String> props = ZOOM.propertiesForNewCredentials();
        runner.withInitializer(Runners.properties(props)).run(context -> {
            Object health = context.getBean("conveneHealthIndicator");
            assertThat(health).isInstanceOf(BootLine.HEALTH_INDICATOR);
            int before = ZOOM.requests().size();
            context.getBean(SessionService.class).create(ConveneAutoConfigurationTest.draft("Healthy"));
            int afterCall = ZOOM.requests().size();
            assertThat(afterCall).isGreaterThan(before);
            for (int i = 0; i < 20; i++) {
                assertThat(BootLine.status(health)).isEqualTo("UP");
            }
            assertThat(ZOOM.requests()).hasSize(afterCall);
            @SuppressWarnings("unchecked")
            Map<String, Object> zoom = (Map<String, Object>) BootLine.details(health).get("zoom");
            assertThat(zoom).containsEntry("status", "UP").containsEntry("lastHttpStatus", 200).containsKey("token");
            // the last call is the create or core's read after it (Zoom's create answer names the host by e-mail only)
            assertThat(zoom.get("lastCall").toString()).contains("outcome=success").containsPattern("operation=(create|get)");
            assertThat(BootLine.details(health).toString()).doesNotContain(props.get("convene.zoom.client-secret"));
        });
    }

    @Test
    void beforeAnyCallOneProbeStartsOneBackgroundCheck() {
        Map<String, String> props = ZOOM.propertiesForNewCredentials();
        runner.withInitializer(Runners.properties(props)).run(context -> {
            Object health = context.getBean("conveneHealthIndicator");
            int before = ZOOM.requests(Operation.TOKEN).size();
            assertThat(BootLine.status(health)).isIn("UNKNOWN", "UP");
            for (int i = 0; i < 20; i++) {
                BootLine.status(health);
            }
            await(() -> BootLine.status(health).equals("UP"));
            assertThat(ZOOM.requests(Operation.TOKEN)).hasSize(before + 1);
        });
    }

    @Test
    void refusedCredentialsAreDown() {
        runner.withInitializer(Runners.properties(ZOOM.propertiesWithBadCredentials())).run(context -> {
            Object health = context.getBean("conveneHealthIndicator");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> context.getBean(SessionService.class).create(ConveneAutoConfigurationTest.draft("Refused")));
            assertThat(BootLine.status(health)).isEqualTo("DOWN");
            assertThat(BootLine.details(health).toString()).contains("AuthenticationException");
        });
    }

    @Test
    void healthCanBeTurnedOff() {
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .withPropertyValues("management.health.convene.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean("conveneHealthIndicator"));
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
