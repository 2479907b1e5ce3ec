package dev.convene.provider.tencentmeeting.internal;

import dev.convene.spi.http.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs every request the way Tencent Meeting checks it (spec §1): an application interceptor that
 * reads the body bytes, signs method, key/nonce/timestamp, the raw (still percent-encoded) path and
 * query and those bytes, and sends exactly those bytes. Each call through it gets a fresh timestamp
 * (from the injected clock) and a fresh nonce, so a retry is a new request, never a replay.
 */
public final class Signer implements Interceptor {
    /** Exactly what the doc asks for; a body created from bytes keeps OkHttp from appending a charset. */
    static final MediaType JSON = MediaType.get("application/json");
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Credentials credentials;
    private final Clock clock;
    private final Redactor redactor;
    private final SecureRandom random = new SecureRandom();
    /** A Mac is not thread-safe; one keyed Mac per thread that signs. */
    private final ThreadLocal<Mac> macs;

    /** The app's AK/SK identity; {@code toString()} never shows the secret key. */
    public record Credentials(String appId, Optional<String> sdkId, String secretId, String secretKey) {
        @Override
        public String toString() {
            return "Credentials[appId=" + appId + ", sdkId=" + sdkId.orElse("none") + ", secretId=" + secretId + ", secretKey=****]";
        }
    }

    public Signer(Credentials credentials, Clock clock, Redactor redactor) {
        this.credentials = credentials;
        this.macs = ThreadLocal.withInitial(() -> mac(credentials.secretKey()));
        this.clock = clock;
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        byte[] body = bodyBytes(request.body());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(1 + (random.nextLong() & (Long.MAX_VALUE - 1)));
        String signature = sign(macs.get(), request.method(), credentials.secretId(), nonce, timestamp, rawUri(request.url()), body);
        redactor.addHeaderSecret(signature);
        Request.Builder signed = request.newBuilder()
                .header("Content-Type", JSON.toString())
                .header("X-TC-Key", credentials.secretId())
                .header("X-TC-Timestamp", timestamp)
                .header("X-TC-Nonce", nonce)
                .header("X-TC-Signature", signature)
                .header("AppId", credentials.appId())
                .header("X-TC-Registered", "1");
        // SdkId must be absent when Tencent assigned none: a wrong presence is refused with 190303.
        credentials.sdkId().ifPresentOrElse(id -> signed.header("SdkId", id), () -> signed.removeHeader("SdkId"));
        if (request.body() != null) {
            signed.method(request.method(), RequestBody.create(body, JSON));
        }
        return chain.proceed(signed.build());
    }

    /** Path plus {@code ?query} as they go on the wire: OkHttp sends the encoded forms unchanged. */
    static String rawUri(HttpUrl url) {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }

    /** {@code Base64(lowercase-hex(HMAC-SHA256(secretKey, stringToSign)))} over the exact body bytes. */
    static String sign(String secretKey, String method, String secretId, String nonce, String timestamp, String rawUri, byte[] body) {
        return sign(mac(secretKey), method, secretId, nonce, timestamp, rawUri, body);
    }

    /** With a Mac already keyed (looking one up and keying it was a tenth of a signed call's CPU); doFinal leaves it ready again. */
    private static String sign(Mac mac, String method, String secretId, String nonce, String timestamp, String rawUri, byte[] body) {
        mac.update((method + "\nX-TC-Key=" + secretId + "&X-TC-Nonce=" + nonce + "&X-TC-Timestamp=" + timestamp + "\n"
                + rawUri + "\n").getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac.doFinal(body);
        // The lower-case hex digits as bytes, straight into Base64: no String of the hex in between.
        byte[] hex = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
            hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
        }
        return new String(Base64.getEncoder().encode(hex), StandardCharsets.US_ASCII);
    }

    private static Mac mac(String secretKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] bodyBytes(RequestBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        if (body.isOneShot() || body.isDuplex()) {
            // Signing reads the body once and sending reads it again: a streamed body cannot be signed.
            throw new IOException("Tencent Meeting requests must have a replayable body to be signed");
        }
        Buffer buffer = new Buffer();
        body.writeTo(buffer);
        return buffer.readByteArray();
    }
}
