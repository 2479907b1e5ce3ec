package dev.convene.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The primitives the vendors sign and encrypt their events with (events.md §1–3). */
public final class EventCrypto {
    private EventCrypto() {
    }

    /** Lower-case hex of HMAC-SHA256 (Zoom). */
    public static String hmacSha256Hex(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SHA-1 of the parts sorted and concatenated (WeCom's msg_signature, Tencent Meeting's signature). */
    public static String sortedSha1Hex(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 43-character EncodingAESKey as the vendors' consoles generate one: Base64 of 32 bytes, its {@code =} left off. */
    public static String newEncodingAesKey(Random random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().withoutPadding().encodeToString(key);
    }

    /**
     * AES-256-CBC with the EncodingAESKey's 32 bytes as key and their first 16 as IV; {@code plain} is already padded
     * when {@code pkcs7} is false (WeCom pads to 32-byte blocks itself), else padded to 16-byte blocks here.
     */
    public static byte[] aesCbc(String encodingAesKey, byte[] plain, boolean pkcs7) {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        try {
            Cipher cipher = Cipher.getInstance(pkcs7 ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
            return cipher.doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
