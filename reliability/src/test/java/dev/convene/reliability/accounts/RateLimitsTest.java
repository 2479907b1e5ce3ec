package dev.convene.reliability.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.ConfigurationException;
import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.RateLimitedException;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.Tenants;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pacing one vendor account in one instance: its budget spent, a call waits its bound, then fails with nothing sent. */
class RateLimitsTest {
    VendorSimulator tencent;

    @BeforeEach
    void start() {
        tencent = Simulators.start("tencentmeeting", SimulatorOptions.defaults().withDailyLimits(false));
    }

    @AfterEach
    void stop() {
        tencent.close();
    }

    /** The simulator's app with a budget of its own: pacing is per account, and no other test has spent this one. */
    Map<String, String> config(String limits, String maxWait) {
        Map<String, String> c = new HashMap<>(tencent.properties());
        c.put("convene.tencentmeeting.rate-limits", limits);
        c.put("convene.rate-limits.max-wait", maxWait);
        return c;
    }

    SessionService open(Map<String, String> config) {
        return Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build();
    }

    @Test
    void aSpentBudgetHoldsCallsBackForTheBoundThenRefusesThemUnsent() {
        try (SessionService sessions = open(config("2/PT1H", "PT0.2S"))) {
            sessions.list(ListQuery.of(SessionKind.MEETING));
            sessions.list(ListQuery.of(SessionKind.MEETING));
            int sent = tencent.requests().size();
            // no call comes free within the bound (the next ones at the next whole hour): refused at once, unsent
            assertThatThrownBy(() -> sessions.list(ListQuery.of(SessionKind.MEETING)))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.wasSent()).isFalse();
                        assertThat(e.isRetryable()).as("the wait is over: core does not retry it").isFalse();
                        assertThat(e.provider()).isEqualTo("tencentmeeting");
                    })
                    .hasMessageContaining("2/PT1H").hasMessageContaining("nothing was sent");
            // a create held back is no outcome-unknown write: nothing reached the vendor
            assertThatThrownBy(() -> sessions.create(SessionDraft.builder(SessionKind.MEETING).title("held back")
                    .start(ZonedDateTime.parse("2099-01-06T10:00+08:00[Asia/Shanghai]")).duration(Duration.ofMinutes(30)).build()))
                    .isInstanceOf(RateLimitedException.class);
            assertThat(tencent.requests()).hasSize(sent);
        }
    }

    @Test
    void aCallWaitsForItsTurnWhenOneComesFreeWithinTheBound() {
        try (SessionService sessions = open(config("1/PT1S", "PT5S"))) {
            sessions.list(ListQuery.of(SessionKind.MEETING));
            // the second's one call is spent: this one is held until the next whole second, then sent
            sessions.list(ListQuery.of(SessionKind.MEETING));
            assertThat(tencent.requests()).hasSize(2);
        }
    }

    @Test
    void servicesAndTenantsOfOneAccountShareItsBudget() {
        Map<String, String> config = config("3/PT1H", "PT0S");
        try (SessionService first = open(config); SessionService second = open(config);
             Tenants tenants = Tenants.builder(t -> config).systemProperties(false).environment(Map.of()).build()) {
            first.list(ListQuery.all());
            second.list(ListQuery.all());
            tenants.sessions("acme").list(ListQuery.all());
            int sent = tencent.requests().size();
            assertThatThrownBy(() -> tenants.sessions("other").list(ListQuery.all())).isInstanceOf(RateLimitedException.class);
            assertThatThrownBy(() -> first.list(ListQuery.all())).isInstanceOf(RateLimitedException.class);
            assertThat(tencent.requests()).hasSize(sent);
        }
    }

    @Test
    void zoomsDeclaredPerSecondLimitKeepsItsSimulatorFromRefusing() throws Exception {
        try (VendorSimulator zoom = Simulators.start("zoom", SimulatorOptions.defaults().withDailyLimits(false).with("qps-limits", "on"));
             SessionService sessions = open(new HashMap<>(zoom.properties()))) {
            assertThat(zoom.properties()).as("the fake enforces Zoom's limits: the declared ones apply").doesNotContainKey("convene.zoom.rate-limits");
            java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<?>> calls = new java.util.ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    calls.add(callers.submit(() -> sessions.list(ListQuery.of(SessionKind.MEETING))));
                }
                for (java.util.concurrent.Future<?> call : calls) {
                    call.get(); // a 429 would fail it: listing is Medium, 20 a second on a Pro account
                }
            } finally {
                callers.shutdownNow();
            }
            assertThat(zoom.requests(dev.convene.simulator.Operation.LIST)).hasSize(60);
        }
    }

    @Test
    void limitsAreConfigurationCheckedByKey() {
        assertThatThrownBy(() -> open(config("300 a minute", "PT1S"))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("convene.tencentmeeting.rate-limits").hasMessageContaining("300/PT1M");
        Map<String, String> cluster = config("300/PT1M", "PT1S");
        cluster.put("convene.rate-limits.scope", "cluster");
        assertThatThrownBy(() -> open(cluster)).isInstanceOf(ConfigurationException.class).hasMessageContaining("convene.token-store = redis");
    }
}
