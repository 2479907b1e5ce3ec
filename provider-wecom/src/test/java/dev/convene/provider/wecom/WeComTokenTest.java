package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.AuthenticationException;
import dev.convene.ListQuery;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Fault;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Token handling through core's token cache (spec §1, §6.2–6.3): fetch once, refresh ahead, replay once, never loop. */
class WeComTokenTest {
    final WeComTestbed bed = new WeComTestbed();
    final SessionService service = bed.service();

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    int tokenRequests() {
        return bed.sim.requests(Operation.TOKEN).size();
    }

    @Test
    void twoHundredConcurrentFirstCallsFetchOneToken() throws Exception {
        // A slow gettoken keeps the first fetch in flight while the others arrive.
        bed.sim.faults().inject(Fault.delay(Duration.ofMillis(300)), 1, Operation.TOKEN);
        int callers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    go.await();
                    return service.list(ListQuery.of(SessionKind.MEETING));
                }));
            }
            go.countDown();
            for (Future<?> f : calls) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(bed.sim.requests(Operation.LIST)).hasSize(callers);
    }

    @Test
    void aTokenExpiredMidRunIsFetchedAgainOnceAndTheCallReplayedOnce() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        assertThat(tokenRequests()).isEqualTo(1);
        bed.sim.expireTokens();
        bed.sim.clearRequests();

        assertThat(service.get(s.id()).title()).isEqualTo(s.title());

        assertThat(tokenRequests()).as("one refetch").isEqualTo(1);
        assertThat(bed.sim.requests(Operation.GET)).as("the rejected call and one replay").hasSize(2);
        assertThat(bed.sim.requests(Operation.GET).get(1).query("access_token"))
                .isNotEqualTo(bed.sim.requests(Operation.GET).get(0).query("access_token"));
    }

    /** 40001 is gettoken's "invalid secret", but business calls answer it too for a token WeCom no longer takes (spec §5). */
    @Test
    void aBusinessCallAnswered40001IsReplayedOnceWithAFreshToken() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.sim.clearRequests();
        bed.sim.failNext(VendorError.code(40001), 1, Operation.GET);

        assertThat(service.get(s.id()).title()).isEqualTo(s.title());

        assertThat(tokenRequests()).as("the token was invalidated and fetched again").isEqualTo(1);
        assertThat(bed.sim.requests(Operation.GET)).as("the refused call and one replay").hasSize(2);
        assertThat(bed.sim.requests(Operation.GET).get(1).query("access_token"))
                .isNotEqualTo(bed.sim.requests(Operation.GET).get(0).query("access_token"));
    }

    @Test
    void aTokenIsRefreshedBeforeItExpiresSoNoCallIsRejected() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.clock.advance(Duration.ofSeconds(7200).minus(Duration.ofMinutes(4)));
        bed.sim.clearRequests();

        service.get(s.id());

        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(bed.sim.requests(Operation.GET)).as("no rejected attempt").hasSize(1);
    }

    @Test
    void aTokenThatStaysInvalidEndsInAnAuthenticationErrorAfterOneReplay() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.sim.clearRequests();
        bed.sim.failNext(VendorError.code(40014), 10, Operation.GET);

        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.provider()).isEqualTo("wecom");
            assertThat(e.vendorCode()).isEqualTo("40014");
            assertThat(e.getMessage()).contains("40014");
        });
        assertThat(tokenRequests()).as("one refetch, no loop").isEqualTo(1);
        assertThat(bed.sim.requests(Operation.GET)).as("the call and one replay").hasSize(2);
    }

    @Test
    void aWrongSecretIsAnAuthenticationErrorWithoutRetries() {
        try (SessionService bad = bed.service(bed.sim.propertiesWithBadCredentials())) {
            assertThatThrownBy(() -> bad.list(ListQuery.of(SessionKind.LIVE_STREAM)))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.vendorCode()).isEqualTo("40001"));
        }
        assertThat(tokenRequests()).isEqualTo(1);
        assertThat(bed.sim.requests(Operation.LIST)).isEmpty();
    }

    @Test
    void aMeetingUpdateMeetsAnExpiredTokenOnItsReadAndIsSentOnce() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.sim.expireTokens();
        bed.sim.clearRequests();

        assertThat(service.update(s.id(), dev.convene.SessionUpdate.builder().title("Renamed").build()).title()).isEqualTo("Renamed");

        assertThat(tokenRequests()).isEqualTo(1);
        // The read before the update, refused once and replayed; then core's read after it (WeCom answers only errcode).
        assertThat(bed.sim.requests(Operation.GET)).as("the read before the update, refused once and replayed, and the read after").hasSize(3);
        assertThat(bed.sim.requests(Operation.UPDATE)).hasSize(1);
        assertThat(service.get(s.id()).title()).isEqualTo("Renamed");
    }
}
