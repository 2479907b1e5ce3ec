package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The tenant layer over a scripted vendor: opened on first use, closed when idle or refreshed, never under a call. */
class TenantsTest {
    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final Map<String, AtomicInteger> resolved = new ConcurrentHashMap<>();
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    Tenants.Builder tenants() {
        return Tenants.builder(tenant -> {
            resolved.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
            return Map.of("convene.provider", "scripted", "convene.scripted.name", name, "convene.scripted.secret", "s3cr3t-" + tenant);
        }).systemProperties(false).environment(Map.of()).clock(clock).idleTimeout(Duration.ofMinutes(5));
    }

    static final SessionId ID = SessionId.of("scripted", SessionKind.MEETING, "7");

    @Test
    void aTenantIsOpenedOnFirstUseAndAgainAfterItWasIdle() {
        vendor.answerGets(ScriptedVendor.session(SessionKind.MEETING, "7", "t"));
        try (Tenants tenants = tenants().build()) {
            SessionService acme = tenants.sessions("acme");
            assertThat(resolved).isEmpty();
            acme.get(ID);
            acme.get(ID);
            assertThat(resolved.get("acme")).hasValue(1);
            assertThat(tenants.openTenants()).containsExactly("acme");
            now.set(now.get().plus(Duration.ofMinutes(6)));
            assertThat(tenants.openTenants()).isEmpty();
            acme.get(ID);
            assertThat(resolved.get("acme")).hasValue(2);
        }
    }

    @Test
    void aRefreshWhileACallWaitsToRetryClosesTheServiceOnlyWhenTheCallHasEnded() {
        vendor.answerGets(ScriptedVendor.session(SessionKind.MEETING, "7", "t"));
        vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "", "busy", null, null), null));
        CompletableFuture<Void> wait = new CompletableFuture<>();
        try (Tenants tenants = tenants().retryWait(d -> wait).build()) {
            CompletableFuture<Session> call = tenants.sessions("acme").getAsync(ID);
            tenants.refresh("acme");
            assertThat(tenants.openTenants()).isEmpty();
            wait.complete(null);
            assertThat(call.join().id()).isEqualTo(ID);
            assertThat(vendor.attempts(Operation.GET)).as("the retry was sent: the service was still open").isEqualTo(2);
            tenants.sessions("acme").get(ID);
            assertThat(resolved.get("acme")).as("opened anew after the refresh").hasValue(2);
        }
    }

    @Test
    void closedTenantsAndClosedViewsRefuseCalls() {
        Tenants tenants = tenants().build();
        SessionService view = tenants.sessions("acme");
        view.close();
        assertThatThrownBy(() -> view.get(ID)).isInstanceOf(IllegalStateException.class);
        SessionService other = tenants.sessions("acme");
        tenants.close();
        assertThatThrownBy(() -> other.get(ID)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> tenants.sessions(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
