package dev.convene.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.ConfigurationException;
import dev.convene.Convene;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.TenantResolver;
import dev.convene.Tenants;
import dev.convene.simulator.Operation;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.spring.boot.internal.ConfigurationFailureAnalyzer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** Every condition of {@link ConveneAutoConfiguration}, on this module's Boot line, against the vendor simulators. */
class ConveneAutoConfigurationTest {
    static final VendorSimulator ZOOM = Simulators.start("zoom");
    static final VendorSimulator WECOM = Simulators.start("wecom");

    @AfterAll
    static void stop() {
        ZOOM.close();
        WECOM.close();
    }

    static SessionDraft draft(String title) {
        return SessionDraft.builder(SessionKind.MEETING).title(title)
                .start(Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES))
                .timeZone(java.time.ZoneId.of("Asia/Shanghai")).duration(Duration.ofMinutes(30)).build();
    }

    final ApplicationContextRunner runner = Runners.plain();

    @Test
    void oneProviderGivesASessionServiceThatWorksAndClosesWithTheContext() {
        SessionService[] kept = new SessionService[1];
        runner.withInitializer(Runners.properties(ZOOM.properties())).run(context -> {
            assertThat(context).hasSingleBean(SessionService.class).doesNotHaveBean(Tenants.class);
            SessionService sessions = context.getBean(SessionService.class);
            assertThat(sessions.provider()).isEqualTo("zoom");
            Session created = sessions.create(draft("Boot sync"));
            assertThat(ZOOM.sessions()).anyMatch(s -> s.nativeId().equals(created.id().nativeId()));
            kept[0] = sessions;
        });
        assertThatThrownBy(() -> kept[0].get(dev.convene.SessionId.parse("zoom:meeting:1"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void severalProvidersInOneService() {
        Map<String, String> both = new HashMap<>(ZOOM.properties());
        both.putAll(WECOM.properties());
        both.put("convene.providers", "wecom, zoom");
        both.put("convene.provider", "zoom");
        runner.withInitializer(Runners.properties(both)).run(context -> {
            SessionService sessions = context.getBean(SessionService.class);
            assertThat(sessions.providers()).containsExactly("zoom", "wecom");
            Session onWeCom = sessions.create(draft("On WeCom").toBuilder().provider("wecom").build());
            assertThat(onWeCom.id().provider()).isEqualTo("wecom");
        });
    }

    @Test
    void aYamlListOfProvidersIsConvenesCommaSeparatedValue() {
        Map<String, String> both = new HashMap<>(ZOOM.properties());
        both.putAll(WECOM.properties());
        both.remove("convene.provider");
        both.put("convene.providers[0]", "wecom");
        both.put("convene.providers[1]", "zoom");
        runner.withInitializer(Runners.properties(both)).run(context -> {
            assertThat(context.getBean(ConveneProperties.class).properties()).containsEntry("convene.providers", "wecom,zoom");
            assertThat(context.getBean(SessionService.class).providers()).containsExactly("wecom", "zoom");
        });
    }

    @Test
    void noProviderConfiguredGivesNoService() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(ConveneProperties.class)
                .doesNotHaveBean(SessionService.class).doesNotHaveBean(Tenants.class));
    }

    @Test
    void environmentVariablesConfigureAsWithoutSpringAndWhatSpringRanksHigherWins() {
        Map<String, String> props = new HashMap<>(ZOOM.properties());
        String secret = props.remove("convene.zoom.client-secret");
        String organizer = props.remove("convene.zoom.organizer");
        runner.withInitializer(Runners.properties(props))
                .withInitializer(Runners.environment(Map.of("CONVENE_ZOOM_CLIENT_SECRET", secret, "CONVENE_ZOOM_ORGANIZER", "nobody@example.com")))
                // a system property ranks above the environment in Spring: it wins over CONVENE_ZOOM_ORGANIZER
                .withSystemProperties("convene.zoom.organizer=" + organizer)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ConveneProperties resolved = context.getBean(ConveneProperties.class);
                    assertThat(resolved.get("convene.zoom.organizer")).isEqualTo(organizer);
                    assertThat(resolved.environment()).containsOnlyKeys("CONVENE_ZOOM_CLIENT_SECRET");
                    assertThat(context.getBean(SessionService.class).create(draft("From the environment")).id().provider()).isEqualTo("zoom");
                });
    }

    @Test
    void missingCredentialsFailStartUpNamingTheKeys() {
        runner.withInitializer(Runners.properties(Map.of("convene.provider", "zoom", "convene.zoom.account-id", "acct"))).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            ConfigurationException cause = rootCause(failure, ConfigurationException.class);
            assertThat(cause.missingKeys()).containsExactlyInAnyOrder("convene.zoom.client-id", "convene.zoom.client-secret");
            assertThat(cause.getMessage()).contains("convene.zoom.client-id", "convene.zoom.client-secret", "CONVENE_ZOOM_CLIENT_SECRET")
                    .doesNotContain("acct");
            FailureAnalysis analysis = new ConfigurationFailureAnalyzer().analyze(failure);
            assertThat(analysis.getAction()).contains("convene.zoom.client-id", "CONVENE_ZOOM_CLIENT_SECRET");
        });
    }

    @Test
    void aTenantResolverBeanGivesTenants() {
        Map<String, String> acme = ZOOM.propertiesForNewCredentials();
        runner.withBean(TenantResolver.class, () -> tenant -> tenant.equals("acme") ? acme : Map.of()).run(context -> {
            assertThat(context).hasSingleBean(Tenants.class).doesNotHaveBean(SessionService.class);
            Tenants tenants = context.getBean(Tenants.class);
            assertThat(tenants.sessions("acme").create(draft("Tenant sync")).id().provider()).isEqualTo("zoom");
            assertThatThrownBy(() -> tenants.sessions("nobody").create(draft("x"))).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("nobody");
        });
    }

    @Test
    void listenerBeansHearEveryCallInTheirOrder() {
        List<String> heard = new CopyOnWriteArrayList<>();
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .withUserConfiguration(Listeners.class)
                .withBean(Heard.class, () -> new Heard(heard))
                .run(context -> {
                    context.getBean(SessionService.class).create(draft("Heard"));
                    // the create, then core's read after it (Zoom's create answer names the host by e-mail only)
                    assertThat(heard).containsExactly("first create", "second create", "first get", "second get");
                });
    }

    /** A bean holding what the listeners heard (a {@code List} bean would be injected as a collection of beans). */
    record Heard(List<String> calls) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Listeners {
        @Bean
        @Order(2)
        SessionListener second(Heard heard) {
            return new SessionListener() {
                @Override
                public void onStart(SessionEvent event) {
                    heard.calls().add("second " + event.operation().name().toLowerCase());
                }
            };
        }

        @Bean
        @Order(1)
        SessionListener first(Heard heard) {
            return new SessionListener() {
                @Override
                public void onStart(SessionEvent event) {
                    heard.calls().add("first " + event.operation().name().toLowerCase());
                }
            };
        }
    }

    @Test
    void theApplicationsOwnBeansWin() {
        SessionService own = Convene.builder().properties(WECOM.properties()).environment(Map.of()).systemProperties(false).build();
        Tenants ownTenants = Tenants.builder(tenant -> Map.of()).environment(Map.of()).systemProperties(false).build();
        ConveneProperties ownProperties = new ConveneProperties(Map.of("convene.provider", "wecom"), Map.of());
        runner.withInitializer(Runners.properties(ZOOM.properties()))
                .withBean(SessionService.class, () -> own)
                .withBean(Tenants.class, () -> ownTenants)
                .withBean(ConveneProperties.class, () -> ownProperties)
                .withBean(TenantResolver.class, () -> tenant -> Map.of())
                .run(context -> {
                    assertThat(context.getBean(SessionService.class)).isSameAs(own);
                    assertThat(context.getBean(Tenants.class)).isSameAs(ownTenants);
                    assertThat(context.getBean(ConveneProperties.class)).isSameAs(ownProperties);
                });
        own.close();
        ownTenants.close();
    }

    @Test
    void aUserPropertiesBeanConfiguresTheService() {
        runner.withBean(ConveneProperties.class, () -> new ConveneProperties(WECOM.properties(), Map.of())).run(context -> {
            // no convene.* property in Spring's environment: the condition reads the environment, so no service here
            assertThat(context).doesNotHaveBean(SessionService.class);
        });
        runner.withInitializer(Runners.properties(Map.of("convene.provider", "wecom")))
                .withBean(ConveneProperties.class, () -> new ConveneProperties(WECOM.properties(), Map.of()))
                .run(context -> assertThat(context.getBean(SessionService.class).create(draft("Own keys")).id().provider()).isEqualTo("wecom"));
    }

    @Test
    void withoutTheRedisStoreOnTheClassPathARedisUrlChangesNothing() {
        runner.withInitializer(Runners.properties(Map.of("spring.data.redis.url", "redis://127.0.0.1:1")))
                .withClassLoader(new FilteredClassLoader(ConveneAutoConfiguration.REDIS_STORE))
                .run(context -> assertThat(context.getBean(ConveneProperties.class).properties())
                        .doesNotContainKeys("convene.token-store", "convene.redis.url", "convene.rate-limits.scope"));
    }

    @Test
    void withoutARedisTheTokenStoreStaysInMemory() {
        runner.withInitializer(Runners.properties(ZOOM.properties())).run(context -> {
            assertThat(context.getBean(ConveneProperties.class).properties()).doesNotContainKeys("convene.token-store", "convene.redis.url");
            context.getBean(SessionService.class).create(draft("Memory tokens"));
        });
    }

    @Test
    void springsRedisBecomesConvenesUnlessTheKeysSayOtherwise() {
        runner.withInitializer(Runners.properties(Map.of("spring.data.redis.host", "cache.internal", "spring.data.redis.port", "6380",
                "spring.data.redis.password", "p@ss", "spring.data.redis.database", "2"))).run(context -> {
            Map<String, String> p = context.getBean(ConveneProperties.class).properties();
            assertThat(p).containsEntry("convene.redis.url", "redis://:p%40ss@cache.internal:6380/2")
                    .containsEntry("convene.token-store", "redis").containsEntry("convene.rate-limits.scope", "cluster")
                    .containsEntry("convene.events.dedup", "redis");
            assertThat(context.getBean(ConveneProperties.class).toString()).doesNotContain("p@ss").doesNotContain("p%40ss");
        });
        runner.withInitializer(Runners.properties(Map.of("convene.redis.url", "redis://a:1", "convene.rate-limits.scope", "instance")))
                .withInitializer(Runners.environment(Map.of("CONVENE_TOKEN_STORE", "memory")))
                .run(context -> {
                    ConveneProperties p = context.getBean(ConveneProperties.class);
                    assertThat(p.get("convene.token-store")).isEqualTo("memory");
                    assertThat(p.get("convene.rate-limits.scope")).isEqualTo("instance");
                });
    }

    @Test
    void tokensGoToTheConfiguredRedis() throws Exception {
        try (TestRedis redis = TestRedis.start()) {
            Map<String, String> props = new HashMap<>(ZOOM.propertiesForNewCredentials());
            props.put("spring.data.redis.url", redis.url());
            runner.withInitializer(Runners.properties(props)).run(context -> {
                assertThat(context).hasNotFailed();
                int tokensBefore = ZOOM.requests(Operation.TOKEN).size();
                context.getBean(SessionService.class).create(draft("Shared tokens"));
                assertThat(ZOOM.requests(Operation.TOKEN)).hasSize(tokensBefore + 1);
                assertThat(redis.keys()).isNotEmpty().allMatch(k -> !k.contains(props.get("convene.zoom.client-secret")));
            });
        }
    }

    static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
