package dev.convene.spi.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Which credential a token belongs to: the provider id and a hash of the credential's parts (never
 * the secret itself), so a shared store can be keyed by it safely.
 */
public record TokenKey(String provider, String credentialHash) {

    /** E.g. {@code TokenKey.of("wecom", corpId, corpSecret)}; the parts are hashed with SHA-256. */
    public static TokenKey of(String provider, String... credentialParts) {
        String joined = String.join("\u0000", credentialParts);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((provider + "\u0000" + joined).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // The first 128 bits in hex: plenty to tell credentials apart.
        return new TokenKey(provider, HexFormat.of().formatHex(digest, 0, 16));
    }

    @Override
    public String toString() {
        return provider + ":" + credentialHash;
    }
}
