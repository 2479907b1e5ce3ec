package dev.convene;

import java.util.Optional;

/**
 * A create or update may have reached the vendor, but no answer came back that proves whether it was
 * applied: the connection dropped, the read timed out, the answer was cut or unreadable, the answer was a
 * 5xx (the vendor's own error body, a gateway's HTML page or an empty 504) or a vendor's "busy" answer
 * (WeCom {@code -1}), which a vendor may give after it applied the write, or the caller cancelled the
 * call's future after the request was sent. Convene never replays such a call, and nothing about this
 * exception invites a retry, because a duplicate meeting is worse than an error. Where the vendor answered,
 * {@link #vendorError()} keeps its code and message. For a create, {@link SessionService#findCreated(SessionDraft)}
 * looks for the session at the vendor; for an update, {@link SessionService#get(SessionId)} shows what
 * happened.
 */
public class SessionOutcomeUnknownException extends ConveneException {
    private final String provider;
    private final Operation operation;
    private final transient SessionDraft draft;
    private final SessionId target;

    public SessionOutcomeUnknownException(String provider, Operation operation, SessionDraft draft, SessionId target, Throwable cause) {
        super(provider + ": the " + operation.name().toLowerCase(java.util.Locale.ROOT) + " may or may not have been applied"
                + " (" + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")"
                + "; it was not retried, to avoid a duplicate"
                + (operation == Operation.CREATE ? "; use findCreated(draft) to look for it" : "; get the session to see its state"), cause);
        this.provider = provider;
        this.operation = operation;
        this.draft = draft;
        this.target = target;
    }

    public String provider() {
        return provider;
    }

    public Operation operation() {
        return operation;
    }

    /** The draft of the create whose outcome is unknown. */
    public Optional<SessionDraft> draft() {
        return Optional.ofNullable(draft);
    }

    /** The vendor's error when the vendor (or a gateway in front of it) answered with one; empty for a lost answer. */
    public Optional<VendorError> vendorError() {
        return getCause() instanceof VendorException e ? Optional.of(e.error()) : Optional.empty();
    }

    /** The session an update was aimed at. */
    public Optional<SessionId> target() {
        return Optional.ofNullable(target);
    }
}
