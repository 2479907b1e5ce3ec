package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.simulator.Operation;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §1 (S2S OAuth) and §10 items 1–3. */
class ZoomOAuthTest {
    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    final String form = "grant_type=account_credentials&account_id=" + ZoomSimulator.PRIMARY_ACCOUNT_ID;

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void basicAuthAndFormBodyGetABearerTokenWithTheDocumentedFields() {
        // §1.1: POST /oauth/token, Basic base64(client_id:client_secret), form body; answer shape.
        Answer a = new ZoomHttp(sim).tokenRequest(ZoomHttp.basic(ZoomSimulator.CLIENT_ID, ZoomSimulator.CLIENT_SECRET), form);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("access_token").isTextual()).isTrue();
        assertThat(a.json().get("token_type").asText()).isEqualTo("bearer");
        assertThat(a.json().get("expires_in").asInt()).isEqualTo(3599);
        assertThat(a.json().get("scope").asText()).contains("meeting:write:admin").contains(" ");
        assertThat(a.json().has("refresh_token")).isFalse();
        assertThat(sim.tokenRequests()).isEqualTo(1);
        assertThat(sim.requests(Operation.TOKEN)).hasSize(1);
    }

    @Test
    void aWrongSecretIsRefusedWithoutAToken() {
        Answer a = new ZoomHttp(sim).tokenRequest(ZoomHttp.basic(ZoomSimulator.CLIENT_ID, "wrong"), form);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(a.json().has("access_token")).isFalse();
        assertThat(sim.tokensIssued()).isZero();
    }

    @Test
    void aWrongGrantTypeOrAccountIsRefused() {
        ZoomHttp http = new ZoomHttp(sim);
        String basic = ZoomHttp.basic(ZoomSimulator.CLIENT_ID, ZoomSimulator.CLIENT_SECRET);
        Answer grant = http.tokenRequest(basic, "grant_type=client_credentials&account_id=" + ZoomSimulator.PRIMARY_ACCOUNT_ID);
        assertThat(grant.status()).isEqualTo(400);
        assertThat(grant.json().get("reason").asText()).isEqualTo("unsupported grant type");
        assertThat(http.tokenRequest(basic, "grant_type=account_credentials&account_id=nope").status()).isEqualTo(400);
        assertThat(http.tokenRequest(null, form).status()).isEqualTo(400);
    }

    @Test
    void queryStringOnlyRequestsFailUnlessSwitchedOn() {
        // §1.1: query-string-only token requests started failing with 400; the fake may accept them when told.
        ZoomHttp http = new ZoomHttp(sim);
        String basic = ZoomHttp.basic(ZoomSimulator.CLIENT_ID, ZoomSimulator.CLIENT_SECRET);
        java.net.http.HttpRequest query = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/oauth/token?" + form))
                .header("Authorization", basic).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(query).status()).isEqualTo(400);
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with("token-query-form", "accept"));
        java.net.http.HttpRequest again = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/oauth/token?" + form))
                .header("Authorization", basic).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        assertThat(new ZoomHttp(sim).send(again).status()).isEqualTo(200);
    }

    @Test
    void apiCallsWithoutAValidBearerGet401Code124() {
        // §1.3: invalid token -> 401 {"code":124,"message":"Invalid access token."}
        ZoomHttp http = new ZoomHttp(sim);
        Answer none = http.get("/users/me/meetings");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo(124);
        assertThat(none.message()).isEqualTo("Invalid access token.");
        http.token = "made-up";
        assertThat(http.get("/users/me/meetings").code()).isEqualTo(124);
    }

    @Test
    void tokensExpireByTheClockAndCanBeRevokedOrExpiredByHand() {
        ZoomHttp http = new ZoomHttp(sim).authenticated();
        assertThat(http.get("/users/me/meetings").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(3599));
        Answer expired = http.get("/users/me/meetings");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo(124);
        assertThat(expired.message()).isEqualTo("Access token is expired.");

        http.authenticated();
        sim.revokeTokens();
        assertThat(http.get("/users/me/meetings").code()).isEqualTo(124);
        http.authenticated();
        sim.expireTokens();
        assertThat(http.get("/users/me/meetings").code()).isEqualTo(124);
    }

    @Test
    void severalTokensLiveAtOnceUntilANewTokenIsSwitchedToRevokeTheOld() {
        // §1.3: both behaviours have been observed; default lets several live, the switch makes one revoke the other.
        ZoomHttp first = new ZoomHttp(sim).authenticated();
        ZoomHttp second = new ZoomHttp(sim).authenticated();
        assertThat(first.get("/users/me/meetings").status()).isEqualTo(200);
        assertThat(second.get("/users/me/meetings").status()).isEqualTo(200);

        sim.newTokenRevokesOld(true);
        ZoomHttp third = new ZoomHttp(sim).authenticated();
        assertThat(second.get("/users/me/meetings").code()).isEqualTo(124);
        assertThat(third.get("/users/me/meetings").status()).isEqualTo(200);
    }

    @Test
    void callsOutsideTheTokensScopesAreRefused() {
        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with("scopes", "meeting:read:admin"));
        ZoomHttp http = new ZoomHttp(sim).authenticated();
        assertThat(http.get("/users/me/meetings").status()).isEqualTo(200);
        Answer a = http.get("/users/me/webinars");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(4711);
        assertThat(a.message()).contains("webinar:read:admin");
    }

    @Test
    void aForced401IsAnsweredOnceWithoutTouchingTheToken() {
        ZoomHttp http = new ZoomHttp(sim).authenticated();
        sim.failNext(VendorError.of(401, 124, "Invalid access token."), 1, Operation.LIST);
        assertThat(http.get("/users/me/meetings").code()).isEqualTo(124);
        assertThat(http.get("/users/me/meetings").status()).isEqualTo(200);
    }
}
