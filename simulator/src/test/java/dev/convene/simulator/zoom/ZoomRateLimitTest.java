package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §6 and §10 items 15–17. */
class ZoomRateLimitTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T08:00:00Z"));
    ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    void restart(String key, String value) {
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with(key, value));
        http = new ZoomHttp(sim).authenticated();
    }

    @Test
    void aPerSecondLimitNamesItsTypeAndWhenToComeBack() {
        // §6: per-second 429 with X-RateLimit-Category / X-RateLimit-Type: QPS and the documented message.
        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.GET);
        Answer a = http.get("/users/me/meetings");
        assertThat(a.status()).isEqualTo(200);
        a = http.get("/meetings/12345678901");
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.code()).isEqualTo(429);
        assertThat(a.message()).isEqualTo("You have reached the maximum per-second rate limit for this API. Try again later.");
        assertThat(a.header("X-RateLimit-Type")).isEqualTo("QPS");
        assertThat(a.header("X-RateLimit-Category")).isEqualTo("Light");
        assertThat(a.header("Retry-After")).isEqualTo("2030-01-01T08:00:01Z");
    }

    @Test
    void aDailyLimitPointsAtTheNextUtcMidnight() {
        // §6: Daily-limit 429 with X-RateLimit-Limit, Remaining 0 and an ISO-8601 Retry-After.
        sim.rateLimitFaultsAreDaily(true);
        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE);
        Answer a = http.post("/users/me/meetings", "{\"topic\":\"x\"}");
        assertThat(a.status()).isEqualTo(429);
        assertThat(a.header("X-RateLimit-Type")).isEqualTo("Daily-limit");
        assertThat(a.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(a.header("X-RateLimit-Limit")).isNotNull();
        assertThat(a.header("Retry-After")).isEqualTo("2030-01-02T00:00:00Z");
        assertThat(sim.sessions()).noneMatch(s -> s.title().equals("x"));
    }

    @Test
    void eachHostMayCreateOrUpdateAHundredTimesPerUtcDay() {
        // §6: 100 create+update requests per day per host user, reset at 00:00 UTC.
        restart("user-daily-write-limit", "2");
        String id = http.create("/users/me/meetings", "{\"topic\":\"a\",\"start_time\":\"2030-02-01T10:00:00Z\"}").get("id").asText();
        assertThat(http.patch("/meetings/" + id, "{\"topic\":\"b\"}").status()).isEqualTo(204);
        Answer third = http.post("/users/me/meetings", "{\"topic\":\"c\"}");
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.header("X-RateLimit-Type")).isEqualTo("Daily-limit");
        assertThat(third.header("Retry-After")).isEqualTo("2030-01-02T00:00:00Z");
        assertThat(http.post("/users/" + ZoomSimulator.SECOND_HOST_EMAIL + "/meetings", "{\"topic\":\"other host\"}").status()).isEqualTo(201);
        clock.set(Instant.parse("2030-01-02T00:00:00Z"));
        http.authenticated();
        assertThat(http.post("/users/me/meetings", "{\"topic\":\"c\"}").status()).isEqualTo(201);
    }

    /** Issue 13, "Simulator use from the command line": the per-day quota is a switch, off for people trying things by hand. */
    @Test
    void theDailyQuotaIsOffWhenDailyLimitsAre() {
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).withDailyLimits(false));
        http = new ZoomHttp(sim).authenticated();
        for (int i = 0; i < 101; i++) {
            assertThat(http.post("/users/me/meetings", "{\"topic\":\"m" + i + "\",\"start_time\":\"2030-02-01T10:00:00Z\"}").status())
                    .as("create " + (i + 1)).isEqualTo(201);
        }
        restart("user-daily-write-limit", "100");
        for (int i = 0; i < 100; i++) {
            http.create("/users/me/meetings", "{\"topic\":\"m" + i + "\",\"start_time\":\"2030-02-01T10:00:00Z\"}");
        }
        assertThat(http.post("/users/me/meetings", "{\"topic\":\"one too many\"}").status()).as("on by default").isEqualTo(429);
    }

    /** The same issue: ids differ from one start to the next, and repeat for the same seed. */
    @Test
    void idsDifferBetweenStartsUnlessTheSeedIsTheSame() {
        List<String> ids = new java.util.ArrayList<>();
        for (SimulatorOptions o : List.of(SimulatorOptions.defaults(), SimulatorOptions.defaults(),
                SimulatorOptions.defaults().withSeed(7), SimulatorOptions.defaults().withSeed(7))) {
            try (ZoomSimulator s = new ZoomSimulator(o.withClock(clock))) {
                ids.add(new ZoomHttp(s).authenticated().create("/users/me/meetings", "{\"topic\":\"x\",\"start_time\":\"2030-02-01T10:00:00Z\"}")
                        .get("id").asText());
            }
        }
        assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
        assertThat(ids.get(2)).isEqualTo(ids.get(3));
    }

    @Test
    void theDailyCapCanAnswerWithTheOlderCode300() {
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with("user-daily-write-limit", "1").with("user-daily-limit-answer", "300"));
        http = new ZoomHttp(sim).authenticated();
        http.create("/users/me/webinars", "{\"topic\":\"a\"}");
        Answer a = http.post("/users/me/webinars", "{\"topic\":\"b\"}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(300);
        assertThat(a.message()).contains("in one day");
    }

    @Test
    void perSecondBucketsFollowTheSimulatorClockWhenSwitchedOn() {
        // §6: Pro plan, Medium label 20/s for lists.
        restart("qps-limits", "on");
        for (int i = 0; i < 20; i++) {
            assertThat(http.get("/users/me/meetings").status()).isEqualTo(200);
        }
        Answer limited = http.get("/users/me/meetings");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("X-RateLimit-Category")).isEqualTo("Medium");
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/users/me/meetings").status()).isEqualTo(200);
    }

    @Test
    void retryAfterCanBeGivenInSeconds() {
        restart("retry-after", "seconds");
        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.LIST);
        assertThat(http.get("/users/me/meetings").header("Retry-After")).isEqualTo("1");
    }

    @Test
    void retryAfterCanBeLeftOut() {
        restart("retry-after", "none");
        sim.rateLimitFaultsAreDaily(true);
        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.LIST);
        Answer daily = http.get("/users/me/meetings");
        assertThat(daily.status()).isEqualTo(429);
        assertThat(daily.header("X-RateLimit-Type")).isEqualTo("Daily-limit");
        assertThat(daily.header("Retry-After")).isNull();
    }

    @Test
    void busyAndServerErrorsUseZoomsEnvelope() {
        sim.faults().inject(FaultKind.BUSY, 1).inject(FaultKind.SERVER_ERROR, 1);
        Answer busy = http.get("/users/me/meetings");
        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.json().has("message")).isTrue();
        assertThat(http.get("/users/me/meetings").status()).isEqualTo(500);
    }

    @Test
    void anErrorCanHideInA200() {
        // §3.6 / §5.2: Zoom documents some errors under HTTP 200 with a non-zero code.
        sim.failNext(VendorError.of(200, 200, "Webinar plan subscription is missing. Enable webinar for this user once the subscription is added."), 1, Operation.OTHER);
        String id = http.create("/users/me/webinars", "{\"topic\":\"a\",\"start_time\":\"2030-02-01T10:00:00Z\"}").get("id").asText();
        Answer a = http.put("/webinars/" + id + "/status", "{\"action\":\"end\"}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.code()).isEqualTo(200);
        assertThat(sim.sessions()).anyMatch(s -> s.nativeId().equals(id) && s.status().equals("waiting"));
    }
}
