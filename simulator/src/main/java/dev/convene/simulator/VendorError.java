package dev.convene.simulator;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An error answer a test has a simulator give ({@link VendorSimulator#failNext}), spelled by each simulator in its
 * vendor's own form: WeCom's {@code errcode} in a 200, Tencent Meeting's {@code error_info} with the status its
 * table gives the code, Zoom's {@code code} and {@code message} with the status given. What is left out is the
 * vendor's usual: its text for a code, its status for a code, its error page for a status.
 *
 * @param status  the HTTP status, when it matters (Zoom's 401 / 124, or "200 with an error code in the body")
 * @param code    the vendor's error code
 * @param message the vendor's message
 */
public record VendorError(OptionalInt status, OptionalInt code, Optional<String> message) {
    public VendorError {
        if (status.isEmpty() && code.isEmpty()) {
            throw new IllegalArgumentException("a vendor error needs a status or a code");
        }
        if (status.isPresent() && (status.getAsInt() < 100 || status.getAsInt() > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status.getAsInt());
        }
    }

    /** The vendor's answer for {@code code}, with its usual status and text. */
    public static VendorError code(int code) {
        return new VendorError(OptionalInt.empty(), OptionalInt.of(code), Optional.empty());
    }

    /** The vendor's answer for {@code code} with this message, at its usual status. */
    public static VendorError code(int code, String message) {
        return new VendorError(OptionalInt.empty(), OptionalInt.of(code), Optional.of(message));
    }

    /** Exactly this status, code and message. */
    public static VendorError of(int status, int code, String message) {
        return new VendorError(OptionalInt.of(status), OptionalInt.of(code), Optional.of(message));
    }

    /** The vendor's answer with this HTTP status and no code of its own (its error page, or its code for the status). */
    public static VendorError status(int status) {
        return new VendorError(OptionalInt.of(status), OptionalInt.empty(), Optional.empty());
    }
}
