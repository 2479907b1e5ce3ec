package dev.convene;

import java.time.Duration;
import java.util.Optional;

/** The vendor answered and refused. Carries the vendor's code and message unchanged, and whether trying again may help. */
public abstract class VendorException extends ConveneException {
    /** The vendor-side failure kinds; providers map their error codes onto these. */
    public enum Kind {
        AUTHENTICATION, PERMISSION_DENIED, NOT_FOUND, CONFLICT, ALREADY_CANCELLED, RATE_LIMITED, INVALID_REQUEST, UNAVAILABLE
    }

    private final VendorError error;

    protected VendorException(VendorError error, Throwable cause) {
        this(error.describe(), error, cause);
    }

    /** For a subclass that adds what Convene knows to the vendor's words. */
    protected VendorException(String message, VendorError error, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    /** Builds the exception class that stands for {@code kind}. */
    public static VendorException of(Kind kind, VendorError error) {
        return switch (kind) {
            case AUTHENTICATION -> new AuthenticationException(error);
            case PERMISSION_DENIED -> new PermissionDeniedException(error);
            case NOT_FOUND -> new SessionNotFoundException(error);
            case CONFLICT -> new ConflictException(error);
            case ALREADY_CANCELLED -> new AlreadyCancelledException(error);
            case RATE_LIMITED -> new RateLimitedException(error);
            case INVALID_REQUEST -> new VendorRejectedException(error);
            case UNAVAILABLE -> new VendorUnavailableException(error, null);
        };
    }

    public abstract Kind kind();

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
