package dev.convene;

import java.time.Duration;

/**
 * One step of one call, for {@link SessionListener}s.
 *
 * @param kind    the kind concerned, or {@code null} for a list over all kinds
 * @param attempt 1 for the first try
 * @param elapsed time since the call began (0 at the start)
 * @param call    the same number in every event of one call (its attempts, their {@link HttpAttempt}s), and a
 *                different one for every call of this JVM: what lets a listener tell concurrent calls apart
 */
public record SessionEvent(String provider, Operation operation, SessionKind kind, int attempt, Duration elapsed, long call) {
}
