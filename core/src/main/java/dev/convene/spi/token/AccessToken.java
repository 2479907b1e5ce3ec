package dev.convene.spi.token;

import java.time.Instant;
import java.util.Objects;

/** A bearer credential and when it stops working. {@link #toString()} never shows the value. */
public record AccessToken(String value, Instant expiresAt) {
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isValidAt(Instant instant) {
        return expiresAt.isAfter(instant);
    }

    @Override
    public String toString() {
        return "AccessToken[****, expires " + expiresAt + "]";
    }
}
