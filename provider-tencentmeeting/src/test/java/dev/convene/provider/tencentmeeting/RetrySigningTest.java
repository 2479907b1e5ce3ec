package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Convene;
import dev.convene.RateLimitedException;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §1.4: a retry must be re-signed with a fresh timestamp and nonce, because the vendor refuses a
 * replayed (timestamp, nonce) pair with 190301; and a create or update is never sent twice.
 */
class RetrySigningTest {
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    Session meeting() {
        return env.service.create(Simulated.draft(SessionKind.MEETING).build());
    }

    static void assertResigned(List<RecordedRequest> attempts) {
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).header("X-TC-Nonce")).isNotEqualTo(attempts.get(1).header("X-TC-Nonce"));
        assertThat(attempts.get(0).header("X-TC-Signature")).isNotEqualTo(attempts.get(1).header("X-TC-Signature"));
    }

    /** The fake authenticates the busy attempt too, so its nonce is spent: the retry could only pass re-signed. */
    @Test
    void aReadRetriedAfterBusyIsResigned() throws Exception {
        Session s = meeting();
        env.sim.faults().inject(FaultKind.BUSY, 1, Operation.GET);
        assertThat(env.service.get(s.id()).id()).isEqualTo(s.id());
        List<RecordedRequest> attempts = env.sim.requests(Operation.GET);
        assertResigned(attempts);
        assertThat(resend(attempts.get(0)).body()).as("the busy attempt's signed bytes sent again")
                .contains("\"error_code\":190301");
    }

    /**
     * Each attempt is a clone of the endpoint's call, signed as it leaves: the retry carries the time it was sent
     * at (the wait before it moves the clock on), a nonce and a signature of its own, blocking and async alike.
     */
    @Test
    void eachAttemptOfARetriedReadIsSignedWhenItIsSent() throws Exception {
        Session s = meeting();
        try (SessionService waiting = Convene.builder().properties(env.sim.properties()).environment(Map.of()).systemProperties(false)
                .clock(env.clock).retryPolicy(new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2)))
                .retryWait(delay -> {
                    env.clock.advance(Duration.ofSeconds(7));
                    return CompletableFuture.completedFuture(null);
                }).build()) {
            env.sim.faults().inject(FaultKind.BUSY, 1, Operation.GET);
            assertThat(waiting.get(s.id()).id()).isEqualTo(s.id());
            env.sim.faults().inject(FaultKind.BUSY, 1, Operation.GET);
            assertThat(waiting.getAsync(s.id()).get(10, TimeUnit.SECONDS).id()).isEqualTo(s.id());
        }
        List<RecordedRequest> attempts = env.sim.requests(Operation.GET);
        assertThat(attempts).hasSize(4);
        for (int i = 0; i < 4; i += 2) {
            RecordedRequest busy = attempts.get(i);
            RecordedRequest retry = attempts.get(i + 1);
            assertResigned(List.of(busy, retry));
            long sent = Long.parseLong(busy.header("X-TC-Timestamp").orElseThrow());
            assertThat(Long.parseLong(retry.header("X-TC-Timestamp").orElseThrow())).isEqualTo(sent + 7);
        }
    }

    @Test
    void aReadRetriedAfterALostAnswerIsResignedNotReplayed() {
        // The fake saw and remembered the first nonce; resending it would be refused as a replay.
        Session s = meeting();
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.GET);
        assertThat(env.service.get(s.id()).title()).isEqualTo("Weekly sync");
        assertResigned(env.sim.requests(Operation.GET));
    }

    @Test
    void theFakeRefusesAnIdenticalResendAsAReplay() throws Exception {
        Session s = meeting();
        env.service.get(s.id());
        assertThat(resend(env.sim.requests(Operation.GET).get(0)).body()).contains("\"error_code\":190301");
    }

    /** A GET sent again byte for byte, signature headers included, as a client that does not re-sign would. */
    HttpResponse<String> resend(RecordedRequest sent) throws Exception {
        HttpRequest.Builder again = HttpRequest.newBuilder(URI.create(env.sim.baseUrl() + sent.rawUri())).GET();
        for (String h : List.of("Content-Type", "X-TC-Key", "X-TC-Timestamp", "X-TC-Nonce", "X-TC-Signature", "AppId", "X-TC-Registered")) {
            again.header(h, sent.header(h).orElseThrow());
        }
        return HttpClient.newHttpClient().send(again.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aCreateIsNeverReplayedEvenWhenTheVendorWasBusy() {
        env.sim.faults().inject(FaultKind.BUSY, 1, Operation.CREATE);
        // busy does not prove the create was refused before it was applied: outcome unknown, Tencent's code kept
        assertThatThrownBy(this::meeting).isInstanceOfSatisfying(SessionOutcomeUnknownException.class,
                e -> assertThat(e.vendorError()).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("960000")));
        assertThat(env.sim.requests(Operation.CREATE)).hasSize(1);
        assertThat(env.sim.sessions()).isEmpty();
    }

    @Test
    void aCreateWhoseAnswerWasLostIsReportedUnknownAndNotReplayed() {
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        assertThatThrownBy(this::meeting).isInstanceOf(SessionOutcomeUnknownException.class);
        assertThat(env.sim.requests(Operation.CREATE)).hasSize(1);
        assertThat(env.sim.sessions()).as("the vendor did create it").hasSize(1);
    }

    @Test
    void anUpdateWhoseAnswerWasLostIsNotReplayed() {
        Session s = meeting();
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.UPDATE);
        assertThatThrownBy(() -> env.service.update(s.id(), SessionUpdate.builder().title("renamed").build()))
                .isInstanceOf(SessionOutcomeUnknownException.class);
        assertThat(env.sim.requests(Operation.UPDATE)).hasSize(1);
    }

    @Test
    void aCancelWhoseAnswerWasLostIsResignedAndFindsItDone() {
        Session s = meeting();
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CANCEL);
        env.service.cancel(s.id());
        assertResigned(env.sim.requests(Operation.CANCEL));
        assertThat(env.sim.sessions().get(0).cancelled()).isTrue();
    }

    @Test
    void aRateLimitCarriesTheWaitToTheNextMinute() {
        Session s = meeting();
        env.clock.advance(Duration.ofSeconds(15));
        env.sim.faults().inject(FaultKind.RATE_LIMITED, 3, Operation.GET);
        assertThatThrownBy(() -> env.service.get(s.id())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.vendorCode()).isEqualTo("190310");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(45));
        });
        // 45 s is past the retry policy's cap, so core does not wait: one attempt only.
        assertThat(env.sim.requests(Operation.GET)).hasSize(1);
    }
}
