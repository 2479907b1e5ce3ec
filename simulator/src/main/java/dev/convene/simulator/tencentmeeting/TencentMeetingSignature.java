package dev.convene.simulator.tencentmeeting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tencent Meeting's AK/SK request signature (spec §1.2), as the server checks it: the string to sign
 * is rebuilt from what arrived on the wire (raw path and query, raw body bytes), never from decoded or
 * re-serialised forms.
 */
public final class TencentMeetingSignature {
    private TencentMeetingSignature() {
    }

    /**
     * {@code METHOD\nX-TC-Key=..&X-TC-Nonce=..&X-TC-Timestamp=..\nRAW_URI\nBODY}, with the body appended
     * as the exact bytes received (an empty body leaves the string ending in {@code \n}).
     */
    public static byte[] stringToSign(String method, String secretId, String nonce, String timestamp, String rawUri, byte[] body) {
        String head = method + "\n"
                + "X-TC-Key=" + secretId + "&X-TC-Nonce=" + nonce + "&X-TC-Timestamp=" + timestamp + "\n"
                + rawUri + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Base64 of the lower-case hex of HMAC-SHA256(secretKey, stringToSign): always 88 characters. */
    public static String sign(String secretKey, byte[] stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String hex = HexFormat.of().formatHex(mac.doFinal(stringToSign));
            return Base64.getEncoder().encodeToString(hex.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time so the fake does not teach a timing oracle. */
    static boolean matches(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }
}
