package dev.convene;

import java.time.Instant;

/**
 * Which sessions to list. Every part is optional: no kind lists every kind the provider can list; no
 * organizer means the configured one; {@code from}/{@code to} bound the start time; {@code pageSize}
 * 0 means the vendor's default; {@code cursor} continues from a previous {@link Page}.
 */
public record ListQuery(SessionKind kind, String organizer, Instant from, Instant to, int pageSize, String cursor) {
    public ListQuery {
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative, was " + pageSize);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
    }

    public static ListQuery all() {
        return new ListQuery(null, null, null, null, 0, null);
    }

    public static ListQuery of(SessionKind kind) {
        return new ListQuery(kind, null, null, null, 0, null);
    }

    public ListQuery withKind(SessionKind kind) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor);
    }

    public ListQuery withOrganizer(String organizer) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor);
    }

    public ListQuery between(Instant from, Instant to) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor);
    }

    public ListQuery withPageSize(int pageSize) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor);
    }

    public ListQuery withCursor(String cursor) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor);
    }
}
