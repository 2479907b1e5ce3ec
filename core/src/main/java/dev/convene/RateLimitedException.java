package dev.convene;

import java.time.Duration;

/**
 * A rate limit was hit: the vendor answered so ({@link #retryAfter()} says how long it asked us to wait), or
 * Convene's own pacing of the vendor account ({@code convene.<provider>.rate-limits}) found no call that
 * would come free within {@code convene.rate-limits.max-wait} and sent nothing ({@link #wasSent()} is false).
 */
public class RateLimitedException extends VendorException {
    private final boolean sent;

    public RateLimitedException(VendorError error) {
        super(error, null);
        this.sent = true;
    }

    private RateLimitedException(String message, VendorError error) {
        super(message, error, null);
        this.sent = false;
    }

    /** Convene's pacing found no call of the account's budget free within {@code waited}: nothing was sent. */
    public static RateLimitedException paced(String provider, String limits, Duration waited) {
        return new RateLimitedException(provider + ": the account's call budget (" + limits + ") has no call free within the "
                + waited + " a call may wait (convene.rate-limits.max-wait); nothing was sent",
                new VendorError(provider, 0, "", "paced by Convene: budget " + limits + " spent", null, null));
    }

    /** Whether the request reached the vendor (its refusal); false when Convene's pacing held it back. */
    public boolean wasSent() {
        return sent;
    }

    /** A vendor's refusal may pass; Convene's pacing already waited as long as a call may, so it is not retried. */
    @Override
    public boolean isRetryable() {
        return sent;
    }
}
