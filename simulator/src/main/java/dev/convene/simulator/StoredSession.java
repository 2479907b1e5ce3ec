package dev.convene.simulator;

import java.time.Instant;

/**
 * A vendor-neutral view of one thing the simulator holds, for assertions on its state.
 *
 * @param kind   {@code meeting}, {@code webinar} or {@code live_stream}
 * @param status the vendor's own status word or number, as a string
 */
public record StoredSession(String nativeId, String kind, String title, Instant start, String status, boolean cancelled) {
}
