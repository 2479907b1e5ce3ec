package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create. Build it freely: nothing is checked here, so that {@link SessionService#create} can
 * report every broken rule at once in one {@link InvalidSessionException}, before anything is sent.
 *
 * <p>Nulls follow the package's one rule: every setter of the builder takes {@code null} and means "not set";
 * neither the setters nor {@link Builder#build()} ever throw. What a create then lacks ({@code kind},
 * {@code title}, {@code start}, {@code duration}) or gets wrong, null entries in {@code hosts} and
 * {@code invitees} included, is a violation naming the field. {@code organizer} not set means the provider's
 * configured organizer; {@code timeZone} not set means UTC; {@code access} not set means {@link Access#PASSWORD}
 * when a password is given, else {@link Access#OPEN}; lists, media, live and provider options not set mean
 * none and the vendor's defaults; {@code provider} not set means the service's default provider.
 *
 * <p>A class with a {@link Builder} rather than a record, so that a new part does not break callers.
 */
public final class SessionDraft {
    private final SessionKind kind;
    private final String title;
    private final String description;
    private final Instant start;
    private final Duration duration;
    private final ZoneId timeZone;
    private final String organizer;
    private final List<String> hosts;
    private final List<String> invitees;
    private final Access access;
    private final String password;
    private final MediaOptions media;
    private final LiveOptions live;
    private final Recurrence recurrence;
    private final ProviderOptions options;
    private final String provider;

    private SessionDraft(Builder b) {
        this.kind = b.kind;
        this.title = b.title;
        this.description = b.description;
        this.start = b.start;
        this.duration = b.duration;
        this.timeZone = b.timeZone;
        this.organizer = b.organizer;
        // Null entries are kept: the create reports them as violations naming the field.
        this.hosts = b.hosts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(b.hosts));
        this.invitees = b.invitees == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(b.invitees));
        this.access = b.access;
        this.password = b.password;
        this.media = b.media == null ? MediaOptions.DEFAULTS : b.media;
        this.live = b.live == null ? LiveOptions.DEFAULTS : b.live;
        this.recurrence = b.recurrence;
        this.options = b.options == null ? ProviderOptions.NONE : b.options;
        this.provider = b.provider;
    }

    /** A builder for a draft of {@code kind} ({@code null}: not set yet). */
    public static Builder builder(SessionKind kind) {
        return new Builder().kind(kind);
    }

    /** A builder holding every part of this draft. */
    public Builder toBuilder() {
        return new Builder().kind(kind).title(title).description(description).start(start).duration(duration)
                .timeZone(timeZone).organizer(organizer).hosts(hosts).invitees(invitees).access(access)
                .password(password).media(media).live(live).recurrence(recurrence).options(options).provider(provider);
    }

    /** The kind, or {@code null} when not set. */
    public SessionKind kind() {
        return kind;
    }

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

    /** The zone, or {@code null} when not set (UTC). */
    public ZoneId timeZone() {
        return timeZone;
    }

    /** The organizer, or {@code null} for the provider's configured one. */
    public String organizer() {
        return organizer;
    }

    /** The hosts besides the organizer; empty when none. */
    public List<String> hosts() {
        return hosts;
    }

    public List<String> invitees() {
        return invitees;
    }

    /** The access asked for, or {@code null} when not set; see {@link #effectiveAccess()}. */
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

    public Recurrence recurrence() {
        return recurrence;
    }

    public ProviderOptions options() {
        return options;
    }

    /** The provider to create the session at, or {@code null} for the service's default ({@code convene.provider}). */
    public String provider() {
        return provider;
    }

    /** The access actually asked for, with the default applied. */
    public Access effectiveAccess() {
        return access != null ? access : password != null ? Access.PASSWORD : Access.OPEN;
    }

    /** The value of one provider's option; empty when it is not set. */
    public <T> Optional<T> option(ProviderOption<T> option) {
        return options.get(option);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionDraft d && kind == d.kind && Objects.equals(title, d.title) && Objects.equals(description, d.description)
                && Objects.equals(start, d.start) && Objects.equals(duration, d.duration) && Objects.equals(timeZone, d.timeZone)
                && Objects.equals(organizer, d.organizer) && hosts.equals(d.hosts) && invitees.equals(d.invitees) && access == d.access
                && Objects.equals(password, d.password) && media.equals(d.media) && live.equals(d.live)
                && Objects.equals(recurrence, d.recurrence) && options.equals(d.options) && Objects.equals(provider, d.provider);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, title, description, start, duration, timeZone, organizer, hosts, invitees, access, password,
                media, live, recurrence, options, provider);
    }

    @Override
    public String toString() {
        return "SessionDraft[" + kind + " \"" + title + "\" " + start + " for " + duration + " in " + timeZone
                + ", organizer=" + organizer + ", hosts=" + hosts + ", invitees=" + invitees.size()
                + ", access=" + effectiveAccess() + (password == null ? "" : ", password=****")
                + (recurrence == null ? "" : ", " + recurrence.toRRule()) + (provider == null ? "" : ", at " + provider) + "]";
    }

    /** Builds a {@link SessionDraft}; every setter takes {@code null} as "not set", and nothing here throws. */
    public static final class Builder {
        private SessionKind kind;
        private String title;
        private String description;
        private Instant start;
        private Duration duration;
        private ZoneId timeZone;
        private String organizer;
        private List<String> hosts = List.of();
        private List<String> invitees = List.of();
        private Access access;
        private String password;
        private MediaOptions media;
        private LiveOptions live;
        private Recurrence recurrence;
        private ProviderOptions options = ProviderOptions.NONE;
        private String provider;

        private Builder() {
        }

        public Builder kind(SessionKind kind) { this.kind = kind; return this; }
        public Builder title(String title) { this.title = title; return this; }
        public Builder description(String description) { this.description = description; return this; }
        public Builder start(Instant start) { this.start = start; return this; }
        public Builder duration(Duration duration) { this.duration = duration; return this; }
        public Builder timeZone(ZoneId timeZone) { this.timeZone = timeZone; return this; }

        /** Sets start and time zone together ({@code null} unsets both). */
        public Builder start(ZonedDateTime start) {
            this.start = start == null ? null : start.toInstant();
            this.timeZone = start == null ? null : start.getZone();
            return this;
        }

        public Builder organizer(String organizer) { this.organizer = organizer; return this; }
        public Builder hosts(List<String> hosts) { this.hosts = hosts; return this; }
        public Builder hosts(String... hosts) { this.hosts = hosts == null ? null : Arrays.asList(hosts); return this; }
        public Builder invitees(List<String> invitees) { this.invitees = invitees; return this; }
        public Builder invitees(String... invitees) { this.invitees = invitees == null ? null : Arrays.asList(invitees); return this; }
        public Builder access(Access access) { this.access = access; return this; }
        public Builder password(String password) { this.password = password; return this; }
        public Builder media(MediaOptions media) { this.media = media; return this; }
        public Builder live(LiveOptions live) { this.live = live; return this; }
        public Builder recurrence(Recurrence recurrence) { this.recurrence = recurrence; return this; }
        public Builder options(ProviderOptions options) { this.options = options == null ? ProviderOptions.NONE : options; return this; }

        /** Sets one provider's option; a {@code null} value removes it, a {@code null} option sets nothing. */
        public <T> Builder option(ProviderOption<T> option, T value) {
            this.options = options.with(option, value);
            return this;
        }

        /**
         * The provider to create the session at, e.g. {@code zoom}, when the service has several
         * ({@code convene.providers}); not set means the default ({@code convene.provider}).
         */
        public Builder provider(String provider) { this.provider = provider; return this; }

        /** The draft; never throws (a create checks it). */
        public SessionDraft build() {
            return new SessionDraft(this);
        }
    }
}
