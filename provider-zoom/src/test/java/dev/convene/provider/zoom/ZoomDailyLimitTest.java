package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.ConveneException;
import dev.convene.RateLimitedException;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Operation;
import dev.convene.provider.zoom.internal.ZoomErrors;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.spi.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Spec §6 / §6.1: a daily limit is not waited for (its retry hint is the next 00:00 UTC, whatever
 * Retry-After says or does not say); a per-second limit stays retryable with Retry-After's hint; the
 * message names the limit. The fixture's clock stands at 01:00 UTC, so the daily reset is 23 hours away.
 */
class ZoomDailyLimitTest {
    static final Duration UNTIL_MIDNIGHT = Duration.ofHours(23);

    ZoomFixture f;
    SessionService service;
    final List<Duration> retries = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    void start(UnaryOperator<SimulatorOptions> options) {
        f = new ZoomFixture(options);
        service = f.open(f.sim.properties(), new SessionListener() {
            @Override
            public void onRetry(SessionEvent event, ConveneException error, Duration delay) {
                retries.add(delay);
            }
        });
    }

    SessionDraft draft(String title) {
        return SessionDraft.builder(SessionKind.WEBINAR).title(title).start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "seconds", "none"})
    void aDailyLimitOnAReadIsNotRetriedHoweverRetryAfterIsSpelt(String retryAfter) {
        start(o -> o.with("retry-after", retryAfter).with("rate-limit-fault", "daily"));
        Session s = service.create(draft("Daily"));
        f.sim.clearRequests();
        f.sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.GET);

        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.retryAfter()).contains(UNTIL_MIDNIGHT);
            assertThat(e.vendorCode()).isEqualTo("429");
            assertThat(e.vendorMessage()).startsWith("You have reached the maximum daily rate limit for this API.")
                    .contains("[daily limit (Light, 6000 a day); resets at 2030-03-05T00:00:00Z]");
        });
        assertThat(f.sim.requests(Operation.GET)).hasSize(1);
        assertThat(retries).isEmpty();
    }

    @Test
    void theHostsDailyCapOnWritesSaysSoAndWhenItResets() {
        start(o -> o.with("user-daily-write-limit", "1"));
        Session s = service.create(draft("Only one"));
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().title("Second write").build()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.retryAfter()).contains(UNTIL_MIDNIGHT);
                    assertThat(e.vendorMessage()).endsWith("[daily limit (Light, 1 a day); resets at 2030-03-05T00:00:00Z]");
                });
        assertThat(f.sim.requests(Operation.UPDATE)).hasSize(1);
    }

    @Test
    void theOlderCode300FormOfTheDailyCapIsADailyLimitToo() {
        start(o -> o.with("user-daily-write-limit", "1").with("user-daily-limit-answer", "300"));
        service.create(draft("First"));
        assertThatThrownBy(() -> service.create(draft("Second"))).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.vendorCode()).isEqualTo("300");
            assertThat(e.retryAfter()).contains(UNTIL_MIDNIGHT);
            assertThat(e.vendorMessage()).startsWith("A maximum of 1 meetings and webinars can be created and updated for a single user in one day.")
                    .endsWith("[the host's daily cap on creates and updates; resets at 2030-03-05T00:00:00Z]");
        });
        assertThat(f.sim.requests(Operation.CREATE)).hasSize(2);
    }

    @Test
    void aPerSecondLimitStaysRetryableWithRetryAftersHint() {
        // Pro plan: 20 meeting creates a second (Medium); the clock stands still, so the 21st is refused.
        start(o -> o.with("qps-limits", "on").with("retry-after-seconds", "2"));
        SessionDraft meeting = SessionDraft.builder(SessionKind.MEETING).title("Burst").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).build();
        for (int i = 0; i < 20; i++) {
            service.create(meeting);
        }
        assertThatThrownBy(() -> service.create(meeting)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
            assertThat(e.vendorMessage()).startsWith("You have reached the maximum per-second rate limit for this API.")
                    .endsWith("[per-second limit (Medium)]");
        });
        // A create is never replayed, retryable or not.
        assertThat(f.sim.requests(Operation.CREATE)).hasSize(21);
        assertThat(retries).isEmpty();
    }

    @Test
    void anUnreadableRetryAfterChangesNothingAboutWhichLimitItIs() {
        // The simulator always spells Retry-After properly, so this one answer is built by hand.
        ZoomErrors errors = ZoomErrors.api(new com.squareup.moshi.Moshi.Builder().build(), Clock.fixed(ZoomFixture.NOW, ZoneOffset.UTC), new Redactor());
        String daily = "{\"code\":429,\"message\":\"Daily.\"}";
        RateLimitedException e = (RateLimitedException) errors.fromHttpError(429,
                Headers.of("X-RateLimit-Type", "Daily-limit", "Retry-After", "tomorrow"), daily);
        assertThat(e.retryAfter()).contains(UNTIL_MIDNIGHT);
        assertThat(e.vendorMessage()).isEqualTo("Daily. [daily limit; resets at 2030-03-05T00:00:00Z]");
        // A reset instant Zoom names is taken as it is.
        assertThat(errors.fromHttpError(429, Headers.of("X-RateLimit-Type", "daily-limit", "Retry-After", "2030-03-06T00:00:00Z"), daily)
                .retryAfter()).contains(Duration.ofHours(47));
        RateLimitedException qps = (RateLimitedException) errors.fromHttpError(429,
                Headers.of("X-RateLimit-Type", "QPS", "X-RateLimit-Category", "Light", "Retry-After", "soon"), "{\"code\":429,\"message\":\"Slow down.\"}");
        assertThat(qps.retryAfter()).isEmpty();
        assertThat(qps.isRetryable()).isTrue();
        assertThat(qps.vendorMessage()).isEqualTo("Slow down. [per-second limit (Light)]");
    }
}
