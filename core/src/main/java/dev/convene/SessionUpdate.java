package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A partial change: every {@code null} part stays as it is at the vendor. Lists, when given, replace
 * the whole list. Like a draft, it is checked by {@link SessionService#update}, not here.
 *
 * <p>Nulls follow the package's one rule: every setter of the builder takes {@code null} and means "not
 * set", here "unchanged"; neither the setters nor {@link Builder#build()} ever throw. Null entries in a
 * list are violations reported by the update, before anything is sent.
 *
 * <p>A class with a {@link Builder} rather than a record, so that a new part does not break callers.
 */
public final class SessionUpdate {
    private final String title;
    private final String description;
    private final Instant start;
    private final Duration duration;
    private final ZoneId timeZone;
    private final List<String> hosts;
    private final List<String> invitees;
    private final Access access;
    private final String password;
    private final MediaOptions media;
    private final LiveOptions live;
    private final Recurrence recurrence;
    private final boolean removesRecurrence;
    private final ProviderOptions options;

    private SessionUpdate(Builder b) {
        this.title = b.title;
        this.description = b.description;
        this.start = b.start;
        this.duration = b.duration;
        this.timeZone = b.timeZone;
        this.hosts = b.hosts == null ? null : Collections.unmodifiableList(new ArrayList<>(b.hosts));
        this.invitees = b.invitees == null ? null : Collections.unmodifiableList(new ArrayList<>(b.invitees));
        this.access = b.access;
        this.password = b.password;
        this.media = b.media;
        this.live = b.live;
        this.recurrence = b.recurrence;
        this.removesRecurrence = b.removesRecurrence;
        this.options = b.options == null ? ProviderOptions.NONE : b.options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every part of this update. */
    public Builder toBuilder() {
        Builder b = new Builder().title(title).description(description).start(start).duration(duration).timeZone(timeZone)
                .hosts(hosts).invitees(invitees).access(access).password(password).media(media).live(live)
                .recurrence(recurrence).options(options);
        return removesRecurrence ? b.removeRecurrence() : b;
    }

    /** The new title, or {@code null}: unchanged. The same holds for every part but {@link #options()}. */
    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Instant start() {
        return start;
    }

    public Duration duration() {
        return duration;
    }

    public ZoneId timeZone() {
        return timeZone;
    }

    /** The whole new list of hosts ({@code []} removes them all), or {@code null}: unchanged. */
    public List<String> hosts() {
        return hosts;
    }

    /** The whole new list of invitees ({@code []} removes them all), or {@code null}: unchanged. */
    public List<String> invitees() {
        return invitees;
    }

    public Access access() {
        return access;
    }

    public String password() {
        return password;
    }

    public MediaOptions media() {
        return media;
    }

    public LiveOptions live() {
        return live;
    }

    /** The new rule, which replaces the session's (or makes a one-off session recur), or {@code null}: unchanged. */
    public Recurrence recurrence() {
        return recurrence;
    }

    /**
     * True when the session stops repeating and becomes the one-off session at its start ({@link Builder#removeRecurrence()}).
     * It needs {@link Feature#RECURRENCE_REMOVAL} for the session's kind, else the update is an
     * {@link UnsupportedFeatureException} before anything is sent.
     */
    public boolean removesRecurrence() {
        return removesRecurrence;
    }

    /** The provider options to set; never {@code null} ({@link ProviderOptions#NONE} when none). */
    public ProviderOptions options() {
        return options;
    }

    /** True when nothing would change. */
    public boolean isEmpty() {
        return title == null && description == null && start == null && duration == null && timeZone == null
                && hosts == null && invitees == null && access == null && password == null && media == null
                && live == null && recurrence == null && !removesRecurrence && options.isEmpty();
    }

    /**
     * The session as it would be after this update, used to check the combined result before sending.
     *
     * @throws IllegalArgumentException when the result is no session (a list holding {@code null}, an end
     *                                  beyond the calendar), as {@link Session.Builder#build()} throws
     */
    public Session applyTo(Session current) {
        Session.Builder b = current.toBuilder();
        if (title != null) b.title(title);
        if (description != null) b.description(description);
        if (start != null) b.start(start);
        if (duration != null) b.duration(duration);
        if (timeZone != null) b.timeZone(timeZone);
        if (hosts != null) b.hosts(hosts);
        if (invitees != null) b.invitees(invitees);
        if (access != null) b.access(access);
        if (password != null) b.password(password);
        if (media != null) b.media(media);
        if (live != null) b.live(live);
        if (recurrence != null) b.recurrence(recurrence);
        if (removesRecurrence) b.recurrence(null).occurrences(List.of());
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionUpdate u && Objects.equals(title, u.title) && Objects.equals(description, u.description)
                && Objects.equals(start, u.start) && Objects.equals(duration, u.duration) && Objects.equals(timeZone, u.timeZone)
                && Objects.equals(hosts, u.hosts) && Objects.equals(invitees, u.invitees) && access == u.access
                && Objects.equals(password, u.password) && Objects.equals(media, u.media) && Objects.equals(live, u.live)
                && Objects.equals(recurrence, u.recurrence) && removesRecurrence == u.removesRecurrence && options.equals(u.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, description, start, duration, timeZone, hosts, invitees, access, password, media, live,
                recurrence, removesRecurrence, options);
    }

    @Override
    public String toString() {
        return "SessionUpdate[title=" + title + ", start=" + start + ", duration=" + duration + ", timeZone=" + timeZone
                + ", hosts=" + hosts + ", invitees=" + (invitees == null ? null : invitees.size()) + ", access=" + access
                + (password == null ? "" : ", password=****") + (recurrence == null ? "" : ", " + recurrence.toRRule())
                + (removesRecurrence ? ", recurrence removed" : "") + "]";
    }

    /** Builds a {@link SessionUpdate}; every setter takes {@code null} as "unchanged", and nothing here throws. */
    public static final class Builder {
        private String title;
        private String description;
        private Instant start;
        private Duration duration;
        private ZoneId timeZone;
        private List<String> hosts;
        private List<String> invitees;
        private Access access;
        private String password;
        private MediaOptions media;
        private LiveOptions live;
        private Recurrence recurrence;
        private boolean removesRecurrence;
        private ProviderOptions options = ProviderOptions.NONE;

        private Builder() {
        }

        public Builder title(String title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder start(Instant start) { this.start = start; return this; }

        /** Sets start and time zone together ({@code null} leaves both unchanged). */
        public Builder start(ZonedDateTime start) {
            this.start = start == null ? null : start.toInstant();
            this.timeZone = start == null ? null : start.getZone();
            return this;
        }

        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder timeZone(ZoneId timeZone) { this.timeZone = timeZone; return this; }
        public Builder hosts(List<String> hosts) { this.hosts = hosts; return this; }
        public Builder invitees(List<String> invitees) { this.invitees = invitees; return this; }
        public Builder access(Access access) { this.access = access; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder media(MediaOptions media) { this.media = media; return this; }
        public Builder live(LiveOptions live) { this.live = live; return this; }

        /** A new rule for the session ({@code null}: unchanged); it undoes {@link #removeRecurrence()}. */
        public Builder recurrence(Recurrence recurrence) {
            this.recurrence = recurrence;
            if (recurrence != null) {
                this.removesRecurrence = false;
            }
            return this;
        }

        /**
         * The session stops repeating: it becomes the one-off session at its start (the first occurrence, or the
         * new start when the update gives one). It undoes {@link #recurrence(Recurrence)}. Sent where the kind
         * declares {@link Feature#RECURRENCE_REMOVAL}, an {@link UnsupportedFeatureException} elsewhere.
         */
        public Builder removeRecurrence() {
            this.recurrence = null;
            this.removesRecurrence = true;
            return this;
        }
        public Builder options(ProviderOptions options) { this.options = options == null ? ProviderOptions.NONE : options; return this; }

        /** Sets one provider's option; a {@code null} value removes it, a {@code null} option sets nothing. */
        public <T> Builder option(ProviderOption<T> option, T value) {
            this.options = options.with(option, value);
            return this;
        }

        /** The update; never throws (an update call checks it). */
        public SessionUpdate build() {
            return new SessionUpdate(this);
        }
    }
}
