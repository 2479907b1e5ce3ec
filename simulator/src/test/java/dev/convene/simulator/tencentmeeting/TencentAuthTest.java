package dev.convene.simulator.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.FaultKind;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §1 and "What a fake server must enforce" items 1–5: how every request is authenticated. */
class TencentAuthTest {
    static final String LIST = "/v1/meetings?userid=tester&instanceid=1";

    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T02:00:00Z"));
    TencentMeetingSimulator sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock));
    SignedClient client = clientFor(sim);

    SignedClient clientFor(TencentMeetingSimulator s) {
        return new SignedClient(s.baseUrl(), clock, s.appId(), s.secretId(), s.properties().get("convene.tencentmeeting.secret-key"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aCorrectlySignedRequestPassesAndCarriesATraceId() {
        SignedClient.Reply r = client.get(LIST);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-TC-Trace")).hasValueSatisfying(t -> assertThat(t).isNotBlank());
    }

    @Test
    void aBodyChangedAfterSigningFailsTheSignature() {
        String signedBody = createBody("signed subject");
        SignedClient.Call call = client.signed("POST", "/v1/meetings", signedBody);
        call.sentBody = createBody("changed subject").getBytes(StandardCharsets.UTF_8);
        SignedClient.Reply r = client.send(call);
        // §1.2: "sent body differs from signed body" is the first cause of 200003; HTTP 500 per S-200003.
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.errorCode()).isEqualTo(200003);
        assertThat(r.message()).isEqualTo("Signature failed!");
        assertThat(sim.sessions()).isEmpty();
    }

    @Test
    void reSerialisedJsonWithTheSameMeaningIsNotTheSignedBody() {
        String compact = createBody("x");
        SignedClient.Call call = client.signed("POST", "/v1/meetings", compact);
        call.sentBody = compact.replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertThat(client.send(call).errorCode()).isEqualTo(200003);
    }

    @Test
    void aChangedQueryFailsTheSignature() {
        SignedClient.Call call = client.signed("GET", LIST, null);
        call.rawUri = "/v1/meetings?instanceid=1&userid=tester";
        assertThat(client.send(call).errorCode()).isEqualTo(200003);
    }

    @Test
    void aWrongSecretKeyFailsTheSignature() {
        SignedClient bad = new SignedClient(sim.baseUrl(), clock, sim.appId(), sim.secretId(),
                sim.propertiesWithBadCredentials().get("convene.tencentmeeting.secret-key"));
        assertThat(bad.get(LIST).errorCode()).isEqualTo(200003);
    }

    @Test
    void anUnknownKeyOrAppIdIsRefusedWith190303() {
        assertThat(client.send("GET", LIST, null, c -> c.header("X-TC-Key", "AKIDunknown")).errorCode()).isEqualTo(190303);
        assertThat(client.send("GET", LIST, null, c -> c.header("AppId", "999")).errorCode()).isEqualTo(190303);
        assertThat(client.send("GET", LIST, null, c -> c.header("AppId", null)).errorCode()).isEqualTo(190303);
    }

    @Test
    void sdkIdMustBeAbsentWhenNoneWasAssignedAndPresentWhenOneWas() {
        // §1.1: "Must be sent if one was assigned; must NOT be sent if none was assigned (wrong presence ⇒ 190303)."
        assertThat(client.send("GET", LIST, null, c -> c.header("SdkId", "123")).errorCode()).isEqualTo(190303);

        sim.close();
        sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock).with("sdk-id", "1900001"));
        client = clientFor(sim);
        assertThat(sim.properties()).containsEntry("convene.tencentmeeting.sdk-id", "1900001");
        assertThat(client.get(LIST).errorCode()).isEqualTo(190303);
        assertThat(client.send("GET", LIST, null, c -> c.header("SdkId", "1900002")).errorCode()).isEqualTo(190303);
        assertThat(client.send("GET", LIST, null, c -> c.header("SdkId", "1900001")).status()).isEqualTo(200);
    }

    @Test
    void timestampsMoreThanFiveMinutesFromTheFakesClockAreRefused() {
        long now = clock.instant().getEpochSecond();
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(now - 300), "11")).status()).isEqualTo(200);
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(now + 300), "12")).status()).isEqualTo(200);
        SignedClient.Reply old = client.send(client.signed("GET", LIST, null, Long.toString(now - 301), "13"));
        assertThat(old.errorCode()).isEqualTo(190300);
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(now + 301), "14")).errorCode()).isEqualTo(190300);
        assertThat(client.send(client.signed("GET", LIST, null, now + "000", "15")).errorCode())
                .as("milliseconds are not seconds").isEqualTo(190300);
    }

    @Test
    void theSameTimestampAndNonceWithinFiveMinutesIsAReplay() {
        SignedClient.Call call = client.signed("GET", LIST, null);
        assertThat(client.send(call).status()).isEqualTo(200);
        SignedClient.Reply replay = client.send(call);
        assertThat(replay.errorCode()).isEqualTo(190301);
        clock.advance(Duration.ofSeconds(299));
        assertThat(client.send(call).errorCode()).isEqualTo(190301);
        // A fresh nonce at the same timestamp is a new request.
        long ts = Long.parseLong(call.headers.get("X-TC-Timestamp"));
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(ts), "777")).status()).isEqualTo(200);
    }

    /** A fault that answers in the vendor's stead still comes after the gateway's checks: a busy answer uses up its nonce. */
    @Test
    void requestsAnsweredByAFaultAreAuthenticatedFirst() {
        for (FaultKind kind : List.of(FaultKind.BUSY, FaultKind.RATE_LIMITED, FaultKind.SERVER_ERROR, FaultKind.MALFORMED_JSON)) {
            sim.faults().inject(kind, 1, Operation.LIST);
            SignedClient.Reply forged = client.send("GET", LIST, null, c -> c.header("X-TC-Signature", "Zm9yZ2Vk"));
            assertThat(forged.errorCode()).as(kind + ": a bad signature is refused before the fault answers").isEqualTo(200003);

            sim.faults().inject(kind, 1, Operation.LIST);
            SignedClient.Call call = client.signed("GET", LIST, null);
            assertThat(faultAnswer(call)).as(kind + " answers a well-signed request").doesNotContain("meeting_info_list");
            assertThat(client.send(call).errorCode()).as(kind + ": its nonce was used").isEqualTo(190301);
        }
        assertThat(sim.faults().pending()).isZero();
    }

    /** The answer's text; the malformed-JSON fault's is not JSON, so {@link SignedClient} cannot read it. */
    String faultAnswer(SignedClient.Call call) {
        try {
            return client.send(call).toString();
        } catch (java.io.UncheckedIOException notJson) {
            return notJson.getMessage();
        }
    }

    @Test
    void aReplayedCreateDoesNotCreateTwice() {
        SignedClient.Call call = client.signed("POST", "/v1/meetings", createBody("once"));
        assertThat(client.send(call).status()).isEqualTo(200);
        assertThat(client.send(call).errorCode()).isEqualTo(190301);
        assertThat(sim.sessions()).hasSize(1);
    }

    @Test
    void nonceMustBeAPositiveInteger() {
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(clock.instant().getEpochSecond()), "abc")).errorCode())
                .isEqualTo(190004);
        // Up to 19+ digits are accepted, as the official SDKs send them (§1.1).
        assertThat(client.send(client.signed("GET", LIST, null, Long.toString(clock.instant().getEpochSecond()), "1893456000000123456"))
                .status()).isEqualTo(200);
    }

    @Test
    void xTcRegisteredMustBeOneUnlessRelaxed() {
        assertThat(client.send("GET", LIST, null, c -> c.header("X-TC-Registered", null)).errorCode()).isEqualTo(200003);
        assertThat(client.send("GET", LIST, null, c -> c.header("X-TC-Registered", "0")).errorCode()).isEqualTo(200003);

        sim.close();
        sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock).with("require-registered", "false"));
        client = clientFor(sim);
        assertThat(client.send("GET", LIST, null, c -> c.header("X-TC-Registered", null)).status()).isEqualTo(200);
    }

    @Test
    void contentTypeMustBeJsonWithOrWithoutCharset() {
        assertThat(client.send("GET", LIST, null, c -> c.header("Content-Type", "application/json; charset=utf-8")).status()).isEqualTo(200);
        SignedClient.Reply r = client.send("POST", "/v1/meetings", createBody("x"), c -> c.header("Content-Type", "text/plain"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo(190004);
    }

    @Test
    void headerNamesAreMatchedCaseInsensitively() {
        SignedClient.Call call = client.signed("GET", LIST, null);
        String sig = call.headers.remove("X-TC-Signature");
        call.header("x-tc-signature", sig);
        assertThat(client.send(call).status()).isEqualTo(200);
    }

    @Test
    void errorsAlwaysCarryAllThreeErrorInfoFieldsAndATrace() {
        SignedClient.Reply r = client.send("GET", LIST, null, c -> c.header("X-TC-Key", "nope"));
        assertThat(r.json().path("error_info").has("error_code")).isTrue();
        assertThat(r.json().path("error_info").has("new_error_code")).isTrue();
        assertThat(r.json().path("error_info").path("message").asText()).contains("AppId");
        assertThat(r.headers().firstValue("X-TC-Trace")).isPresent();
    }

    @Test
    void everyRequestIsRecordedRejectedOnesIncluded() {
        client.get(LIST);
        client.send("GET", LIST, null, c -> c.header("X-TC-Key", "nope"));
        assertThat(sim.requests()).hasSize(2);
        assertThat(sim.requests(Operation.LIST)).hasSize(2);
        assertThat(sim.requests().get(0).header("x-tc-key")).contains(sim.secretId());
    }

    static String createBody(String subject) {
        return "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"" + subject
                + "\",\"type\":0,\"start_time\":\"1893463200\",\"end_time\":\"1893466800\"}";
    }
}
