package dev.convene.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    final Redactor redactor = new Redactor();

    @Test
    void masksSensitiveNamesInUrlsAndJson() {
        assertThat(redactor.redact("https://q/cgi-bin/gettoken?corpid=ww1&corpsecret=abc%2Bdef&x=1"))
                .isEqualTo("https://q/cgi-bin/gettoken?corpid=ww1&corpsecret=****&x=1");
        assertThat(redactor.redact("{\"errcode\":0,\"access_token\":\"tok\\\"en\",\"expires_in\":7200}"))
                .isEqualTo("{\"errcode\":0,\"access_token\":\"****\",\"expires_in\":7200}");
        assertThat(redactor.redact("?my_access_token=keep")).isEqualTo("?my_access_token=keep");
    }

    @Test
    void masksMeetingPasswordsAsToStringDoes() {
        assertThat(redactor.redact("{\"subject\":\"x\",\"password\":\"739164\",\"need_password\":true}"))
                .isEqualTo("{\"subject\":\"x\",\"password\":\"****\",\"need_password\":true}");
        redactor.addSensitiveName("live_password");
        assertThat(redactor.redact("{\"live_config\":{\"live_password\": \"5820\"}}")).isEqualTo("{\"live_config\":{\"live_password\": \"****\"}}");
    }

    @Test
    void masksRegisteredValuesAnywhereAndTheirUrlEncodedForm() {
        redactor.addFixedSecret("s3cr3t+value/x");
        redactor.addSecret("bearer-token-xyz");
        assertThat(redactor.redact("a s3cr3t+value/x b s3cr3t%2Bvalue%2Fx c bearer-token-xyz"))
                .isEqualTo("a **** b **** c ****");
    }

    @Test
    void ignoresValuesTooShortToBeCredentials() {
        redactor.addSecret("ab");
        assertThat(redactor.redact("ab cd")).isEqualTo("ab cd");
    }

    @Test
    void knowsSensitiveHeaderNames() {
        assertThat(redactor.isSensitiveName("Authorization")).isTrue();
        assertThat(redactor.isSensitiveName("X-TC-Signature")).isTrue();
        assertThat(redactor.isSensitiveName("Content-Type")).isFalse();
    }
}
