package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A session as the vendor reports it. Immutable; the duration is never negative and start and end are
 * dates of the calendar in the session's zone. Optional parts are {@code null} when the vendor does
 * not report them ({@code description}, {@code organizer}, {@code password}, {@code recurrence}), and
 * lists are empty rather than null.
 */
public record Session(
        SessionId id,
        String title,
        String description,
        Instant start,
        Duration duration,
        ZoneId timeZone,
        SessionStatus status,
        String organizer,
        List<String> hosts,
        List<String> invitees,
        Access access,
        String password,
        MediaOptions media,
        LiveOptions live,
        Recurrence recurrence,
        JoinInfo join,
        List<Occurrence> occurrences) {

    public Session {
        Checks.required(id, "a session's id");
        Checks.required(title, "a session's title");
        Checks.required(start, "a session's start");
        Checks.required(duration, "a session's duration");
        timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
        // A vendor's answer may say anything: a session that could not be shown or ended is not one (the answer is unreadable).
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a session's duration cannot be negative, was " + duration);
        }
        try {
            start.atZone(timeZone);
            start.plus(duration).atZone(timeZone);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("a session's start and end must be dates of the calendar, was " + start + " for " + duration, e);
        }
        status = status == null ? SessionStatus.UNKNOWN : status;
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        invitees = invitees == null ? List.of() : List.copyOf(invitees);
        access = access == null ? (password == null ? Access.OPEN : Access.PASSWORD) : access;
        media = media == null ? MediaOptions.DEFAULTS : media;
        live = live == null ? LiveOptions.DEFAULTS : live;
        join = join == null ? JoinInfo.NONE : join;
        occurrences = occurrences == null ? List.of() : List.copyOf(occurrences);
    }

    public SessionKind kind() {
        return id.kind();
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** The start in the session's own zone. */
    public ZonedDateTime localStart() {
        return start.atZone(timeZone);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).title(title).description(description).start(start).duration(duration)
                .timeZone(timeZone).status(status).organizer(organizer).hosts(hosts).invitees(invitees)
                .access(access).password(password).media(media).live(live).recurrence(recurrence).join(join)
                .occurrences(occurrences);
    }

    @Override
    public String toString() {
        return "Session[" + id + " \"" + title + "\" " + localStart() + " for " + duration + ", " + status
                + ", organizer=" + organizer + ", access=" + access + (password == null ? "" : ", password=****")
                + (recurrence == null ? "" : ", " + recurrence.toRRule()) + ", " + join + "]";
    }

    /** Builds a {@link Session}; providers use it when decoding vendor answers. */
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

        public Session build() {
            return new Session(id, title, description, start, duration, timeZone, status, organizer, hosts, invitees,
                    access, password, media, live, recurrence, join, occurrences);
        }
    }
}
