package dev.convene.provider.wecom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.AuthenticationException;
import dev.convene.PermissionDeniedException;
import dev.convene.RateLimitedException;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.VendorUnavailableException;
import dev.convene.spi.http.Redactor;
import java.time.Duration;
import java.util.Map;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Every errcode of the spec's table (§5) maps to one of core's kinds, keeping HTTP status, code, message and request id. */
class WeComErrorsTest {
    final WeComErrors errors = new WeComErrors(new Redactor());

    static final Map<Integer, Class<? extends VendorException>> TABLE = Map.ofEntries(
            Map.entry(-1, VendorUnavailableException.class),
            Map.entry(40001, AuthenticationException.class), Map.entry(40013, AuthenticationException.class), Map.entry(40014, AuthenticationException.class),
            Map.entry(41001, AuthenticationException.class), Map.entry(42001, AuthenticationException.class),
            Map.entry(41002, AuthenticationException.class), Map.entry(41004, AuthenticationException.class),
            Map.entry(40003, VendorRejectedException.class), Map.entry(60111, VendorRejectedException.class), Map.entry(40031, VendorRejectedException.class),
            Map.entry(40032, VendorRejectedException.class), Map.entry(40035, VendorRejectedException.class), Map.entry(40058, VendorRejectedException.class),
            Map.entry(40063, VendorRejectedException.class),
            Map.entry(45009, RateLimitedException.class), Map.entry(45033, RateLimitedException.class),
            Map.entry(48002, PermissionDeniedException.class), Map.entry(48004, PermissionDeniedException.class), Map.entry(50002, PermissionDeniedException.class),
            Map.entry(60011, PermissionDeniedException.class), Map.entry(60020, PermissionDeniedException.class), Map.entry(301002, PermissionDeniedException.class));

    static String errmsg(int code) {
        return "some text, hint: [1700000000_abc], from ip: 1.2.3.4, more info at https://open.work.weixin.qq.com/devtool/query?e=" + code;
    }

    @Test
    void everyDocumentedCodeHasItsKindAndKeepsCodeMessageAndRequestId() {
        TABLE.forEach((code, kind) -> {
            VendorException e = errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(code, errmsg(code)));
            assertThat(e).as("errcode " + code).isExactlyInstanceOf(kind);
            assertThat(e.provider()).isEqualTo("wecom");
            assertThat(e.httpStatus()).as("WeCom answers every errcode with HTTP 200").isEqualTo(200);
            assertThat(e.vendorCode()).isEqualTo(Integer.toString(code));
            assertThat(e.vendorMessage()).isEqualTo(errmsg(code));
            assertThat(e.requestId()).contains("1700000000_abc");
            assertThat(e.getMessage()).contains(Integer.toString(code));
        });
    }

    @Test
    void retryHints() {
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(-1, "system busy")).isRetryable()).isTrue();
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(45009, "freq")).retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(45033, "concurrency")).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(40058, "invalid")).isRetryable()).isFalse();
    }

    @Test
    void successAndUnknownCodes() {
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(0, "ok"))).isNull();
        assertThat(errors.fromBody(200, Headers.of(), new WeComWire.Reply.Bare(93000, "new"))).isExactlyInstanceOf(VendorRejectedException.class);
    }

    @Test
    void gatewayStatuses() {
        assertThat(errors.fromHttpError(503, Headers.of(), "<html>busy</html>")).isExactlyInstanceOf(VendorUnavailableException.class);
        assertThat(errors.fromHttpError(503, Headers.of(), "<html>busy</html>").httpStatus()).isEqualTo(503);
        assertThat(errors.fromHttpError(429, Headers.of(), "")).isExactlyInstanceOf(RateLimitedException.class);
        assertThat(errors.fromHttpError(404, Headers.of(), "")).isExactlyInstanceOf(VendorRejectedException.class);
    }

    @Test
    void messagesAreRedacted() {
        Redactor redactor = new Redactor();
        redactor.addFixedSecret("my-corp-secret-value");
        VendorException e = new WeComErrors(redactor).fromBody(200, Headers.of(), new WeComWire.Reply.Bare(40001, "bad my-corp-secret-value"));
        assertThat(e.vendorMessage()).doesNotContain("my-corp-secret-value");
    }
}
