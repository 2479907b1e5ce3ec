package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Writes whose outcome is unknown (issue 14, items 1, 2 and 4): an answer that does not prove a write was refused
 * before it was applied is outcome-unknown, findCreated looks again for a while before it answers empty, and a
 * cancelled future stops what was not sent. No test here waits in real time: every wait goes through retryWait.
 */
class WriteOutcomeTest {
    static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");
    static final SessionId ID = SessionId.of("scripted", SessionKind.MEETING, "7");

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final List<Duration> waited = new CopyOnWriteArrayList<>();
    volatile CompletableFuture<Void> nextWait;
    final java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
    /** Counted down as a call ends for listeners: every call that began ends in a success or a failure. */
    final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);

    SessionService service(String settle) {
        return ScriptedProvider.builder(name).properties(java.util.Map.of("convene.find-created.settle", settle))
                .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), 0, Duration.ofSeconds(5)))
                .retryWait(delay -> {
                    waited.add(delay);
                    waiting.countDown();
                    CompletableFuture<Void> held = nextWait;
                    return held != null ? held : CompletableFuture.completedFuture(null);
                })
                .listener(new SessionListener() {
                    @Override
                    public void onSuccess(SessionEvent event) {
                        ended.countDown();
                    }

                    @Override
                    public void onFailure(SessionEvent event, ConveneException error) {
                        ended.countDown();
                    }
                })
                .build();
    }

    static SessionDraft draft() {
        return SessionDraft.builder(SessionKind.MEETING).title("a").start(Instant.parse("2030-01-01T10:00:00Z"))
                .duration(Duration.ofMinutes(30)).build();
    }

    static VendorError error(int status, String code) {
        return new VendorError("scripted", status, code, "the vendor's words", "req-1", null);
    }

    @Test
    void aFiveHundredOrBusyAnswerToAWriteIsOutcomeUnknownCarryingTheDraftAndTheVendorsCode() {
        try (SessionService service = service("PT0S")) {
            for (VendorError e : List.of(error(500, "500"), error(502, ""), error(504, ""), error(200, "-1"))) {
                vendor.fail(Operation.CREATE, new VendorUnavailableException(e, null));
                assertThatThrownBy(() -> service.create(draft())).isInstanceOfSatisfying(SessionOutcomeUnknownException.class, u -> {
                    assertThat(u.draft()).hasValueSatisfying(d -> assertThat(d.title()).isEqualTo("a"));
                    assertThat(u.vendorError()).contains(e);
                    assertThat(u).isNotInstanceOf(VendorException.class);
                });
                vendor.fail(Operation.UPDATE, new VendorUnavailableException(e, null));
                assertThatThrownBy(() -> service.update(ID, SessionUpdate.builder().title("b").build()))
                        .isInstanceOfSatisfying(SessionOutcomeUnknownException.class, u -> assertThat(u.target()).contains(ID));
                vendor.fail(Operation.CREATE, new VendorUnavailableException(e, null));
                assertThatThrownBy(() -> service.createAsync(draft()).join()).isInstanceOf(CompletionException.class)
                        .hasCauseInstanceOf(SessionOutcomeUnknownException.class);
            }
            assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(8);
            assertThat(vendor.attempts(Operation.UPDATE)).isEqualTo(4);
            // a refusal proves nothing was applied, and a request that never left cannot have been
            vendor.fail(Operation.CREATE, new RateLimitedException(error(429, "429")));
            assertThatThrownBy(() -> service.create(draft())).isInstanceOf(RateLimitedException.class);
            vendor.fail(Operation.CREATE, new ConnectException("refused"));
            assertThatThrownBy(() -> service.create(draft())).isInstanceOf(VendorUnavailableException.class);
        }
    }

    @Test
    void findCreatedLooksAgainUntilTheSettleTimeBeforeAnsweringEmpty() {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"))));
        try (SessionService service = service("PT6S")) {
            vendor.listLate(2);
            assertThat(service.findCreated(draft())).extracting(s -> s.id().nativeId()).containsExactly("1");
            assertThat(waited).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
            assertThat(vendor.attempts(Operation.LIST)).isEqualTo(3);

            waited.clear();
            vendor.listLate(100);
            assertThat(service.findCreated(draft())).isEmpty();
            assertThat(waited).as("three more looks, two seconds apart: six seconds").containsExactly(
                    Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
            assertThat(vendor.attempts(Operation.LIST)).isEqualTo(7);

            waited.clear();
            vendor.listLate(1);
            assertThat(service.findCreatedAsync(draft()).join()).hasSize(1);
            assertThat(waited).containsExactly(Duration.ofSeconds(2));
        }
        try (SessionService once = service("PT0S")) {
            vendor.listLate(1);
            assertThat(once.findCreated(draft())).as("no settle time: one look").isEmpty();
        }
    }

    @Test
    void cancellingACreateInFlightEndsItOutcomeUnknownNotCancelled() {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        vendor.holdAsync(gate);
        try (SessionService service = service("PT0S")) {
            CompletableFuture<Session> create = service.createAsync(draft());
            assertThat(create.cancel(true)).as("a write that may have been applied is not cancelled").isFalse();
            assertThat(create.isCancelled()).isFalse();
            assertThatThrownBy(create::join).isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(SessionOutcomeUnknownException.class, u -> {
                        assertThat(u.draft()).isPresent();
                        assertThat(u.getCause()).isInstanceOf(CancellationException.class);
                    });
            gate.complete(null);
            assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(1);
        }
    }

    @Test
    void cancellingAReadDuringItsRetryWaitSendsNoFurtherAttempt() throws InterruptedException {
        vendor.fail(Operation.GET, new RateLimitedException(error(429, "429").withRetryAfter(Duration.ofSeconds(1))));
        nextWait = new CompletableFuture<>();
        try (SessionService service = service("PT0S")) {
            CompletableFuture<Session> get = service.getAsync(ID);
            assertThat(waiting.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the retry wait began").isTrue();
            assertThat(get.cancel(true)).isTrue();
            nextWait.complete(null);
            assertThatThrownBy(get::join).isInstanceOf(CancellationException.class);
            assertThat(ended.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the call ended for its listeners").isTrue();
            assertThat(vendor.attempts(Operation.GET)).as("only the first attempt was sent").isEqualTo(1);
        }
    }

    @Test
    void cancellingAWalkAsksForNoFurtherPage() {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a")),
                List.of(ScriptedVendor.session(SessionKind.MEETING, "2", "b"))));
        CompletableFuture<Void> gate = new CompletableFuture<>();
        vendor.holdAsync(gate);
        try (SessionService service = service("PT0S")) {
            CompletableFuture<List<Session>> all = service.listAllAsync(ListQuery.of(SessionKind.MEETING));
            assertThat(all.cancel(true)).isTrue();
            assertThatThrownBy(all::join).isInstanceOf(CancellationException.class);
            // the first page's answer comes on this thread now, and the walk stops there
            gate.complete(null);
            assertThat(vendor.attempts(Operation.LIST)).isEqualTo(1);
        }
    }
}
