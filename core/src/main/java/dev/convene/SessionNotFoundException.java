package dev.convene;

/**
 * The vendor does not know the session (or the user named in the call). Where the vendor deletes cancelled
 * sessions (the kind lacks {@link Feature#KEEPS_CANCELLED}, as on Zoom), its answer cannot tell a cancelled
 * session from one that never existed: {@link #mayHaveBeenCancelled()} is then true and the message says so.
 */
public class SessionNotFoundException extends VendorException {
    private final boolean mayHaveBeenCancelled;

    public SessionNotFoundException(VendorError error) {
        this(error, false);
    }

    /** @param mayHaveBeenCancelled the vendor deletes cancelled sessions, so this one may have been cancelled */
    public SessionNotFoundException(VendorError error, boolean mayHaveBeenCancelled) {
        super(mayHaveBeenCancelled ? error.describe() + " (it may have been cancelled: " + error.provider()
                + " deletes cancelled sessions, and its answer does not tell them from ids it never issued)" : error.describe(), error, null);
        this.mayHaveBeenCancelled = mayHaveBeenCancelled;
    }

    /** True when the session may be gone because it was cancelled: the vendor deletes cancelled sessions. */
    public boolean mayHaveBeenCancelled() {
        return mayHaveBeenCancelled;
    }
}
