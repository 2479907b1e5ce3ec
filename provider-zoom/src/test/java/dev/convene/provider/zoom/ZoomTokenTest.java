package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.AuthenticationException;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Operation;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §1: S2S OAuth through core's token cache. */
class ZoomTokenTest {
    final ZoomFixture f = new ZoomFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    Session meeting(SessionService s) {
        return s.create(SessionDraft.builder(SessionKind.MEETING).title("Tokens").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).build());
    }

    @Test
    void theTokenRequestIsAFormPostWithBasicAuth() {
        meeting(f.open());
        RecordedRequest token = f.sim.requests(Operation.TOKEN).get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.rawPath()).isEqualTo("/oauth/token");
        assertThat(token.header("Content-Type").orElseThrow()).startsWith("application/x-www-form-urlencoded");
        assertThat(token.bodyText()).isEqualTo("grant_type=account_credentials&account_id=" + ZoomSimulator.PRIMARY_ACCOUNT_ID);
        assertThat(token.rawQuery()).isEmpty();
        String basic = Base64.getEncoder().encodeToString((ZoomSimulator.CLIENT_ID + ":" + ZoomSimulator.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(token.header("Authorization")).contains("Basic " + basic);
        assertThat(f.sim.requests(Operation.CREATE).get(0).header("Authorization").orElseThrow()).startsWith("Bearer ");
    }

    @Test
    void twoHundredConcurrentFirstCallsFetchOneToken() throws Exception {
        SessionService service = f.open(f.sim.propertiesForSubAccount());
        SessionId seed = SessionId.of("zoom", SessionKind.WEBINAR, "97871060099");
        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Session>> calls = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return service.get(seed);
                }));
            }
            go.countDown();
            for (Future<Session> c : calls) {
                assertThat(c.get(60, TimeUnit.SECONDS).title()).isEqualTo("My Webinar");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(f.sim.tokenRequests()).isEqualTo(1);
        assertThat(f.sim.requests(Operation.GET)).hasSize(200);
    }

    @Test
    void aRevokedTokenIsFetchedAgainOnceAndTheCallReplayedOnce() {
        SessionService service = f.open();
        Session s = meeting(service);
        f.sim.clearRequests();
        f.sim.revokeTokens();
        assertThat(service.get(s.id()).title()).isEqualTo("Tokens");
        assertThat(f.sim.requests(Operation.TOKEN)).hasSize(1);
        assertThat(f.sim.requests(Operation.GET)).hasSize(2);
    }

    @Test
    void aTokenIsRefreshedAheadOfExpiryWithoutA401() {
        SessionService service = f.open();
        Session s = meeting(service);
        f.clock.advance(Duration.ofMinutes(56));
        f.sim.clearRequests();
        service.get(s.id());
        assertThat(f.sim.requests(Operation.TOKEN)).hasSize(1);
        assertThat(f.sim.requests(Operation.GET)).hasSize(1);
    }

    @Test
    void aTokenThatStaysRejectedIsAnAuthenticationErrorAfterOneRetry() {
        SessionService service = f.open();
        Session s = meeting(service);
        f.sim.clearRequests();
        f.sim.failNext(VendorError.of(401, 124, "Invalid access token."), 2, Operation.GET);
        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.vendorCode()).isEqualTo("124");
            assertThat(e.httpStatus()).isEqualTo(401);
        });
        assertThat(f.sim.requests(Operation.TOKEN)).hasSize(1);
        assertThat(f.sim.requests(Operation.GET)).hasSize(2);
    }

    @Test
    void servicesThatRevokeEachOthersTokensStillWork() {
        // §1.3: Zoom has made a new token revoke the previous one; a client must survive it.
        f.sim.newTokenRevokesOld(true);
        SessionService a = f.openSeparately();
        SessionService b = f.openSeparately();
        Session s = meeting(a);
        meeting(b);
        assertThat(a.get(s.id()).id()).isEqualTo(s.id());
        assertThat(f.sim.tokenRequests()).isEqualTo(3);
    }

    @Test
    void anInvalidClientSecretIsAClearAuthenticationError() {
        SessionService bad = f.open(f.sim.propertiesWithBadCredentials());
        assertThatThrownBy(() -> meeting(bad)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.provider()).isEqualTo("zoom");
            assertThat(e.httpStatus()).isEqualTo(401);
            assertThat(e.vendorCode()).isEqualTo("invalid_client");
            assertThat(e.getMessage()).contains("Invalid client_id or client_secret").doesNotContain("not-the-secret");
        });
        assertThat(f.sim.requests(Operation.CREATE)).isEmpty();
        assertThat(f.sim.sessions()).hasSize(1);
    }
}
