package dev.convene;

/**
 * The vendor could not be reached or was busy (5xx, "system busy", connection failure before the
 * request was sent, an unreadable answer to a read). Retrying may help.
 */
public class VendorUnavailableException extends VendorException {
    public VendorUnavailableException(VendorError error) {
        this(error, null);
    }

    public VendorUnavailableException(VendorError error, Throwable cause) {
        super(error, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
