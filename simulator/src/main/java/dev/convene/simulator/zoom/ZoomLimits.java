package dev.convene.simulator.zoom;

import dev.convene.simulator.Operation;
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Zoom's rate limits (spec §6) and how it answers them: the per-user daily write limit, the Pro plan's per-second
 * buckets per account when {@code qps-limits=on}, and the 429s with their {@code X-RateLimit-*} and {@code Retry-After}
 * headers. Touched only under the simulator's lock.
 */
final class ZoomLimits {
    private final ZoomSettings settings;
    private final Clock clock;
    private final BooleanSupplier dailyLimitsOn;
    private final Map<String, int[]> dailyWrites = new HashMap<>();
    private final Map<String, long[]> qpsBuckets = new HashMap<>();

    ZoomLimits(ZoomSettings settings, Clock clock, BooleanSupplier dailyLimitsOn) {
        this.settings = settings;
        this.clock = clock;
        this.dailyLimitsOn = dailyLimitsOn;
    }

    /** §6: 100 create+update requests per host user per UTC day. */
    void countWrite(User host) {
        if (settings.userDailyWriteLimit() == 0 || !dailyLimitsOn.getAsBoolean()) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int[] count = dailyWrites.computeIfAbsent(host.id() + "/" + day, k -> new int[1]);
        if (count[0] >= settings.userDailyWriteLimit()) {
            if (!settings.userDailyLimitAs429()) {
                throw ZoomError.of(400, 300, "A maximum of " + settings.userDailyWriteLimit()
                        + " meetings and webinars can be created and updated for a single user in one day.");
            }
            throw dailyLimited("Light", settings.userDailyWriteLimit());
        }
        count[0]++;
    }

    /** §6: per-account per-second buckets by rate-limit label, only when {@code qps-limits=on}. */
    void qpsCheck(String accountId, Kind kind, Operation operation) {
        if (!settings.qpsLimits()) {
            return;
        }
        boolean medium = operation == Operation.LIST || (operation == Operation.CREATE && kind == Kind.MEETING);
        String label = medium ? "Medium" : "Light";
        long second = clock.instant().getEpochSecond();
        long[] bucket = qpsBuckets.computeIfAbsent(accountId + "/" + label, k -> new long[] {second, 0});
        if (bucket[0] != second) {
            bucket[0] = second;
            bucket[1] = 0;
        }
        if (++bucket[1] > (medium ? 20 : 30)) {
            throw qpsLimited(label);
        }
    }

    ZoomError qpsLimited(String category) {
        return ZoomError.of(429, 429, "You have reached the maximum per-second rate limit for this API. Try again later.")
                .withHeaders(Map.of("X-RateLimit-Category", category, "X-RateLimit-Type", "QPS"))
                .withHeaders(retryAfter(clock.instant().plusSeconds(settings.retryAfterSeconds())));
    }

    ZoomError dailyLimited(String category, int limit) {
        Instant midnight = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return ZoomError.of(429, 429, "You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.")
                .withHeaders(Map.of("X-RateLimit-Category", category, "X-RateLimit-Type", "Daily-limit",
                        "X-RateLimit-Limit", Integer.toString(limit), "X-RateLimit-Remaining", "0"))
                .withHeaders(retryAfter(midnight));
    }

    private Map<String, String> retryAfter(Instant when) {
        return switch (settings.retryAfter()) {
            case TIMESTAMP -> Map.of("Retry-After", ZoomTimes.format(when));
            case SECONDS -> Map.of("Retry-After", Long.toString(Math.max(0, Duration.between(clock.instant(), when).toSeconds())));
            case NONE -> Map.of();
        };
    }
}
