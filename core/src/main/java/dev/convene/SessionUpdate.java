package dev.convene;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A partial change: every {@code null} part stays as it is at the vendor. Lists, when given, replace
 * the whole list. Like a draft, it is checked by {@link SessionService#update}, not here.
 *
 * <p>Nulls follow the package's one rule: every setter of the builder takes {@code null} and means "not
 * set", here "unchanged"; neither the setters nor {@link Builder#build()} ever throw. Null entries in a
 * list are violations reported by the update, before anything is sent.
 */
public record SessionUpdate(
        String title,
        String description,
        Instant start,
        Duration duration,
        ZoneId timeZone,
        List<String> hosts,
        List<String> invitees,
        Access access,
        String password,
        MediaOptions media,
        LiveOptions live,
        Recurrence recurrence,
        ProviderOptions options) {

    public SessionUpdate {
        hosts = hosts == null ? null : Collections.unmodifiableList(new ArrayList<>(hosts));
        invitees = invitees == null ? null : Collections.unmodifiableList(new ArrayList<>(invitees));
        options = options == null ? ProviderOptions.NONE : options;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** True when nothing would change. */
    public boolean isEmpty() {
        return title == null && description == null && start == null && duration == null && timeZone == null
                && hosts == null && invitees == null && access == null && password == null && media == null
                && live == null && recurrence == null && options.isEmpty();
    }

    /** The session as it would be after this update, used to check the combined result before sending. */
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
        return b.build();
    }

    @Override
    public String toString() {
        return "SessionUpdate[title=" + title + ", start=" + start + ", duration=" + duration + ", timeZone=" + timeZone
                + ", hosts=" + hosts + ", invitees=" + (invitees == null ? null : invitees.size()) + ", access=" + access
                + (password == null ? "" : ", password=****") + (recurrence == null ? "" : ", " + recurrence.toRRule()) + "]";
    }

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
        public Builder recurrence(Recurrence recurrence) { this.recurrence = recurrence; return this; }

        /** Sets one provider's option; a {@code null} value removes it, a {@code null} option sets nothing. */
        public <T> Builder option(ProviderOption<T> option, T value) {
            this.options = options.with(option, value);
            return this;
        }

        public SessionUpdate build() {
            return new SessionUpdate(title, description, start, duration, timeZone, hosts, invitees, access, password,
                    media, live, recurrence, options);
        }
    }
}
