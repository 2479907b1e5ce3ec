package dev.convene;

import java.time.Duration;
import java.util.Optional;

/**
 * The vendor answered and refused. Carries the vendor's code and message unchanged, and whether trying again may help.
 * The subclass is the kind of refusal: {@link AuthenticationException}, {@link PermissionDeniedException},
 * {@link SessionNotFoundException}, {@link ConflictException} (and {@link AlreadyCancelledException}),
 * {@link RateLimitedException}, {@link VendorRejectedException} (the vendor's own validation) and
 * {@link VendorUnavailableException}.
 */
public abstract class VendorException extends ConveneException {
    private final VendorError error;

    protected VendorException(VendorError error, Throwable cause) {
        this(error.describe(), error, cause);
    }

    /** For a subclass that adds what Convene knows to the vendor's words. */
    protected VendorException(String message, VendorError error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public VendorError error() {
        return error;
    }

    public String provider() {
        return error.provider();
    }

    public int httpStatus() {
        return error.httpStatus();
    }

    public String vendorCode() {
        return error.code();
    }

    public String vendorMessage() {
        return error.message();
    }

    public Optional<String> requestId() {
        return Optional.ofNullable(error.requestId());
    }

    public Optional<Duration> retryAfter() {
        return error.retryHint();
    }

    /** Whether the same call may succeed later (rate limits, busy or unavailable vendors). */
    public boolean isRetryable() {
        return false;
    }
}
