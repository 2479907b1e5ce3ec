package dev.convene;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which sessions to list. Every part is optional: no kind lists every kind the provider can list; no
 * organizer means the configured one; {@code from}/{@code to} bound the start time; {@code cursor}
 * continues from a previous {@link Page}.
 *
 * <p>{@code pageSize} is the most sessions one page holds; 0 means the vendor's default. Each vendor caps
 * a page (WeCom 100, Tencent Meeting 20, Zoom 300), and a larger size gets pages of that cap. A page may
 * hold fewer even when more follow (sessions of other organizers or kinds, or starting outside
 * {@code from}/{@code to}, are left out of the vendor's pages), so walk on while {@link Page#hasNext()}, or
 * use {@link SessionService#listAll}.
 *
 * <p>{@code statuses} empty (the default) lists every status but {@link SessionStatus#CANCELLED}, on every
 * provider. Asking for cancelled sessions ({@link #includingCancelled()}, or {@link #withStatus} naming
 * CANCELLED) needs {@link Feature#LISTS_CANCELLED}; where the kind does not declare it, the listing throws
 * {@link UnsupportedFeatureException} before anything is sent.
 *
 * <p>{@code provider} not set lists every provider the service is configured with ({@code convene.providers}),
 * one after another; the pages' cursors carry where the walk is, so paging crosses from one to the next.
 *
 * <p>Like the drafts, a query is checked when it is used, not when it is made: {@code null} means "not
 * set" everywhere, nothing here throws, and {@link SessionService#list} reports a negative page size or a
 * {@code to} before {@code from} as an {@link InvalidSessionException} before anything is sent.
 *
 * <p>A class with a {@link Builder} (and {@code with…} copies) rather than a record, so that a new part does
 * not break callers.
 */
public final class ListQuery {
    private final SessionKind kind;
    private final String organizer;
    private final Instant from;
    private final Instant to;
    private final int pageSize;
    private final String cursor;
    private final Set<SessionStatus> statuses;
    private final String provider;

    private ListQuery(Builder b) {
        this.kind = b.kind;
        this.organizer = b.organizer;
        this.from = b.from;
        this.to = b.to;
        this.pageSize = b.pageSize;
        this.cursor = b.cursor;
        // null, here and among the statuses, means "not set"
        Set<SessionStatus> asked = b.statuses == null ? Set.of() : b.statuses.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SessionStatus.class)));
        this.statuses = asked.isEmpty() ? Set.of() : Set.copyOf(asked);
        this.provider = b.provider;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every part of this query. */
    public Builder toBuilder() {
        return new Builder().kind(kind).organizer(organizer).from(from).to(to).pageSize(pageSize).cursor(cursor).statuses(statuses).provider(provider);
    }

    /** Every session of every kind the provider lists, of the configured organizer. */
    public static ListQuery all() {
        return builder().build();
    }

    public static ListQuery of(SessionKind kind) {
        return builder().kind(kind).build();
    }

    /** The kind to list, or {@code null} for every kind the provider lists. */
    public SessionKind kind() {
        return kind;
    }

    /** The organizer whose sessions to list, or {@code null} for the configured one. */
    public String organizer() {
        return organizer;
    }

    /** The earliest start listed, or {@code null}. */
    public Instant from() {
        return from;
    }

    /** The latest start listed, or {@code null}. */
    public Instant to() {
        return to;
    }

    /** The most sessions a page holds; 0 for the vendor's default. */
    public int pageSize() {
        return pageSize;
    }

    /** Where to continue: a previous page's {@link Page#nextCursor()}, or {@code null} for the first page. */
    public String cursor() {
        return cursor;
    }

    /** The statuses listed; empty for every status but CANCELLED. */
    public Set<SessionStatus> statuses() {
        return statuses;
    }

    /** The one provider to list, or {@code null} for every configured provider. */
    public String provider() {
        return provider;
    }

    public ListQuery withKind(SessionKind kind) {
        return toBuilder().kind(kind).build();
    }

    public ListQuery withOrganizer(String organizer) {
        return toBuilder().organizer(organizer).build();
    }

    /** Only sessions starting from {@code from} to {@code to}, both inclusive; either may be {@code null}. */
    public ListQuery between(Instant from, Instant to) {
        return toBuilder().from(from).to(to).build();
    }

    public ListQuery withPageSize(int pageSize) {
        return toBuilder().pageSize(pageSize).build();
    }

    public ListQuery withCursor(String cursor) {
        return toBuilder().cursor(cursor).build();
    }

    /**
     * Only this provider's sessions, when the service has several ({@code convene.providers}); not set
     * lists every configured provider's, one after another in the order configured.
     */
    public ListQuery withProvider(String provider) {
        return toBuilder().provider(provider).build();
    }

    /** Only sessions in one of these statuses, e.g. {@code withStatus(SessionStatus.CANCELLED)}. */
    public ListQuery withStatus(SessionStatus status, SessionStatus... more) {
        List<SessionStatus> asked = new ArrayList<>(Arrays.asList(more == null ? new SessionStatus[0] : more));
        asked.add(status);
        return toBuilder().statuses(asked).build();
    }

    /** Sessions in any status, the cancelled ones included. */
    public ListQuery includingCancelled() {
        return toBuilder().statuses(EnumSet.allOf(SessionStatus.class)).build();
    }

    /** Whether a session in {@code status} belongs in this listing. */
    public boolean matches(SessionStatus status) {
        return statuses.isEmpty() ? status != SessionStatus.CANCELLED : statuses.contains(status);
    }

    /** Whether a session starting at {@code start} lies within {@code from} and {@code to} (both inclusive). */
    public boolean includesStart(Instant start) {
        return (from == null || !start.isBefore(from)) && (to == null || !start.isAfter(to));
    }

    /** Whether the listing asks for cancelled sessions (and so needs {@link Feature#LISTS_CANCELLED}). */
    public boolean asksForCancelled() {
        return statuses.contains(SessionStatus.CANCELLED);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListQuery q && kind == q.kind && Objects.equals(organizer, q.organizer) && Objects.equals(from, q.from)
                && Objects.equals(to, q.to) && pageSize == q.pageSize && Objects.equals(cursor, q.cursor) && statuses.equals(q.statuses) && Objects.equals(provider, q.provider);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    @Override
    public String toString() {
        return "ListQuery[kind=" + kind + ", organizer=" + organizer + ", from=" + from + ", to=" + to + ", pageSize=" + pageSize
                + ", cursor=" + cursor + ", statuses=" + statuses + (provider == null ? "" : ", provider=" + provider) + "]";
    }

    /** Builds a {@link ListQuery}; every setter takes {@code null} as "not set", and nothing here throws. */
    public static final class Builder {
        private SessionKind kind;
        private String organizer;
        private Instant from;
        private Instant to;
        private int pageSize;
        private String cursor;
        private Collection<SessionStatus> statuses;
        private String provider;

        private Builder() {
        }

        public Builder kind(SessionKind kind) { this.kind = kind; return this; }
        public Builder organizer(String organizer) { this.organizer = organizer; return this; }
        public Builder from(Instant from) { this.from = from; return this; }
        public Builder to(Instant to) { this.to = to; return this; }
        /** The most sessions a page holds; 0 (the default) for the vendor's default. */
        public Builder pageSize(int pageSize) { this.pageSize = pageSize; return this; }
        public Builder cursor(String cursor) { this.cursor = cursor; return this; }
        /** The statuses to list; {@code null} or empty for every status but CANCELLED. */
        public Builder statuses(Collection<SessionStatus> statuses) { this.statuses = statuses; return this; }

        /** The one provider to list; {@code null} for every configured provider. */
        public Builder provider(String provider) { this.provider = provider; return this; }

        /** The query; never throws (a listing checks it). */
        public ListQuery build() {
            return new ListQuery(this);
        }
    }
}
