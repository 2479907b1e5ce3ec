package dev.convene;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
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
 * hold fewer even when more follow (sessions of other organizers or kinds are left out of the vendor's
 * pages), so walk on while {@link Page#hasNext()}, or use {@link SessionService#listAll}.
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
 */
public record ListQuery(SessionKind kind, String organizer, Instant from, Instant to, int pageSize, String cursor,
                        Set<SessionStatus> statuses, String provider) {
    public ListQuery {
        // null, here and among the statuses, means "not set"
        statuses = statuses == null ? Set.of() : statuses.stream().filter(Objects::nonNull)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SessionStatus.class)));
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(statuses);
    }

    /** Every configured provider's sessions. */
    public ListQuery(SessionKind kind, String organizer, Instant from, Instant to, int pageSize, String cursor,
                     Set<SessionStatus> statuses) {
        this(kind, organizer, from, to, pageSize, cursor, statuses, null);
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
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    public ListQuery withOrganizer(String organizer) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    public ListQuery between(Instant from, Instant to) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    public ListQuery withPageSize(int pageSize) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    public ListQuery withCursor(String cursor) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    /**
     * Only this provider's sessions, when the service has several ({@code convene.providers}); not set
     * lists every configured provider's, one after another in the order configured.
     */
    public ListQuery withProvider(String provider) {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, statuses, provider);
    }

    /** Only sessions in one of these statuses, e.g. {@code withStatus(SessionStatus.CANCELLED)}. */
    public ListQuery withStatus(SessionStatus status, SessionStatus... more) {
        List<SessionStatus> asked = new ArrayList<>(Arrays.asList(more == null ? new SessionStatus[0] : more));
        asked.add(status);
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, new HashSet<>(asked), provider);
    }

    /** Sessions in any status, the cancelled ones included. */
    public ListQuery includingCancelled() {
        return new ListQuery(kind, organizer, from, to, pageSize, cursor, EnumSet.allOf(SessionStatus.class), provider);
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
