package dev.convene.simulator.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate limits (spec §5, checklist 10), fault answers, the control surface and discovery. */
class TencentControlTest {
    static final long NOW = 1_893_463_200L;
    static final String LIST = "/v1/meetings?userid=tester&instanceid=1";

    final SettableClock clock = new SettableClock(Instant.ofEpochSecond(NOW));
    TencentMeetingSimulator sim = start(SimulatorOptions.defaults().withClock(clock));
    SignedClient client = clientFor(sim);

    TencentMeetingSimulator start(SimulatorOptions options) {
        return new TencentMeetingSimulator(options);
    }

    SignedClient clientFor(TencentMeetingSimulator s) {
        return new SignedClient(s.baseUrl(), clock, s.appId(), s.secretId(), s.properties().get("convene.tencentmeeting.secret-key"));
    }

    void restart(SimulatorOptions options) {
        sim.close();
        sim = start(options);
        client = clientFor(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void perMinuteLimitAnswers190310WithStatus500UntilTheNextMinute() {
        restart(SimulatorOptions.defaults().withClock(clock).with("rate-limit-per-minute", "2"));
        assertThat(client.get(LIST).status()).isEqualTo(200);
        assertThat(client.get(LIST).status()).isEqualTo(200);
        SignedClient.Reply limited = client.get(LIST);
        assertThat(limited.status()).isEqualTo(500);
        assertThat(limited.errorCode()).isEqualTo(190310);
        clock.advance(Duration.ofSeconds(60));
        assertThat(client.get(LIST).status()).isEqualTo(200);
    }

    @Test
    void perDayLimitAnswers190311() {
        restart(SimulatorOptions.defaults().withClock(clock).with("rate-limit-per-day", "1"));
        client.get(LIST);
        clock.advance(Duration.ofMinutes(5));
        assertThat(client.get(LIST).errorCode()).isEqualTo(190311);
    }

    @Test
    void hourlyCreateLimitAnswers500029() {
        restart(SimulatorOptions.defaults().withClock(clock).with("create-limit-per-hour", "1"));
        assertThat(client.post("/v1/meetings", TencentMeetingsTest.meeting("")).status()).isEqualTo(200);
        assertThat(client.post("/v1/meetings", TencentMeetingsTest.meeting("")).errorCode()).isEqualTo(500029);
        assertThat(sim.sessions()).hasSize(1);
    }

    @Test
    void faultsAnswerInTencentsOwnShapeWithoutTouchingState() {
        sim.faults().inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE);
        sim.faults().inject(FaultKind.BUSY, 1, Operation.CREATE);
        sim.faults().inject(FaultKind.SERVER_ERROR, 1, Operation.CREATE);
        assertThat(client.post("/v1/meetings", TencentMeetingsTest.meeting("")).errorCode()).isEqualTo(190310);
        assertThat(client.post("/v1/meetings", TencentMeetingsTest.meeting("")).errorCode()).isEqualTo(960000);
        SignedClient.Reply server = client.post("/v1/meetings", TencentMeetingsTest.meeting(""));
        assertThat(server.status()).isEqualTo(500);
        assertThat(server.json().path("error_info").has("new_error_code")).isTrue();
        assertThat(server.headers().firstValue("X-TC-Trace")).isPresent();
        assertThat(sim.sessions()).isEmpty();
    }

    @Test
    void dropAfterApplyCreatesButLosesTheAnswer() {
        sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        assertThatThrownBy(() -> client.post("/v1/meetings", TencentMeetingsTest.meeting(""))).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.sessions()).hasSize(1);
    }

    @Test
    void scriptedVendorErrorsHitOnlyTheChosenOperation() {
        sim.failNext(VendorError.code(9003, "MEETING NOT EXIST"), 1, Operation.GET);
        assertThat(client.get(LIST).status()).isEqualTo(200);
        SignedClient.Reply r = client.get("/v1/meetings/1?userid=tester&instanceid=1");
        assertThat(r.errorCode()).isEqualTo(9003);
        assertThat(r.message()).isEqualTo("MEETING NOT EXIST");
    }

    @Test
    void statusTableCanBeCorrectedBySetting() {
        restart(SimulatorOptions.defaults().withClock(clock).with("status.200003", "401"));
        SignedClient.Reply r = client.send("GET", LIST, null, c -> c.header("X-TC-Signature", "AAAA"));
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo(200003);
    }

    @Test
    void unknownEndpointsAre404() {
        assertThat(client.get("/v1/rooms?userid=tester&instanceid=1").status()).isEqualTo(404);
        assertThat(client.send("DELETE", "/v1/meetings/1", null, c -> c).status()).isEqualTo(404);
    }

    @Test
    void propertiesPointAClientAtTheFake() {
        assertThat(sim.properties())
                .containsEntry("convene.provider", "tencentmeeting")
                .containsEntry("convene.tencentmeeting.base-url", sim.baseUrl().toString())
                .containsEntry("convene.tencentmeeting.organizer", "tester")
                .containsEntry("convene.tencentmeeting.instance-id", "1")
                .containsKeys("convene.tencentmeeting.app-id", "convene.tencentmeeting.secret-id", "convene.tencentmeeting.secret-key")
                .doesNotContainKey("convene.tencentmeeting.sdk-id");
        assertThat(sim.propertiesWithBadCredentials().get("convene.tencentmeeting.secret-key"))
                .isNotEqualTo(sim.properties().get("convene.tencentmeeting.secret-key"));
    }

    @Test
    void usersCanBeAddedToTheAddressBook() {
        assertThat(client.get("/v1/meetings?userid=zoe&instanceid=1").errorCode()).isEqualTo(190001);
        sim.addUsers("zoe");
        assertThat(client.get("/v1/meetings?userid=zoe&instanceid=1").status()).isEqualTo(200);
    }

    @Test
    void theFactoryIsFoundByVendorId() {
        try (VendorSimulator found = Simulators.start("tencentmeeting", SimulatorOptions.defaults().withClock(clock))) {
            assertThat(found).isInstanceOf(TencentMeetingSimulator.class);
            assertThat(found.vendor()).isEqualTo("tencentmeeting");
        }
        assertThat(Simulators.vendors()).contains("tencentmeeting");
    }

    @Test
    void badSettingsFailAtStartNamingTheKey() {
        assertThatThrownBy(() -> start(SimulatorOptions.defaults().with("require-registered", "yes")))
                .hasMessageContaining("require-registered");
    }
}
