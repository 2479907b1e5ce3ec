package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Core waits before a retry through one injectable wait, blocking and async alike; no test here waits in real time. */
class RetryWaitTest {
    /** No jitter, so every backoff is exact: 100 ms, then 200 ms. */
    static final RetryPolicy EXACT = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofSeconds(5));
    static final SessionId ID = SessionId.of("scripted", SessionKind.MEETING, "7");

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final List<Duration> waited = new CopyOnWriteArrayList<>();

    SessionService service(Function<Duration, CompletionStage<Void>> wait) {
        return Convene.builder()
                .properties(Map.of("convene.provider", "scripted", "convene.scripted.name", name, "convene.scripted.secret", "s3cr3t-value"))
                .environment(Map.of()).systemProperties(false).retryPolicy(EXACT).retryWait(wait).build();
    }

    CompletionStage<Void> noteAndGoOn(Duration delay) {
        waited.add(delay);
        return CompletableFuture.completedFuture(null);
    }

    /** Busy with no hint (backoff 100 ms), then rate limited asking for 3 s (longer than the 200 ms backoff), then success. */
    void twoRetryableFailures() {
        vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "busy", "try later", null, null), null),
                new RateLimitedException(new VendorError("scripted", 429, "429", "slow down", null, Duration.ofSeconds(3))));
    }

    @Test
    void aBlockingReadWaitsTheBackoffThenTheVendorsHint() {
        twoRetryableFailures();
        try (SessionService service = service(this::noteAndGoOn)) {
            assertThat(service.get(ID).title()).isEqualTo("got");
        }
        assertThat(waited).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(3));
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(3);
    }

    @Test
    void anAsyncReadWaitsThroughTheSameHook() {
        twoRetryableFailures();
        try (SessionService service = service(this::noteAndGoOn)) {
            assertThat(service.getAsync(ID).join().title()).isEqualTo("got");
        }
        assertThat(waited).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(3));
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(3);
    }

    @Test
    void anAsyncRetryStartsOnlyWhenTheWaitIsOver() throws Exception {
        vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "busy", "try later", null, null), null));
        CompletableFuture<Void> over = new CompletableFuture<>();
        CountDownLatch waiting = new CountDownLatch(1);
        try (SessionService service = service(delay -> {
            waited.add(delay);
            waiting.countDown();
            return over;
        })) {
            CompletableFuture<Session> got = service.getAsync(ID);
            assertThat(waiting.await(30, TimeUnit.SECONDS)).as("the retry asked to wait").isTrue();
            assertThat(got).isNotDone();
            assertThat(vendor.attempts(Operation.GET)).isEqualTo(1);
            over.complete(null);
            assertThat(got.join().title()).isEqualTo("got");
        }
        assertThat(waited).containsExactly(Duration.ofMillis(100));
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(2);
    }

    @Test
    void aWaitThatFailsEndsTheCallWithAConveneExceptionInsteadOfHangingIt() {
        Function<Duration, CompletionStage<Void>> broken = delay -> CompletableFuture.failedFuture(new IllegalStateException("no timer"));
        try (SessionService service = service(broken)) {
            vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "busy", "", null, null), null));
            assertThatThrownBy(() -> service.get(ID)).isInstanceOf(ConveneException.class).hasMessageContaining("waiting to retry failed")
                    .hasRootCauseMessage("no timer");
            vendor.fail(Operation.GET, new VendorUnavailableException(new VendorError("scripted", 503, "busy", "", null, null), null));
            assertThatThrownBy(() -> service.getAsync(ID).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ConveneException.class).hasMessageContaining("waiting to retry failed");
        }
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(2);
    }
}
