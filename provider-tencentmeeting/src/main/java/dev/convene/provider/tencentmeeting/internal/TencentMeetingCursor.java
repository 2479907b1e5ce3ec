package dev.convene.provider.tencentmeeting.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a meeting listing continues: Tencent's {@code next_pos} (seconds) and {@code next_cursory}
 * (milliseconds), plus the ids of meetings listed already that the vendor's next answer may hold again.
 * Spec §3.4 warns that meetings sharing a start time may come again on the next page: those of the last
 * page starting exactly at {@code next_pos} are carried. A page smaller than the vendor's continues at the
 * same {@code pos} and {@code cursory} (the same vendor page) and carries every id it showed of it.
 */
record TencentMeetingCursor(long pos, long cursory, Set<String> listed) {

    String encode() {
        return pos + ":" + cursory + ":" + String.join(",", listed);
    }

    static TencentMeetingCursor decode(String cursor) {
        String[] parts = cursor.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a Tencent Meeting list cursor: " + cursor);
        }
        try {
            Set<String> seen = parts[2].isEmpty() ? Set.of() : Arrays.stream(parts[2].split(",")).collect(Collectors.toUnmodifiableSet());
            return new TencentMeetingCursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]), seen);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a Tencent Meeting list cursor: " + cursor, e);
        }
    }
}
