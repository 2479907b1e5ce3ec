package dev.convene;

/** The session was cancelled already. A retried cancel that meets this has done its job. */
public class AlreadyCancelledException extends ConflictException {
    public AlreadyCancelledException(VendorError error) {
        super(error);
    }
}
