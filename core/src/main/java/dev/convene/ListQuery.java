package dev.convene;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which sessions to list. Every part is optional: no kind lists every kind the provider can list; no
 * organizer means the configured one; {@code from}/{@code to} bound the start time; {@code pageSize}
 * 0 means the vendor's default; {@code cursor} continues from a previous {@link Page}.
 *
 * <p>{@code statuses} empty (the default) lists every status but {@link SessionStatus#CANCELLED}, on every
 * provider. Asking for cancelled sessions ({@link #includingCancelled()}, or {@link #withStatus} naming
 * CANCELLED) needs {@link Feature#LISTS_CANCELLED}; where the kind does not declare it, the listing throws
 * {@link UnsupportedFeatureException} before anything is sent.
 */
public record ListQuery(SessionKind kind, String organizer, Instant from, Instant to, int pageSize, String cursor,
                        Set<SessionStatus> statuses) {
    public ListQuery {
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must not be negative, was " + pageSize);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Every status but CANCELLED. */
    public ListQuery(SessionKind kind, String organizer, Instant from, Instant to, int pageSize, String cursor) {
        this(kind, organizer, from, to, pageSize, cursor, Set.of());
    }

    public static ListQuery all() {
        return new ListQuery(null, null, null, null, 0, null);
    }

    public static ListQuery of(SessionKind kind) {
        return new ListQuery(kind, null, null, null, 0, null);
    }

    public ListQuery withKind(SessionKind kind) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses);
    }

    public ListQuery withOrganizer(String organizer) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses);
    }

    public ListQuery between(Instant from, Instant to) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses);
    }

    public ListQuery withPageSize(int pageSize) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses);
    }

    public ListQuery withCursor(String cursor) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses);
    }

    /** Only sessions in one of these statuses, e.g. {@code withStatus(SessionStatus.CANCELLED)}. */
    public ListQuery withStatus(SessionStatus status, SessionStatus... more) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, EnumSet.of(status, more));
    }

    /** Sessions in any status, the cancelled ones included. */
    public ListQuery includingCancelled() {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, EnumSet.allOf(SessionStatus.class));
    }

    /** Whether a session in {@code status} belongs in this listing. */
    public boolean matches(SessionStatus status) {
        return statuses.isEmpty() ? status != SessionStatus.CANCELLED : statuses.contains(status);
    }

    /** Whether the listing asks for cancelled sessions (and so needs {@link Feature#LISTS_CANCELLED}). */
    public boolean asksForCancelled() {
        return statuses.contains(SessionStatus.CANCELLED);
    }
}
