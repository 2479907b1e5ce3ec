package dev.convene;

import java.util.List;

/**
 * One page of results. {@link #hasNext()} says whether more follow; then pass {@link #nextCursor()} back in
 * {@link ListQuery#cursor()} unchanged, and do not interpret it.
 *
 * @param items      the page's items, in the vendor's order
 * @param nextCursor the opaque cursor of the next page, {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** @throws NullPointerException when {@code items} is null or holds null */
    public Page {
        items = List.copyOf(items);
        nextCursor = nextCursor == null || nextCursor.isEmpty() ? null : nextCursor;
    }

    /** The last page: nothing follows. */
    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, null);
    }

    /** Whether another page follows this one. */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
