package dev.convene.events;

import dev.convene.events.internal.InMemoryDeduplicator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Remembers which deliveries were accepted, so that a vendor's retry, or the same event sent to several
 * instances, is accepted once. Implementations are thread-safe; one shared by several instances (Redis)
 * makes the check atomic across all of them.
 */
public interface Deduplicator extends AutoCloseable {

    /**
     * Records {@code key} and tells whether this is its first sighting within the retention period.
     * Atomic: of several callers with the same key at the same moment, exactly one gets {@code true}.
     *
     * @throws RuntimeException when the store cannot answer; the receiver then rejects the delivery as
     *                          unavailable (503) so that the vendor sends it again
     */
    boolean firstSeen(String key);

    @Override
    default void close() {
    }

    /**
     * Keys in this JVM's memory, each kept for {@code retention} from its first sighting (on {@code clock}),
     * at most {@code maxKeys} of them (the oldest go first).
     *
     * @throws IllegalArgumentException if {@code retention} is not positive or {@code maxKeys} is below 1
     */
    static Deduplicator inMemory(Duration retention, long maxKeys, Clock clock) {
        return new InMemoryDeduplicator(retention, maxKeys, clock);
    }

    /**
     * Makes a {@link Deduplicator} from configuration; found with {@link java.util.ServiceLoader} and chosen by
     * {@code convene.events.dedup=<id>} (e.g. {@code redis} from {@code convene-tokenstore-redis}).
     */
    interface Factory {
        /** What {@code convene.events.dedup} names to choose this factory. */
        String id();

        /** The configuration keys it reads, so that their environment variables are recognised. */
        List<String> configurationKeys();

        /**
         * @param config    every {@code convene.*} key after environment overrides
         * @param retention how long a key must be remembered ({@code convene.events.dedup-retention})
         * @throws dev.convene.ConfigurationException if its keys are missing or wrong
         */
        Deduplicator open(Map<String, String> config, Duration retention, Clock clock);
    }
}
