package dev.convene;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The vendor's documented limits for one kind, checked by core before anything is sent. Text lengths are
 * {@link TextLimit}s, in characters and UTF-8 bytes as the vendor counts; vendor rules that are not
 * expressible here (combinations of fields, formats of options) are checked by the provider's own
 * validation, which core runs in the same pass. Every broken rule is reported at once.
 *
 * @param title           how long a title may be
 * @param description     how long a description may be
 * @param passwordPattern a regular expression a password must match in full, or {@code null} when the kind has no password
 * @param passwordRule    the same rule in words, for error messages ("4 to 6 digits")
 * @param maxOccurrences  the most occurrences a recurring session may have
 */
public record Limits(
        TextLimit title,
        TextLimit description,
        Duration minDuration,
        Duration maxDuration,
        int maxHosts,
        int maxInvitees,
        String passwordPattern,
        String passwordRule,
        int maxOccurrences) {

    public Limits {
        Checks.required(title, "title");
        Checks.required(description, "description");
        Checks.required(minDuration, "minDuration");
        Checks.required(maxDuration, "maxDuration");
        if (minDuration.compareTo(maxDuration) > 0 || maxHosts < 0 || maxInvitees < 0 || maxOccurrences < 0) {
            throw new IllegalArgumentException("inconsistent limits");
        }
        if (passwordPattern != null) {
            Pattern.compile(passwordPattern);
            Checks.required(passwordRule, "passwordRule (the password pattern in words)");
        }
    }

    /** For a count the vendor does not limit (hosts, invitees). */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    /**
     * For a vendor that documents no longest session: the longest Convene itself computes with (start plus
     * duration stays checkable), so a limit of Convene's, not the vendor's.
     */
    public static final Duration LONGEST = Duration.ofDays(366);

    public static Builder builder() {
        return new Builder();
    }

    public boolean passwordMatches(String password) {
        return passwordPattern != null && password.matches(passwordPattern);
    }

    public static final class Builder {
        private TextLimit title = TextLimit.characters(200);
        private TextLimit description = TextLimit.characters(2000);
        private Duration minDuration = Duration.ofMinutes(1);
        private Duration maxDuration = Duration.ofHours(24);
        private int maxHosts = 10;
        private int maxInvitees = 300;
        private String passwordPattern;
        private String passwordRule;
        private int maxOccurrences = 50;

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
        public Builder password(String pattern, String rule) { this.passwordPattern = pattern; this.passwordRule = rule; return this; }
        public Builder maxOccurrences(int n) { this.maxOccurrences = n; return this; }

        public Limits build() {
            return new Limits(title, description, minDuration, maxDuration, maxHosts, maxInvitees,
                    passwordPattern, passwordRule, maxOccurrences);
        }
    }
}
