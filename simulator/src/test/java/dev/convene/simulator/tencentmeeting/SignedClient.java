package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A minimal Tencent Meeting caller for the fake's tests, built on the JDK client and written from
 * spec §1 (not from Convene's client): it signs exactly the bytes it sends, unless a test asks it to
 * misbehave.
 */
final class SignedClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final Clock clock;
    private final String appId;
    private final String secretId;
    private final String secretKey;
    private final AtomicLong nonces = new AtomicLong(1_000_000);

    SignedClient(URI base, Clock clock, String appId, String secretId, String secretKey) {
        this.base = base;
        this.clock = clock;
        this.appId = appId;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** One request as a test wants it on the wire; {@link #signed} fills in a correct header set. */
    static final class Call {
        String method;
        String rawUri;
        byte[] body = new byte[0];
        final Map<String, String> headers = new LinkedHashMap<>();
        /** Bytes sent instead of {@link #body}, after the signature was computed over {@code body}. */
        byte[] sentBody;

        Call header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
            return this;
        }
    }

    Call signed(String method, String rawUri, String body) {
        return signed(method, rawUri, body, Long.toString(clock.instant().getEpochSecond()), Long.toString(nonces.incrementAndGet()));
    }

    Call signed(String method, String rawUri, String body, String timestamp, String nonce) {
        Call c = new Call();
        c.method = method;
        c.rawUri = rawUri;
        c.body = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        c.header("Content-Type", "application/json")
                .header("X-TC-Key", secretId)
                .header("X-TC-Timestamp", timestamp)
                .header("X-TC-Nonce", nonce)
                .header("AppId", appId)
                .header("X-TC-Registered", "1");
        c.header("X-TC-Signature", TencentMeetingSignature.sign(secretKey,
                TencentMeetingSignature.stringToSign(method, secretId, nonce, timestamp, rawUri, c.body)));
        return c;
    }

    Reply get(String rawUri) {
        return send(signed("GET", rawUri, null));
    }

    Reply post(String rawUri, String body) {
        return send(signed("POST", rawUri, body));
    }

    Reply put(String rawUri, String body) {
        return send(signed("PUT", rawUri, body));
    }

    Reply send(String method, String rawUri, String body, UnaryOperator<Call> change) {
        return send(change.apply(signed(method, rawUri, body)));
    }

    Reply send(Call c) {
        byte[] bytes = c.sentBody != null ? c.sentBody : c.body;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c.rawUri))
                .method(c.method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        c.headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body().isEmpty() ? null : JSON.readTree(r.body()), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, JsonNode json, HttpHeaders headers) {
        int errorCode() {
            return json.path("error_info").path("error_code").asInt(0);
        }

        String message() {
            return json.path("error_info").path("message").asText();
        }

        JsonNode meeting() {
            return json.path("meeting_info_list").path(0);
        }

        @Override
        public String toString() {
            return status + " " + json;
        }
    }
}
