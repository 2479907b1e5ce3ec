package dev.convene;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A session as the vendor reports it. Immutable; the duration is never negative and start and end are
 * dates of the calendar in the session's zone. Optional parts are {@code null} when the vendor does
 * not report them ({@code description}, {@code organizer}, {@code password}, {@code recurrence}), and
 * lists are empty rather than null.
 *
 * <p>{@link #missing()} is empty for every session a {@code get} or a list returns. A {@code create} or
 * {@code update} returns the session as a {@code get} right after it would; only when the vendor's answer to
 * the write lacked some parts and the one read that fills them failed does it return what was known and name
 * the rest there (see {@link Part}).
 *
 * <p>A class with a {@link Builder} rather than a record, so that a new part does not break callers: read
 * it through its accessors, make one with {@link #builder()} or change a copy with {@link #toBuilder()}.
 */
public final class Session {
    private final SessionId id;
    private final String title;
    private final String description;
    private final Instant start;
    private final Duration duration;
    private final ZoneId timeZone;
    private final SessionStatus status;
    private final String organizer;
    private final List<String> hosts;
    private final List<String> invitees;
    private final Access access;
    private final String password;
    private final MediaOptions media;
    private final LiveOptions live;
    private final Recurrence recurrence;
    private final JoinInfo join;
    private final List<Occurrence> occurrences;
    private final Set<Part> missing;

    /**
     * A part of a session that a vendor's answer can lack. The id, title, start and duration are always known
     * (from the vendor, or from the draft or change that was written), so they are no parts here.
     */
    public enum Part {
        DESCRIPTION, ORGANIZER, HOSTS, INVITEES,
        /** {@link #access()} and {@link #password()}. */
        ACCESS,
        MEDIA, LIVE, RECURRENCE, TIME_ZONE, STATUS,
        /** {@link #join()}: the links and the code. */
        JOIN,
        OCCURRENCES
    }

    private Session(Builder b) {
        this.id = Checks.required(b.id, "a session's id");
        this.title = Checks.required(b.title, "a session's title");
        this.start = Checks.required(b.start, "a session's start");
        this.duration = Checks.required(b.duration, "a session's duration");
        this.timeZone = b.timeZone == null ? ZoneOffset.UTC : b.timeZone;
        // A vendor's answer may say anything: a session that could not be shown or ended is not one (the answer is unreadable).
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a session's duration cannot be negative, was " + duration);
        }
        try {
            start.atZone(timeZone);
            start.plus(duration).atZone(timeZone);
        } catch (DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("a session's start and end must be dates of the calendar, was " + start + " for " + duration, e);
        }
        this.description = b.description;
        this.status = b.status == null ? SessionStatus.UNKNOWN : b.status;
        this.organizer = b.organizer;
        this.hosts = b.hosts == null ? List.of() : List.copyOf(b.hosts);
        this.invitees = b.invitees == null ? List.of() : List.copyOf(b.invitees);
        this.password = b.password;
        this.access = b.access == null ? (b.password == null ? Access.OPEN : Access.PASSWORD) : b.access;
        this.media = b.media == null ? MediaOptions.DEFAULTS : b.media;
        this.live = b.live == null ? LiveOptions.DEFAULTS : b.live;
        this.recurrence = b.recurrence;
        this.join = b.join == null ? JoinInfo.NONE : b.join;
        this.occurrences = b.occurrences == null ? List.of() : List.copyOf(b.occurrences);
        this.missing = b.missing == null || b.missing.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(b.missing));
    }

    public SessionId id() {
        return id;
    }

    public SessionKind kind() {
        return id.kind();
    }

    public String title() {
        return title;
    }

    /** The description, or {@code null} when the vendor reports none. */
    public String description() {
        return description;
    }

    public Instant start() {
        return start;
    }

    public Duration duration() {
        return duration;
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** The zone the vendor keeps the session in; UTC when it reports none. */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The start in the session's own zone. */
    public ZonedDateTime localStart() {
        return start.atZone(timeZone);
    }

    public SessionStatus status() {
        return status;
    }

    /** The organizer's user id (or e-mail where the vendor names it so), or {@code null} when the vendor does not say. */
    public String organizer() {
        return organizer;
    }

    public List<String> hosts() {
        return hosts;
    }

    public List<String> invitees() {
        return invitees;
    }

    public Access access() {
        return access;
    }

    /** The password, or {@code null}; never printed by {@link #toString()}. */
    public String password() {
        return password;
    }

    public MediaOptions media() {
        return media;
    }

    public LiveOptions live() {
        return live;
    }

    /** How the session repeats, or {@code null} for a one-off session. */
    public Recurrence recurrence() {
        return recurrence;
    }

    public JoinInfo join() {
        return join;
    }

    /** The occurrences of a recurring session where the vendor reports them; empty otherwise. */
    public List<Occurrence> occurrences() {
        return occurrences;
    }

    /**
     * The parts this session does not hold as the vendor has them; empty for a complete session, which is
     * every session from {@code get} and {@code list}, and from {@code create} and {@code update} whenever the
     * vendor's answer was complete or core's read after the write succeeded.
     *
     * <p>Not empty only when a create or update succeeded at the vendor, its answer lacked these parts (a WeCom
     * meeting's create answers only an id, no vendor answers an update with the whole session) and the one read
     * that would fill them failed. The write is done and must not be repeated; the parts named here hold what
     * was known (what the draft or the change asked for, the session as it was, or the part's default, e.g. no
     * join link and status {@link SessionStatus#UNKNOWN}). A {@code get} later returns them all.
     */
    public Set<Part> missing() {
        return missing;
    }

    /** True when the vendor's answer, or the read after it, gave every part ({@link #missing()} is empty). */
    public boolean isComplete() {
        return missing.isEmpty();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every part of this session. */
    public Builder toBuilder() {
        return new Builder().id(id).title(title).description(description).start(start).duration(duration)
                .timeZone(timeZone).status(status).organizer(organizer).hosts(hosts).invitees(invitees)
                .access(access).password(password).media(media).live(live).recurrence(recurrence).join(join)
                .occurrences(occurrences).missing(missing);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Session s && id.equals(s.id) && title.equals(s.title) && Objects.equals(description, s.description)
                && start.equals(s.start) && duration.equals(s.duration) && timeZone.equals(s.timeZone) && status == s.status
                && Objects.equals(organizer, s.organizer) && hosts.equals(s.hosts) && invitees.equals(s.invitees)
                && access == s.access && Objects.equals(password, s.password) && media.equals(s.media) && live.equals(s.live)
                && Objects.equals(recurrence, s.recurrence) && join.equals(s.join) && occurrences.equals(s.occurrences)
                && missing.equals(s.missing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, description, start, duration, timeZone, status, organizer, hosts, invitees, access,
                password, media, live, recurrence, join, occurrences, missing);
    }

    @Override
    public String toString() {
        return "Session[" + id + " \"" + title + "\" " + localStart() + " for " + duration + ", " + status
                + ", organizer=" + organizer + ", access=" + access + (password == null ? "" : ", password=****")
                + (recurrence == null ? "" : ", " + recurrence.toRRule()) + ", " + join
                + (missing.isEmpty() ? "" : ", missing=" + missing) + "]";
    }

    /**
     * Builds a {@link Session}; providers use it when decoding vendor answers. The setters take {@code null} as
     * "not reported"; {@link #build()} checks the whole.
     */
    public static final class Builder {
        private SessionId id;
        private String title;
        private String description;
        private Instant start;
        private Duration duration;
        private ZoneId timeZone;
        private SessionStatus status;
        private String organizer;
        private List<String> hosts = List.of();
        private List<String> invitees = List.of();
        private Access access;
        private String password;
        private MediaOptions media;
        private LiveOptions live;
        private Recurrence recurrence;
        private JoinInfo join;
        private List<Occurrence> occurrences = List.of();
        private Set<Part> missing = Set.of();

        private Builder() {
        }

        public Builder id(SessionId id) { this.id = id; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder start(Instant start) { this.start = start; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder timeZone(ZoneId timeZone) { this.timeZone = timeZone; return this; }
        public Builder status(SessionStatus status) { this.status = status; return this; }
        public Builder organizer(String organizer) { this.organizer = organizer; return this; }
        public Builder hosts(List<String> hosts) { this.hosts = hosts; return this; }
        public Builder invitees(List<String> invitees) { this.invitees = invitees; return this; }
        public Builder access(Access access) { this.access = access; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder media(MediaOptions media) { this.media = media; return this; }
        public Builder live(LiveOptions live) { this.live = live; return this; }
        public Builder recurrence(Recurrence recurrence) { this.recurrence = recurrence; return this; }
        public Builder join(JoinInfo join) { this.join = join; return this; }
        public Builder occurrences(List<Occurrence> occurrences) { this.occurrences = occurrences; return this; }

        /** The parts the vendor's answer lacked ({@code null} or empty: none); see {@link Session#missing()}. */
        public Builder missing(Set<Part> missing) { this.missing = missing; return this; }

        /**
         * The session.
         *
         * @throws IllegalArgumentException when the id, title, start or duration is missing, the duration is
         *                                  negative, start or end is no date of the calendar, or a list holds {@code null}
         */
        public Session build() {
            try {
                return new Session(this);
            } catch (NullPointerException e) {
                throw new IllegalArgumentException("a session's lists must not contain null", e);
            }
        }
    }
}
