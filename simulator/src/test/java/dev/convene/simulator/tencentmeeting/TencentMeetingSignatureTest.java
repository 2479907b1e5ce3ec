package dev.convene.simulator.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §1.3 test vectors V1–V4, first against the fake's own signer, then end to end: a request
 * carrying the vector's exact headers is accepted by a fake holding the vector's credentials and
 * clock, and the decoded-query signature of V4 is refused.
 */
class TencentMeetingSignatureTest {
    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLEKEY";
    static final String V1_URI = "/v1/meetings/7567173273889276131?userid=tester1&instanceid=1";
    static final String V1_SIG = "OWEyNWIxODg3NTE1OTFkYTMxZTNlMzA1NGY1NDE0N2JkYzBhY2VmYTEyZDA4MTgzZDM0NGVhNGY0MGFkNTZiMg==";
    static final String V2_BODY = "{\"userid\":\"tester1\",\"instanceid\":1,\"subject\":\"周会 weekly\",\"type\":0,\"start_time\":\"1700003600\",\"end_time\":\"1700007200\"}";
    static final String V2_SIG = "NWVlZTFjYWE1NDZjYTBlZTEzMGVjMDdmOWNlYjU3M2IzZjg0ZDVlOTZmNDkyZjQ3Y2ZlOTAwZjI5MmRjZTMyNQ==";
    static final String V3_URI = "/v1/meetings/7567173273889276131/cancel";
    static final String V3_BODY = "{\"userid\":\"tester1\",\"instanceid\":1,\"reason_code\":1}";
    static final String V3_SIG = "ZmJkNGUxNGMyMjBkY2EzM2U5MTE0YTQwNDA5ZDQzOTFlMGU4ZGEyNWI3ZDcxODE1NzA1ZmE3MTlmMjBlN2Q1ZQ==";
    static final String V4_URI = "/v1/meetings?userid=alice%40corp.example&instanceid=1";
    static final String V4_SIG = "YWQ4NDBjMDdmYjYxZGNhMGZmY2Y1YjM0ZGM5OGUwODAzZDdmY2ZkNTBlODRkZjAxNjkzZWFiOGMyYjFkYjFiNg==";
    static final String V4_WRONG_URI = "/v1/meetings?userid=alice@corp.example&instanceid=1";

    final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1_700_000_000L));
    final TencentMeetingSimulator sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock)
            .with("secret-id", SECRET_ID).with("secret-key", SECRET_KEY));
    final SignedClient client = new SignedClient(sim.baseUrl(), clock, sim.appId(), SECRET_ID, SECRET_KEY);

    @AfterEach
    void stop() {
        sim.close();
    }

    static String sign(String method, String nonce, String timestamp, String uri, String body) {
        return TencentMeetingSignature.sign(SECRET_KEY, TencentMeetingSignature.stringToSign(method, SECRET_ID, nonce, timestamp, uri,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void v1GetWithQueryAndEmptyBody() {
        byte[] toSign = TencentMeetingSignature.stringToSign("GET", SECRET_ID, "1234567", "1700000000", V1_URI, new byte[0]);
        assertThat(new String(toSign, StandardCharsets.UTF_8)).isEqualTo(
                "GET\nX-TC-Key=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&X-TC-Nonce=1234567&X-TC-Timestamp=1700000000\n" + V1_URI + "\n");
        assertThat(TencentMeetingSignature.sign(SECRET_KEY, toSign)).isEqualTo(V1_SIG).hasSize(88);
    }

    @Test
    void v2PostWithChineseUtf8Body() {
        assertThat(V2_BODY.getBytes(StandardCharsets.UTF_8)).hasSize(120);
        assertThat(sign("POST", "1234567", "1700000000", "/v1/meetings", V2_BODY)).isEqualTo(V2_SIG);
    }

    @Test
    void v3PostCancel() {
        assertThat(sign("POST", "987654321", "1700000300", V3_URI, V3_BODY)).isEqualTo(V3_SIG);
    }

    @Test
    void v4SignsTheRawPercentEncodedQuery() {
        assertThat(sign("GET", "1234567", "1700000000", V4_URI, "")).isEqualTo(V4_SIG);
        assertThat(sign("GET", "1234567", "1700000000", V4_WRONG_URI, "")).isNotEqualTo(V4_SIG);
    }

    @Test
    void theFakeAcceptsV1AsSentAndAnswersPastAuthentication() {
        SignedClient.Reply r = client.send(client.signed("GET", V1_URI, null, "1700000000", "1234567").header("X-TC-Signature", V1_SIG));
        // Past the signature check: the meeting of the vector simply does not exist (spec §3.2, 9003).
        assertThat(r.errorCode()).as(r.toString()).isEqualTo(9003);
    }

    @Test
    void theFakeAcceptsV2AndCreatesTheMeeting() {
        SignedClient.Reply r = client.send(client.signed("POST", "/v1/meetings", V2_BODY, "1700000000", "1234567")
                .header("X-TC-Signature", V2_SIG));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.meeting().path("subject").asText()).isEqualTo("周会 weekly");
    }

    @Test
    void theFakeAcceptsV3AtItsOwnTimestamp() {
        clock.set(Instant.ofEpochSecond(1_700_000_300L));
        SignedClient.Reply r = client.send(client.signed("POST", V3_URI, V3_BODY, "1700000300", "987654321")
                .header("X-TC-Signature", V3_SIG));
        assertThat(r.errorCode()).as(r.toString()).isEqualTo(9003);
    }

    @Test
    void theFakeAcceptsV4RawAndRefusesTheDecodedQuerySignature() {
        SignedClient.Reply wrong = client.send(client.signed("GET", V4_URI, null, "1700000000", "7654321")
                .header("X-TC-Signature", sign("GET", "7654321", "1700000000", V4_WRONG_URI, "")));
        assertThat(wrong.status()).isEqualTo(500);
        assertThat(wrong.errorCode()).isEqualTo(200003);
        assertThat(wrong.message()).isEqualTo("Signature failed!");

        SignedClient.Reply right = client.send(client.signed("GET", V4_URI, null, "1700000000", "1234567").header("X-TC-Signature", V4_SIG));
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
        assertThat(right.json().path("meeting_number").asInt()).isZero();
        assertThat(sim.requests().get(1).rawUri()).isEqualTo(V4_URI);
    }
}
