package dev.convene.provider.zoom.internal;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.Violation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Where a session's zone and rule go on Zoom's wire (spec §7 and its corrections). {@code start_time} is always UTC
 * with {@code Z}, so the zone only says how Zoom shows the session and in which zone it reads a rule's days. A region
 * id (or UTC) goes by its name. A bare offset such as {@code +08:00} has none in Zoom's list:
 * <ul>
 * <li>a one-off session is sent without {@code timezone}: its instant is exact, and Zoom shows it in the host's own
 *     zone; a region guessed from the offset would put a place on the session that nobody chose;</li>
 * <li>a recurring one is sent in {@code UTC} with its rule moved there ({@link ZoomRecurrences#inUtc}): without a
 *     zone Zoom would read the rule's days in the host's zone, which may put them on other dates.</li>
 * </ul>
 *
 * @param timezone what {@code timezone} carries; {@code null} leaves it out
 * @param zone     the zone {@code rule} is expressed in
 * @param rule     the rule to send, or {@code null}
 */
record ZoomZone(String timezone, ZoneId zone, Recurrence rule) {

    static ZoomZone of(ZoneId zone, Instant start, Recurrence rule) {
        Optional<ZoneOffset> bare = ZoomTimes.bareOffset(zone);
        if (bare.isEmpty()) {
            return new ZoomZone(zone == null ? null : ZoomTimes.zoneName(zone), zone, rule);
        }
        if (rule == null) {
            return new ZoomZone(null, zone, null);
        }
        Recurrence utc = ZoomRecurrences.inUtc(rule, start, bare.get())
                .orElseThrow(() -> new InvalidSessionException(List.of(unplaceable(zone))));
        return new ZoomZone("UTC", ZoneOffset.UTC, utc);
    }

    /** What Zoom cannot take about {@code rule} at {@code start} in {@code zone}, before anything is sent. */
    static List<Violation> check(ZoneId zone, Instant start, Recurrence rule) {
        Optional<ZoneOffset> bare = ZoomTimes.bareOffset(zone);
        if (bare.isEmpty() || rule == null || start == null) {
            return List.of();
        }
        return ZoomRecurrences.inUtc(rule, start, bare.get()).map(ZoomRecurrences::check).orElse(List.of(unplaceable(zone)));
    }

    private static Violation unplaceable(ZoneId zone) {
        return new Violation("timeZone", "must be a region id such as Asia/Shanghai for this rule on Zoom: Zoom reads a rule's days "
                + "in the session's zone, has no name for " + zone + ", and in UTC this rule's dates move to other days of the month");
    }
}
