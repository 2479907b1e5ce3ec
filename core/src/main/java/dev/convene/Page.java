package dev.convene;

import java.util.List;
import java.util.Optional;

/**
 * One page of results and the opaque cursor of the next page ({@code null} on the last page). Pass the
 * cursor back in {@link ListQuery#cursor()}; do not interpret it.
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
