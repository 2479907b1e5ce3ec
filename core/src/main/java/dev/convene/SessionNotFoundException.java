package dev.convene;

/** The vendor does not know the session (or the user named in the call). */
public class SessionNotFoundException extends VendorException {
    public SessionNotFoundException(VendorError error) {
        super(error, null);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
