package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.Operation;
import dev.convene.simulator.VendorError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §1 (gettoken) and §8 items 1–3: the token is a query parameter, checked on every business call. */
class WeComTokenTest {
    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    String corpId() {
        return fake.sim.properties().get("convene.wecom.corp-id");
    }

    String secret() {
        return fake.sim.properties().get("convene.wecom.corp-secret");
    }

    @Test
    void gettokenIssuesATokenOfAtMost512BytesValidFor7200Seconds() {
        JsonNode r = fake.gettoken(corpId(), secret());
        assertThat(r.get("errcode").intValue()).isZero();
        assertThat(r.get("errmsg").textValue()).isEqualTo("ok");
        assertThat(r.get("expires_in").intValue()).isEqualTo(7200);
        assertThat(r.get("access_token").textValue().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 512);
        assertThat(fake.sim.tokensIssued()).isEqualTo(1);
    }

    @Test
    void gettokenRefusesMissingAndWrongParametersWithTheGlobalCodes() {
        assertThat(fake.gettoken(null, secret()).get("errcode").intValue()).isEqualTo(41002);
        assertThat(fake.gettoken(corpId(), null).get("errcode").intValue()).isEqualTo(41004);
        assertThat(fake.gettoken("wwsomeoneelse", secret()).get("errcode").intValue()).isEqualTo(40013);
        assertThat(fake.gettoken(corpId(), "wrong").get("errcode").intValue()).isEqualTo(40001);
        String bad = fake.sim.propertiesWithBadCredentials().get("convene.wecom.corp-secret");
        assertThat(fake.gettoken(corpId(), bad).get("errcode").intValue()).isEqualTo(40001);
        assertThat(fake.sim.tokensIssued()).isZero();
    }

    @Test
    void gettokenIsGetOnly() {
        JsonNode r = WeComFake.parse(fake.send("POST", "/cgi-bin/gettoken?corpid=" + corpId() + "&corpsecret=" + secret(), "{}").body());
        assertThat(r.get("errcode").intValue()).isEqualTo(43001);
    }

    @Test
    void errorsCarryTheDocumentedErrmsgShapeAndNeverEchoTheSecret() {
        JsonNode r = fake.gettoken(corpId(), "wrong-secret-value");
        assertThat(r.get("errmsg").textValue())
                .matches("invalid credential.*, hint: \\[[^]]+], from ip: 127\\.0\\.0\\.1, more info at "
                        + "https://open\\.work\\.weixin\\.qq\\.com/devtool/query\\?e=40001")
                .doesNotContain("wrong-secret-value");
    }

    @Test
    void businessCallsNeedAToken() {
        JsonNode missing = WeComFake.parse(fake.send("POST", "/cgi-bin/meeting/create", fake.meeting().toString()).body());
        assertThat(missing.get("errcode").intValue()).isEqualTo(41001);
        assertThat(fake.postWith("garbage", "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue())
                .isEqualTo(40014);
        assertThat(fake.sim.sessions()).isEmpty();
    }

    @Test
    void aTokenPastItsLifetimeAnswers42001() {
        String token = fake.token();
        fake.clock.advance(Duration.ofSeconds(7199));
        assertThat(fake.postWith(token, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isZero();
        fake.clock.advance(Duration.ofSeconds(1));
        assertThat(fake.postWith(token, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isEqualTo(42001);
    }

    @Test
    void expireAndRevokeHooksInvalidateEveryIssuedToken() {
        String token = fake.token();
        fake.sim.expireTokens();
        assertThat(fake.postWith(token, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isEqualTo(42001);
        String second = fake.gettoken(corpId(), secret()).get("access_token").textValue();
        fake.sim.revokeTokens();
        assertThat(fake.postWith(second, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isEqualTo(40014);
        String third = fake.gettoken(corpId(), secret()).get("access_token").textValue();
        assertThat(fake.postWith(third, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isZero();
    }

    @Test
    void expiredTokenCodeIsASetting() {
        try (WeComFake strict = new WeComFake(WeComFake.T0, Map.of("expired-token-errcode", "40014"))) {
            String token = strict.token();
            strict.sim.expireTokens();
            assertThat(strict.postWith(token, "/cgi-bin/meeting/create", strict.meeting().toString()).get("errcode").intValue())
                    .isEqualTo(40014);
        }
    }

    @Test
    void byDefaultEachGettokenIssuesAFreshTokenAndOlderOnesStayValid() {
        String first = fake.gettoken(corpId(), secret()).get("access_token").textValue();
        String second = fake.gettoken(corpId(), secret()).get("access_token").textValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(fake.postWith(first, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isZero();
    }

    @Test
    void theOlderDocumentedSameTokenWhileValidBehaviourIsASetting() {
        try (WeComFake reuse = new WeComFake(WeComFake.T0, Map.of("reuse-token-while-valid", "true"))) {
            String first = reuse.gettoken(corpId(), secret()).get("access_token").textValue();
            assertThat(reuse.gettoken(corpId(), secret()).get("access_token").textValue()).isEqualTo(first);
            reuse.clock.advance(Duration.ofHours(2));
            assertThat(reuse.gettoken(corpId(), secret()).get("access_token").textValue()).isNotEqualTo(first);
        }
    }

    @Test
    void repeatedFailedGettokenCallsGetBlockedForAnHour() {
        try (WeComFake f = new WeComFake(WeComFake.T0, Map.of("gettoken-failures-per-hour", "3"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(f.gettoken(corpId(), "wrong").get("errcode").intValue()).isEqualTo(40001);
            }
            assertThat(f.gettoken(corpId(), secret()).get("errcode").intValue()).isEqualTo(45009);
            f.clock.advance(Duration.ofMinutes(61));
            assertThat(f.gettoken(corpId(), secret()).get("errcode").intValue()).isZero();
        }
    }

    @Test
    void scriptedFailuresCanHitGettoken() {
        fake.sim.failNext(VendorError.code(-1), 1, Operation.TOKEN);
        assertThat(fake.gettoken(corpId(), secret()).get("errcode").intValue()).isEqualTo(-1);
        assertThat(fake.gettoken(corpId(), secret()).get("errcode").intValue()).isZero();
    }
}
