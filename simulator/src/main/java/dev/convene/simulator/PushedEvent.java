package dev.convene.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One event a simulator pushed (or is still pushing) to the registered URL, for assertions.
 *
 * @param vendorEvent the vendor's name for it, e.g. {@code meeting.updated}, {@code meeting_change/cancel_meeting}
 * @param nativeId    the session it is about
 * @param payload     what the vendor says, before signing and encryption (Zoom's body, WeCom's XML message,
 *                    Tencent Meeting's decoded {@code data})
 * @param attempts    each delivery attempt so far, oldest first
 */
public record PushedEvent(String vendorEvent, String nativeId, String payload, Instant occurredAt, State state,
                          List<Attempt> attempts) {

    public PushedEvent {
        attempts = List.copyOf(attempts);
    }

    public enum State {
        /** Not yet answered with a 2xx; another attempt is due. */
        PENDING,
        DELIVERED,
        /** Every retry failed: the vendor gave up. */
        DROPPED
    }

    /** One attempt: when (simulator clock), and the status answered, or -1 with what went wrong. */
    public record Attempt(Instant at, int status, String failure) {
        public boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }
}
