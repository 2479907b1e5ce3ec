package dev.convene;

/** The session is in a state that forbids this (already started, already ended). */
public class ConflictException extends VendorException {
    public ConflictException(VendorError error) {
        super(error, null);
    }
}
