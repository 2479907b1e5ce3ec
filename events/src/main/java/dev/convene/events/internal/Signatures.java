package dev.convene.events.internal;

import dev.convene.events.EventResult.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/** Signature and timestamp checks the three vendors share. */
final class Signatures {
    private static final HexFormat HEX = HexFormat.of();

    private Signatures() {
    }

    /** Lower-case hex SHA-1 of the strings sorted and joined: WeCom's {@code msg_signature} and Tencent's {@code signature}. */
    static String sortedSha1(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        StringBuilder joined = new StringBuilder(128);
        for (String p : sorted) {
            joined.append(p);
        }
        return HEX.formatHex(digest("SHA-1").digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Short lower-case hex SHA-256 (128 bits), for de-duplication keys made from content. */
    static String contentKey(byte[] content) {
        return HEX.formatHex(digest("SHA-256").digest(content), 0, 16);
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /**
     * Compares a computed lower-case hex signature with the one received in constant time, so that the time
     * taken does not tell a forger how many leading characters were right. Hex case is not significant.
     */
    static void requireMatch(String expected, String received) throws Refusal {
        byte[] a = expected.getBytes(StandardCharsets.US_ASCII);
        byte[] b = received.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(a, b)) {
            throw new Refusal(Reason.BAD_SIGNATURE, "signature does not match: not from the vendor, changed on the way, or signed with another token");
        }
    }

    /** A timestamp of digits, or a refusal naming where it came from. */
    static long timestamp(String value, String where) throws Refusal {
        String v = value.trim();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Refusal(Reason.MALFORMED, where + " must be a Unix timestamp (digits)");
        }
        return Long.parseLong(v);
    }

    /** Refuses a signed time further than {@code maxSkew} from now, either way. */
    static void requireFresh(Instant signed, Instant now, Duration maxSkew, String where) throws Refusal {
        Duration off = Duration.between(signed, now).abs();
        if (off.compareTo(maxSkew) > 0) {
            throw new Refusal(Reason.STALE_TIMESTAMP, where + " is " + off.toSeconds() + " s from now, more than the "
                    + maxSkew.toSeconds() + " s allowed (a replay, or a clock far off)");
        }
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
