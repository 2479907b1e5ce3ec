package dev.convene.spi;

import dev.convene.internal.LocalCallBudgets;
import java.time.Duration;
import java.util.List;

/**
 * How many calls a vendor account has left, shared by everything that calls it: in this JVM
 * ({@link #local()}), or across instances through a {@link dev.convene.spi.token.TokenStore}'s
 * {@linkplain dev.convene.spi.token.TokenStore#callBudgets() shared budgets}. Thread-safe.
 */
public interface CallBudgets {

    /**
     * Takes one call from {@code account}'s budget under every one of {@code limits}, waiting up to
     * {@code maxWait} for one to come free.
     *
     * @param account which vendor account (a provider id and a hash of the account's id, never a secret)
     * @return false when no call came free in time; then nothing was taken
     * @throws InterruptedException when interrupted while waiting
     */
    boolean tryTake(String account, List<RateLimit> limits, Duration maxWait) throws InterruptedException;

    /** Budgets kept in this JVM alone: what a single instance needs, and what a shared store falls back to. */
    static CallBudgets local() {
        return new LocalCallBudgets();
    }
}
