package dev.convene.provider.tencentmeeting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.SettableClock;
import dev.convene.spi.http.Redactor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.tencentmeeting.TencentMeetingSimulator;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §1: the header set and the signature, checked against the spec's test vectors V1–V4 and against what goes on the wire. */
class SignerTest {
    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLEKEY";

    final MockWebServer server = new MockWebServer();
    final SettableClock clock = new SettableClock(Instant.ofEpochSecond(1_700_000_000L));

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    static String sign(String method, String nonce, String timestamp, String uri, String body) {
        return Signer.sign(SECRET_KEY, method, SECRET_ID, nonce, timestamp, uri, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void vectorV1GetWithQueryAndEmptyBody() {
        assertThat(sign("GET", "1234567", "1700000000", "/v1/meetings/7567173273889276131?userid=tester1&instanceid=1", ""))
                .isEqualTo("OWEyNWIxODg3NTE1OTFkYTMxZTNlMzA1NGY1NDE0N2JkYzBhY2VmYTEyZDA4MTgzZDM0NGVhNGY0MGFkNTZiMg==");
    }

    @Test
    void vectorV2PostWithChineseBody() {
        String body = "{\"userid\":\"tester1\",\"instanceid\":1,\"subject\":\"周会 weekly\",\"type\":0,\"start_time\":\"1700003600\",\"end_time\":\"1700007200\"}";
        assertThat(sign("POST", "1234567", "1700000000", "/v1/meetings", body))
                .isEqualTo("NWVlZTFjYWE1NDZjYTBlZTEzMGVjMDdmOWNlYjU3M2IzZjg0ZDVlOTZmNDkyZjQ3Y2ZlOTAwZjI5MmRjZTMyNQ==");
    }

    @Test
    void vectorV3PostCancel() {
        assertThat(sign("POST", "987654321", "1700000300", "/v1/meetings/7567173273889276131/cancel",
                "{\"userid\":\"tester1\",\"instanceid\":1,\"reason_code\":1}"))
                .isEqualTo("ZmJkNGUxNGMyMjBkY2EzM2U5MTE0YTQwNDA5ZDQzOTFlMGU4ZGEyNWI3ZDcxODE1NzA1ZmE3MTlmMjBlN2Q1ZQ==");
    }

    @Test
    void vectorV4SignsThePercentEncodedQueryAsSent() {
        HttpUrl url = HttpUrl.get("https://api.meeting.qq.com/v1/meetings").newBuilder()
                .addQueryParameter("userid", "alice@corp.example").addQueryParameter("instanceid", "1").build();
        String raw = Signer.rawUri(url);
        assertThat(raw).isEqualTo("/v1/meetings?userid=alice%40corp.example&instanceid=1");
        assertThat(sign("GET", "1234567", "1700000000", raw, ""))
                .isEqualTo("YWQ4NDBjMDdmYjYxZGNhMGZmY2Y1YjM0ZGM5OGUwODAzZDdmY2ZkNTBlODRkZjAxNjkzZWFiOGMyYjFkYjFiNg==");
    }

    OkHttpClient client(Optional<String> sdkId) {
        return new OkHttpClient.Builder()
                .addInterceptor(new Signer(new Signer.Credentials("200000001", sdkId, SECRET_ID, SECRET_KEY), clock, new Redactor()))
                .build();
    }

    @Test
    void sendsTheHeaderSetAndASignatureOverTheBytesReceived() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        String json = "{\"subject\":\"周会\"}";
        client(Optional.empty()).newCall(new Request.Builder().url(server.url("/v1/meetings?userid=alice%40corp.example"))
                .post(RequestBody.create(json, okhttp3.MediaType.get("application/json; charset=utf-8"))).build()).execute().close();
        RecordedRequest r = server.takeRequest();

        assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
        assertThat(r.getHeader("X-TC-Key")).isEqualTo(SECRET_ID);
        assertThat(r.getHeader("X-TC-Timestamp")).isEqualTo("1700000000");
        assertThat(r.getHeader("X-TC-Nonce")).matches("[1-9]\\d*");
        assertThat(r.getHeader("AppId")).isEqualTo("200000001");
        assertThat(r.getHeader("X-TC-Registered")).isEqualTo("1");
        assertThat(r.getHeader("SdkId")).as("no SdkId unless one was assigned").isNull();
        byte[] received = r.getBody().readByteArray();
        assertThat(new String(received, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(r.getHeader("X-TC-Signature")).isEqualTo(Signer.sign(SECRET_KEY, "POST", SECRET_ID, r.getHeader("X-TC-Nonce"),
                "1700000000", r.getRequestLine().split(" ")[1], received));
        assertThat(r.getRequestLine()).contains("/v1/meetings?userid=alice%40corp.example");
    }

    @Test
    void sdkIdIsSentOnlyWhenConfigured() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        client(Optional.of("19000001")).newCall(new Request.Builder().url(server.url("/v1/meetings")).build()).execute().close();
        assertThat(server.takeRequest().getHeader("SdkId")).isEqualTo("19000001");
    }

    @Test
    void getsAreSignedOverAnEmptyBody() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        client(Optional.empty()).newCall(new Request.Builder().url(server.url("/v1/meetings/1?userid=tester1&instanceid=1")).build())
                .execute().close();
        RecordedRequest r = server.takeRequest();
        assertThat(r.getBodySize()).isZero();
        assertThat(r.getHeader("X-TC-Signature")).isEqualTo(Signer.sign(SECRET_KEY, "GET", SECRET_ID, r.getHeader("X-TC-Nonce"),
                r.getHeader("X-TC-Timestamp"), "/v1/meetings/1?userid=tester1&instanceid=1", new byte[0]));
    }

    @Test
    void everyCallGetsAFreshNonceAndTheClocksTimestamp() throws Exception {
        OkHttpClient c = client(Optional.empty());
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse().setBody("{}"));
            c.newCall(new Request.Builder().url(server.url("/v1/meetings")).build()).execute().close();
            RecordedRequest r = server.takeRequest();
            nonces.add(r.getHeader("X-TC-Nonce"));
            assertThat(r.getHeader("X-TC-Timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
            clock.advance(Duration.ofSeconds(7));
        }
        assertThat(nonces).hasSize(5);
    }

    @Test
    void theSimulatorAcceptsTheSignedBodyAndRefusesOneChangedAfterSigning() throws Exception {
        try (TencentMeetingSimulator sim = new TencentMeetingSimulator(SimulatorOptions.defaults().withClock(clock))) {
            Signer.Credentials credentials = new Signer.Credentials(sim.appId(), Optional.empty(), sim.secretId(),
                    sim.properties().get("convene.tencentmeeting.secret-key"));
            String body = "{\"userid\":\"tester\",\"instanceid\":1,\"subject\":\"周会\",\"type\":0,"
                    + "\"start_time\":\"1700003600\",\"end_time\":\"1700007200\"}";
            Request create = new Request.Builder().url(sim.baseUrl() + "/v1/meetings")
                    .post(RequestBody.create(body, Signer.JSON)).build();

            OkHttpClient honest = new OkHttpClient.Builder().addInterceptor(new Signer(credentials, clock, new Redactor())).build();
            try (Response r = honest.newCall(create).execute()) {
                assertThat(r.code()).isEqualTo(200);
            }
            Interceptor tamper = chain -> chain.proceed(chain.request().newBuilder()
                    .post(RequestBody.create(body.replace("周会", "改了"), Signer.JSON)).build());
            OkHttpClient tampering = new OkHttpClient.Builder().addInterceptor(new Signer(credentials, clock, new Redactor()))
                    .addInterceptor(tamper).build();
            try (Response r = tampering.newCall(create).execute()) {
                assertThat(r.code()).isEqualTo(500);
                assertThat(r.body().string()).contains("\"error_code\":200003");
            }
            assertThat(sim.sessions()).hasSize(1);
        }
    }

    @Test
    void credentialsNeverPrintTheSecretKey() {
        assertThat(new Signer.Credentials("1", Optional.empty(), SECRET_ID, SECRET_KEY).toString()).doesNotContain(SECRET_KEY);
    }
}
