package dev.convene;

import java.time.Duration;
import java.util.Optional;

/**
 * What a vendor said when it refused a call, kept as it came so support tickets can quote it.
 *
 * @param httpStatus the HTTP status, or 0 when the vendor does not use one (WeCom answers 200)
 * @param code       the vendor's own error code, e.g. {@code 40014}, {@code 9003} or {@code 124}
 * @param message    the vendor's own message, with anything that looks like a configured secret removed
 * @param requestId  the vendor's request or trace id, when it sends one
 * @param retryAfter how long the vendor asked us to wait, when it said so
 */
public record VendorError(String provider, int httpStatus, String code, String message, String requestId, Duration retryAfter) {
    public VendorError {
        code = code == null ? "" : code;
        message = message == null ? "" : message;
    }

    public Optional<Duration> retryHint() {
        return Optional.ofNullable(retryAfter);
    }

    public VendorError withRetryAfter(Duration retryAfter) {
        return new VendorError(provider, httpStatus, code, message, requestId, retryAfter);
    }

    String describe() {
        StringBuilder b = new StringBuilder(provider).append(" refused");
        if (httpStatus != 0) {
            b.append(" (HTTP ").append(httpStatus).append(')');
        }
        if (!code.isEmpty()) {
            b.append(": code ").append(code);
        }
        if (!message.isEmpty()) {
            b.append(code.isEmpty() ? ": " : " ").append(message);
        }
        if (requestId != null) {
            b.append(" [request ").append(requestId).append(']');
        }
        return b.toString();
    }
}
