package dev.convene.spi.token;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;

/**
 * Which credential a token belongs to: the provider id and a hash of the credential's parts (never
 * the secret itself), so a shared store can be keyed by it safely.
 */
public record TokenKey(String provider, String credentialHash) {

    /** E.g. {@code TokenKey.of("wecom", corpId, corpSecret)}; the parts are hashed with SHA-256. */
    public static TokenKey of(String provider, String... credentialParts) {
        String joined = String.join("\u0000", credentialParts);
        String hash = Hashing.sha256().hashString(provider + "\u0000" + joined, StandardCharsets.UTF_8).toString();
        return new TokenKey(provider, hash.substring(0, 32));
    }

    @Override
    public String toString() {
        return provider + ":" + credentialHash;
    }
}
