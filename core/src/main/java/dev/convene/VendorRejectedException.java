package dev.convene;

/** The vendor's own validation refused the request. */
public class VendorRejectedException extends VendorException {
    public VendorRejectedException(VendorError error) {
        super(error, null);
    }
}
