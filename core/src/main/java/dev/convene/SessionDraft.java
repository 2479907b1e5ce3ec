package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What to create. Build it freely: nothing is checked here, so that {@link SessionService#create} can
 * report every broken rule at once in one {@link InvalidSessionException}, before anything is sent.
 *
 * <p>Nulls follow the package's one rule: every setter of the builder (and every component of the record)
 * takes {@code null} and means "not set"; neither the setters nor {@link Builder#build()} ever throw. What
 * a create then lacks ({@code kind}, {@code title}, {@code start}, {@code duration}) or gets wrong,
 * null entries in {@code hosts} and {@code invitees} included, is a violation naming the field.
 * {@code organizer} not set means the provider's configured organizer; {@code timeZone} not set means
 * UTC; {@code access} not set means {@link Access#PASSWORD} when a password is given, else
 * {@link Access#OPEN}; lists, media, live and provider options not set mean none and the vendor's defaults;
 * {@code provider} not set means the service's default provider.
 */
public record SessionDraft(
        SessionKind kind,
        String title,
        String description,
        Instant start,
        Duration duration,
        ZoneId timeZone,
        String organizer,
        List<String> hosts,
        List<String> invitees,
        Access access,
        String password,
        MediaOptions media,
        LiveOptions live,
        Recurrence recurrence,
        ProviderOptions options,
        String provider) {

    public SessionDraft {
        hosts = hosts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(hosts));
        invitees = invitees == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(invitees));
        media = media == null ? MediaOptions.DEFAULTS : media;
        live = live == null ? LiveOptions.DEFAULTS : live;
        options = options == null ? ProviderOptions.NONE : options;
    }

    /** A draft for the service's default provider (see {@link #provider()}). */
    public SessionDraft(SessionKind kind, String title, String description, Instant start, Duration duration, ZoneId timeZone,
                        String organizer, List<String> hosts, List<String> invitees, Access access, String password,
                        MediaOptions media, LiveOptions live, Recurrence recurrence, ProviderOptions options) {
        this(kind, title, description, start, duration, timeZone, organizer, hosts, invitees, access, password, media, live,
                recurrence, options, null);
    }

    public static Builder builder(SessionKind kind) {
        return new Builder().kind(kind);
    }

    public Builder toBuilder() {
        return new Builder().kind(kind).title(title).description(description).start(start).duration(duration)
                .timeZone(timeZone).organizer(organizer).hosts(hosts).invitees(invitees).access(access)
                .password(password).media(media).live(live).recurrence(recurrence).options(options).provider(provider);
    }

    /** The access actually asked for, with the default applied. */
    public Access effectiveAccess() {
        return access != null ? access : password != null ? Access.PASSWORD : Access.OPEN;
    }

    public <T> java.util.Optional<T> option(ProviderOption<T> option) {
        return options.get(option);
    }

    @Override
    public String toString() {
        return "SessionDraft[" + kind + " \"" + title + "\" " + start + " for " + duration + " in " + timeZone
                + ", organizer=" + organizer + ", hosts=" + hosts + ", invitees=" + invitees.size()
                + ", access=" + effectiveAccess() + (password == null ? "" : ", password=****")
                + (recurrence == null ? "" : ", " + recurrence.toRRule()) + (provider == null ? "" : ", at " + provider) + "]";
    }

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

        public SessionDraft build() {
            return new SessionDraft(kind, title, description, start, duration, timeZone, organizer, hosts, invitees,
                    access, password, media, live, recurrence, options, provider);
        }
    }
}
