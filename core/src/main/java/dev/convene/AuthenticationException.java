package dev.convene;

/** The vendor did not accept the credentials (or a token that stayed invalid after one refresh). */
public class AuthenticationException extends VendorException {
    public AuthenticationException(VendorError error) {
        super(error, null);
    }

    @Override
    public Kind kind() {
        return Kind.AUTHENTICATION;
    }
}
