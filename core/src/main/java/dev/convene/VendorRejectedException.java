package dev.convene;

/** The vendor's own validation refused the request. */
public class VendorRejectedException extends VendorException {
    public VendorRejectedException(VendorError error) {
        super(error, null);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_REQUEST;
    }
}
