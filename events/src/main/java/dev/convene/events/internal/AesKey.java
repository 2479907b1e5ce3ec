package dev.convene.events.internal;

import dev.convene.ConfigurationException;
import dev.convene.events.EventResult.Reason;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A 43-character EncodingAESKey as WeCom and Tencent Meeting issue it: Base64 of a 32-byte AES-256 key
 * (with its final {@code =} left off), whose first 16 bytes are also the CBC initialisation vector.
 */
final class AesKey {
    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    private AesKey(byte[] raw) {
        this.key = new SecretKeySpec(raw, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(raw, 16));
    }

    /** @throws ConfigurationException naming {@code configKey} and the rule, never the value */
    static AesKey parse(String encodingAesKey, String configKey) {
        String v = encodingAesKey.trim();
        byte[] raw = null;
        if (v.length() == 43) {
            try {
                raw = Base64.getDecoder().decode(v + "=");
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        if (raw == null || raw.length != 32) {
            throw new ConfigurationException(configKey + " must be the 43-character EncodingAESKey from the vendor's console "
                    + "(letters and digits, Base64 of 32 bytes); the value set has " + v.length() + " characters and is not one");
        }
        return new AesKey(raw);
    }

    /**
     * Decrypts AES-256-CBC without removing padding ({@code padded == false}: the caller checks WeCom's
     * 32-byte PKCS#7 itself) or with the JDK's 16-byte PKCS#7 ({@code padded == true}).
     */
    byte[] decrypt(byte[] ciphertext, boolean padded) throws Refusal {
        if (ciphertext.length == 0 || ciphertext.length % 16 != 0) {
            throw new Refusal(Reason.BAD_ENCRYPTION, "the encrypted content is not a whole number of AES blocks");
        }
        try {
            Cipher cipher = Cipher.getInstance(padded ? "AES/CBC/PKCS5Padding" : "AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            return cipher.doFinal(ciphertext);
        } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
            throw new Refusal(Reason.BAD_ENCRYPTION, "the encrypted content does not decrypt with the configured EncodingAESKey (bad padding)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot do AES/CBC", e);
        }
    }

    /** Base64 to bytes, or a refusal saying the encrypted content is not Base64. */
    static byte[] base64(String text, String what) throws Refusal {
        try {
            return Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Reason.MALFORMED, what + " is not Base64");
        }
    }

    /** The key is a secret: never shown. */
    @Override
    public String toString() {
        return "AesKey[****]";
    }
}
