package dev.convene;

/**
 * The caller gave the call up before it ended: the thread of a blocking call was interrupted while the call
 * waited to send (a retry's wait or the vendor account's budget; the thread's interrupt flag is set again), or
 * a listener is told that an {@code …Async} future was cancelled. Nothing further was sent after that point, and
 * nothing is retried. A write whose request had already been sent ends as {@link SessionOutcomeUnknownException}
 * instead, since it may have been applied.
 */
public class CallCancelledException extends ConveneException {
    public CallCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
