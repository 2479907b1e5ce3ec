package dev.convene;

/** The credentials are valid but may not do this (app permission, not the owner, outside the app's scope). */
public class PermissionDeniedException extends VendorException {
    public PermissionDeniedException(VendorError error) {
        super(error, null);
    }
}
