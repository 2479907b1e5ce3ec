package dev.convene;

/** The vendor's rate limit was hit; {@link #retryAfter()} says how long it asked us to wait. */
public class RateLimitedException extends VendorException {
    public RateLimitedException(VendorError error) {
        super(error, null);
    }

    @Override
    public Kind kind() {
        return Kind.RATE_LIMITED;
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
