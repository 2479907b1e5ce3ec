package dev.convene.spi.token;

import dev.convene.internal.InMemoryTokenStore;

/** Ready-made token stores. */
public final class TokenStores {
    private TokenStores() {
    }

    /** A store in this JVM's memory with single flight per key and compare-and-remove invalidation. */
    public static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
