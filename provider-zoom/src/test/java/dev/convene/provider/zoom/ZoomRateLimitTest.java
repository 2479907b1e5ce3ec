package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Convene;
import dev.convene.ConveneException;
import dev.convene.RateLimitedException;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §6: 429 with Retry-After; reads wait and retry, creates are never replayed. */
class ZoomRateLimitTest {
    final ZoomFixture f = new ZoomFixture();
    final List<Duration> retries = new CopyOnWriteArrayList<>();
    final SessionService service = f.open(f.sim.properties(), new SessionListener() {
        @Override
        public void onRetry(SessionEvent event, ConveneException error, Duration delay) {
            retries.add(delay);
        }
    });

    @AfterEach
    void stop() {
        f.close();
    }

    SessionDraft draft() {
        return SessionDraft.builder(SessionKind.WEBINAR).title("Limits").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).build();
    }

    @Test
    void aReadWaitsAsRetryAfterSaysAndSucceeds() {
        // Core's retry wait is replaced, so the test takes no real time and sees exactly what was waited.
        List<Duration> waited = new CopyOnWriteArrayList<>();
        try (SessionService waiting = Convene.builder().properties(f.sim.properties()).environment(Map.of()).systemProperties(false)
                .clock(f.clock).retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(5)))
                .retryWait(delay -> {
                    waited.add(delay);
                    return CompletableFuture.completedFuture(null);
                }).build()) {
            Session s = waiting.create(draft());
            f.sim.clearRequests();
            // The simulator's per-second 429 says Retry-After: <now + 1 s> as an ISO-8601 instant.
            f.sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.GET);
            assertThat(waiting.get(s.id()).title()).isEqualTo("Limits");
        }
        assertThat(waited).containsExactly(Duration.ofSeconds(1));
        assertThat(f.sim.requests(Operation.GET)).hasSize(2);
    }

    @Test
    void aCreateIsNotReplayed() {
        f.sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE);
        assertThatThrownBy(() -> service.create(draft())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.vendorCode()).isEqualTo("429");
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            assertThat(e.vendorMessage()).contains("per-second");
        });
        assertThat(f.sim.requests(Operation.CREATE)).hasSize(1);
        assertThat(retries).isEmpty();
        assertThat(f.sim.sessions()).noneMatch(s -> s.title().equals("Limits"));
    }

    @Test
    void aDailyLimitIsNotWaitedFor() {
        // §6.1: Daily-limit answers point at the next 00:00 UTC; that is far beyond any sensible wait.
        Session s = service.create(draft());
        f.sim.rateLimitFaultsAreDaily(true);
        f.sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.GET);
        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofHours(23));
            assertThat(e.vendorMessage()).contains("daily");
        });
        assertThat(retries).isEmpty();
    }

    @Test
    void theSecondsFormOfRetryAfterIsReadToo() {
        assertThat(dev.convene.provider.zoom.internal.ZoomTimes.retryAfter("3", ZoomFixture.NOW)).contains(Duration.ofSeconds(3));
        assertThat(dev.convene.provider.zoom.internal.ZoomTimes.retryAfter("2030-03-04T01:00:10Z", ZoomFixture.NOW)).contains(Duration.ofSeconds(10));
        assertThat(dev.convene.provider.zoom.internal.ZoomTimes.retryAfter("Mon, 04 Mar 2030 01:00:20 GMT", ZoomFixture.NOW)).contains(Duration.ofSeconds(20));
        assertThat(dev.convene.provider.zoom.internal.ZoomTimes.retryAfter("soon", ZoomFixture.NOW)).isEmpty();
    }
}
