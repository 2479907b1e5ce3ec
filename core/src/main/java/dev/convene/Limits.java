package dev.convene;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The vendor's documented limits for one kind, checked by core before anything is sent. Text lengths are
 * {@link TextLimit}s, in characters and UTF-8 bytes as the vendor counts; vendor rules that are not
 * expressible here (combinations of fields, formats of options) are checked by the provider's own
 * validation, which core runs in the same pass. Every broken rule is reported at once.
 *
 * <p>Made with {@link #builder()}, which has no defaults: a provider states every limit it claims (the
 * testkit checks each one against the vendor), so none is claimed by accident.
 */
public final class Limits {
    /** For a count the vendor does not limit (hosts, invitees). */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /**
     * For a vendor that documents no longest session: the longest Convene itself computes with (start plus
     * duration stays checkable), so a limit of Convene's, not the vendor's.
     */
    public static final Duration LONGEST = Duration.ofDays(366);

    private final TextLimit title;
    private final TextLimit description;
    private final Duration minDuration;
    private final Duration maxDuration;
    private final int maxHosts;
    private final int maxInvitees;
    private final String passwordPattern;
    private final String passwordRule;
    private final int maxOccurrences;

    private Limits(Builder b) {
        List<String> missing = new ArrayList<>();
        if (b.title == null) missing.add("title");
        if (b.description == null) missing.add("description");
        if (b.minDuration == null || b.maxDuration == null) missing.add("duration (shortest and longest)");
        if (b.maxHosts == null) missing.add("maxHosts");
        if (b.maxInvitees == null) missing.add("maxInvitees");
        if (b.maxOccurrences == null) missing.add("maxOccurrences");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("limits " + String.join(", ", missing) + " are required: a provider states every limit it claims");
        }
        if (b.minDuration.compareTo(b.maxDuration) > 0 || b.maxHosts < 0 || b.maxInvitees < 0 || b.maxOccurrences < 0) {
            throw new IllegalArgumentException("inconsistent limits");
        }
        if (b.passwordPattern != null) {
            Pattern.compile(b.passwordPattern);
            Checks.required(b.passwordRule, "passwordRule (the password pattern in words)");
        }
        this.title = b.title;
        this.description = b.description;
        this.minDuration = b.minDuration;
        this.maxDuration = b.maxDuration;
        this.maxHosts = b.maxHosts;
        this.maxInvitees = b.maxInvitees;
        this.passwordPattern = b.passwordPattern;
        this.passwordRule = b.passwordRule;
        this.maxOccurrences = b.maxOccurrences;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How long a title may be. */
    public TextLimit title() {
        return title;
    }

    /** How long a description may be. */
    public TextLimit description() {
        return description;
    }

    public Duration minDuration() {
        return minDuration;
    }

    public Duration maxDuration() {
        return maxDuration;
    }

    /** The most hosts besides the organizer, or {@link #UNLIMITED}. */
    public int maxHosts() {
        return maxHosts;
    }

    /** The most invitees, or {@link #UNLIMITED}. */
    public int maxInvitees() {
        return maxInvitees;
    }

    /** A regular expression a password must match in full, or {@code null} when the kind has no password. */
    public String passwordPattern() {
        return passwordPattern;
    }

    /** The password rule in words, for error messages ("4 to 6 digits"), or {@code null} when the kind has no password. */
    public String passwordRule() {
        return passwordRule;
    }

    /** The most occurrences a recurring session may have. */
    public int maxOccurrences() {
        return maxOccurrences;
    }

    public boolean passwordMatches(String password) {
        return passwordPattern != null && password.matches(passwordPattern);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && title.equals(l.title) && description.equals(l.description) && minDuration.equals(l.minDuration)
                && maxDuration.equals(l.maxDuration) && maxHosts == l.maxHosts && maxInvitees == l.maxInvitees
                && Objects.equals(passwordPattern, l.passwordPattern) && Objects.equals(passwordRule, l.passwordRule)
                && maxOccurrences == l.maxOccurrences;
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, description, minDuration, maxDuration, maxHosts, maxInvitees, passwordPattern, passwordRule, maxOccurrences);
    }

    @Override
    public String toString() {
        return "Limits[title " + title + ", description " + description + ", " + minDuration + " to " + maxDuration
                + ", hosts " + maxHosts + ", invitees " + maxInvitees + ", password " + (passwordRule == null ? "none" : passwordRule)
                + ", occurrences " + maxOccurrences + "]";
    }

    /**
     * Builds {@link Limits}. Nothing has a default: title, description, duration, hosts, invitees and
     * occurrences must each be stated ({@code 0} where the kind has none, {@link #UNLIMITED} or
     * {@link #LONGEST} where the vendor states no limit). Without {@link #password} the kind takes no password.
     */
    public static final class Builder {
        private TextLimit title;
        private TextLimit description;
        private Duration minDuration;
        private Duration maxDuration;
        private Integer maxHosts;
        private Integer maxInvitees;
        private String passwordPattern;
        private String passwordRule;
        private Integer maxOccurrences;

        private Builder() {
        }

        /** At most {@code n} characters, however many bytes. */
        public Builder maxTitleLength(int n) { this.title = TextLimit.characters(n); return this; }
        public Builder title(TextLimit limit) { this.title = limit; return this; }
        /** At most {@code n} characters, however many bytes. */
        public Builder maxDescriptionLength(int n) { this.description = TextLimit.characters(n); return this; }
        public Builder description(TextLimit limit) { this.description = limit; return this; }
        public Builder duration(Duration min, Duration max) { this.minDuration = min; this.maxDuration = max; return this; }
        public Builder maxHosts(int n) { this.maxHosts = n; return this; }
        public Builder maxInvitees(int n) { this.maxInvitees = n; return this; }
        /** A password must match {@code pattern} in full; {@code rule} says so in words. */
        public Builder password(String pattern, String rule) { this.passwordPattern = pattern; this.passwordRule = rule; return this; }
        public Builder maxOccurrences(int n) { this.maxOccurrences = n; return this; }

        /**
         * The limits.
         *
         * @throws IllegalArgumentException naming every limit not stated, when a limit is negative or the
         *                                  shortest duration is longer than the longest, or when the password
         *                                  pattern is no regular expression or has no rule in words
         */
        public Limits build() {
            return new Limits(this);
        }
    }
}
