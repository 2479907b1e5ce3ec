package dev.convene.internal;

import dev.convene.ConveneException;
import dev.convene.RateLimitedException;
import dev.convene.spi.CallBudgets;
import dev.convene.spi.RateLimit;
import dev.convene.spi.http.VendorCallException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes one call from the vendor account's budget before each request leaves (token requests and retries
 * included: the vendor counts them all). When none is free, the request waits for the next one if it comes
 * within {@code maxWait}; if it would not, the call fails at once with {@link RateLimitedException} and
 * nothing is sent (waiting for a turn that cannot come in time would only hold a thread).
 */
final class Pacer implements Interceptor {
    private final String provider;
    private final String account;
    private final List<RateLimit> limits;
    private final String described;
    private final Duration maxWait;
    private final CallBudgets budgets;

    Pacer(String provider, String account, List<RateLimit> limits, Duration maxWait, CallBudgets budgets) {
        this.provider = provider;
        this.account = account;
        this.limits = List.copyOf(limits);
        this.described = limits.stream().map(RateLimit::toString).collect(Collectors.joining(", "));
        this.maxWait = maxWait;
        this.budgets = budgets;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        boolean taken;
        try {
            taken = budgets.tryTake(account, limits, maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the account's call budget");
        }
        if (chain.call().isCanceled()) {
            // given up while it waited for its turn: it is not sent
            throw new IOException("Canceled while waiting for the account's call budget");
        }
        if (!taken) {
            ConveneException paced = RateLimitedException.paced(provider, described, maxWait);
            throw new VendorCallException(paced);
        }
        return chain.proceed(chain.request());
    }
}
