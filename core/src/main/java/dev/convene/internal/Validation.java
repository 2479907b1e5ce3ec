package dev.convene.internal;

import dev.convene.Limits;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The generic rules every draft and update meets, from the provider's declared {@link Limits}. */
public final class Validation {
    /**
     * The latest start Convene takes: the end of the four-digit years every vendor's date format has, and
     * far enough from the end of {@code java.time}'s range that any start plus any allowed duration, in
     * any zone, is still a valid date.
     */
    public static final Instant LATEST_START = Instant.parse("9999-12-31T00:00:00Z");

    private Validation() {
    }

    /** True when {@code start} can be scheduled at all: a date every vendor and every zone can represent. */
    public static boolean representable(Instant start) {
        return start != null && !start.isAfter(LATEST_START) && !start.isBefore(Instant.EPOCH);
    }

    /**
     * True when the times are ones a provider's own checks can safely compute with (start plus duration, the
     * start in any zone); when not, core's violations are reported alone, without asking the provider.
     */
    public static boolean computable(Instant start, Duration duration) {
        return (start == null || representable(start)) && (duration == null || (!duration.isNegative() && duration.compareTo(dev.convene.Limits.LONGEST) <= 0));
    }

    public static List<Violation> draft(SessionDraft d, Limits limits, Instant now) {
        List<Violation> out = new ArrayList<>();
        if (d.kind() == null) {
            out.add(new Violation("kind", "is required"));
        }
        if (d.title() == null || d.title().isBlank()) {
            out.add(new Violation("title", "is required"));
        }
        if (d.start() == null) {
            out.add(new Violation("start", "is required"));
        }
        if (d.duration() == null) {
            out.add(new Violation("duration", "is required"));
        }
        common(out, limits, now, d.title(), d.description(), d.start(), d.duration(), d.hosts(), d.invitees(), d.password(),
                d.recurrence(), d.timeZone());
        if (d.recurrence() != null && representable(d.start())) {
            seriesStart(out, d.recurrence(), d.start(), d.timeZone() == null ? ZoneOffset.UTC : d.timeZone(), true);
        }
        return out;
    }

    public static List<Violation> update(SessionUpdate u, Limits limits, Instant now) {
        List<Violation> out = new ArrayList<>();
        if (u.isEmpty()) {
            out.add(new Violation("update", "changes nothing"));
        }
        if (u.title() != null && u.title().isBlank()) {
            out.add(new Violation("title", "must not be blank"));
        }
        if (u.start() != null && u.recurrence() != null && u.timeZone() != null && representable(u.start())) {
            seriesStart(out, u.recurrence(), u.start(), u.timeZone(), true);
        }
        common(out, limits, now, u.title(), u.description(), u.start(), u.duration(), u.hosts(), u.invitees(), u.password(),
                u.recurrence(), u.timeZone());
        return out;
    }

    private static void common(List<Violation> out, Limits limits, Instant now, String title, String description,
                               Instant start, Duration duration, List<String> hosts, List<String> invitees,
                               String password, Recurrence recurrence, ZoneId zone) {
        if (title != null && !title.isBlank()) {
            out.addAll(limits.title().violations("title", title));
            text(out, "title", title);
        }
        if (description != null) {
            out.addAll(limits.description().violations("description", description));
            text(out, "description", description);
        }
        if (password != null) {
            text(out, "password", password);
        }
        // Vendors take whole seconds: a start a fraction of a second ahead arrives as now, which is not the future.
        if (start != null && !start.truncatedTo(ChronoUnit.SECONDS).isAfter(now)) {
            out.add(new Violation("start", "must be in the future, was " + start + " (now " + now + ")"));
        } else if (start != null && !representable(start)) {
            out.add(new Violation("start", "must be before " + LATEST_START + ", was " + start));
        }
        if (duration != null && (duration.compareTo(limits.minDuration()) < 0 || duration.compareTo(limits.maxDuration()) > 0)) {
            out.add(new Violation("duration", "must be between " + human(limits.minDuration()) + " and " + human(limits.maxDuration())
                    + ", was " + human(duration)));
        }
        people(out, "hosts", hosts, limits.maxHosts());
        people(out, "invitees", invitees, limits.maxInvitees());
        if (password != null && limits.passwordPattern() != null && !limits.passwordMatches(password)) {
            out.add(new Violation("password", "must be " + limits.passwordRule()));
        }
        if (recurrence != null) {
            // A start outside the calendar is reported above; the rule is then checked without it.
            recurrence(out, recurrence, limits, representable(start) ? start : null, zone == null ? ZoneOffset.UTC : zone);
        }
    }

    /**
     * True when checking an update of a session of a kind that can recur needs the session as it is: the update
     * moves the start or zone, or sets a rule, without giving all three (see {@link #seriesEdit}).
     */
    public static boolean needsCurrentForSeries(SessionUpdate u) {
        boolean touches = u.start() != null || u.timeZone() != null || u.recurrence() != null;
        return touches && !(u.start() != null && u.timeZone() != null && u.recurrence() != null);
    }

    /**
     * The one rule for a series' start, the same on every provider: a recurring session starts on a day its rule
     * contains, in the session's zone (vendors disagree otherwise: Zoom keeps a Monday series on Mondays when its
     * start moves to a Tuesday, Tencent Meeting refuses, WeCom adds Tuesday to the days). An update that moves a
     * series elsewhere must give the new rule with it; one that removes the rule may move it anywhere.
     */
    public static List<Violation> seriesEdit(Session current, SessionUpdate u) {
        List<Violation> out = new ArrayList<>();
        if (u.removesRecurrence()) {
            return out;
        }
        Recurrence rule = u.recurrence() != null ? u.recurrence() : held(current);
        Instant start = u.start() != null ? u.start() : current.start();
        ZoneId zone = u.timeZone() != null ? u.timeZone() : current.timeZone();
        if (rule != null && representable(start)) {
            seriesStart(out, rule, start, zone, u.recurrence() != null);
        }
        return out;
    }

    /**
     * The session's rule with its days made explicit: a weekly rule without days repeats on the day the series
     * starts now, and moving the start does not take the series' days with it (what some vendors would do).
     */
    private static Recurrence held(Session current) {
        Recurrence r = current.recurrence();
        if (r == null || r.frequency() != Recurrence.Frequency.WEEKLY || !r.daysOfWeek().isEmpty()) {
            return r;
        }
        return new Recurrence(r.frequency(), r.interval(), Set.of(current.localStart().getDayOfWeek()), null, null, null, r.count(), r.until());
    }

    private static void seriesStart(List<Violation> out, Recurrence rule, Instant start, ZoneId zone, boolean ruleGiven) {
        java.time.ZonedDateTime at = start.atZone(zone);
        boolean onRule = rule.forever().occurrences(at).findFirst().map(first -> first.toLocalDate().equals(at.toLocalDate())).orElse(false);
        if (onRule) {
            return;
        }
        String day = at.getDayOfWeek() + " " + at.toLocalDate() + " in " + zone;
        out.add(ruleGiven
                ? new Violation("start", "must be a day of the recurrence " + rule.toRRule() + ", was " + day)
                : new Violation("start", "moves the series to a day its recurrence " + rule.toRRule() + " does not contain (" + day
                        + "); give the new recurrence with the update, or a start on one of its days"));
    }

    private static void recurrence(List<Violation> out, Recurrence r, Limits limits, Instant start, ZoneId zone) {
        int max = limits.maxOccurrences();
        if (r.count() != null && r.count() > max) {
            out.add(new Violation("recurrence.count", "must be at most " + max + ", was " + r.count()));
        }
        if (r.until() != null && start != null) {
            if (r.until().isBefore(start.atZone(zone).toLocalDate())) {
                out.add(new Violation("recurrence.until", "must not be before the start date, was " + r.until()));
            } else {
                long n = r.occurrences(start.atZone(zone)).limit(max + 1L).count();
                if (n > max) {
                    out.add(new Violation("recurrence.until", "gives more than " + max + " occurrences; end earlier or use a count"));
                }
            }
        }
    }

    /**
     * Text a vendor would store mangled is refused rather than sent: a lone surrogate (half of a character; vendors
     * store it as {@code ?}, and findCreated could then never match the session) and control characters other than
     * tab, line feed and carriage return. Only the first offence is named, with its position.
     */
    static void text(List<Violation> out, String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                out.add(new Violation(field, "must be well-formed Unicode; a lone surrogate (U+" + hex(c) + ") is at index " + i));
                return;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                out.add(new Violation(field, "must not contain control characters; U+" + hex(c) + " is at index " + i));
                return;
            }
        }
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /** A name a vendor puts in a URL path must not be {@code .} or {@code ..}: it would address another path. */
    static void pathSegment(List<Violation> out, String field, String value) {
        if (value != null && (value.equals(".") || value.equals(".."))) {
            out.add(new Violation(field, "must not be '" + value + "': it would name a different path at the vendor"));
        }
    }

    private static void people(List<Violation> out, String field, List<String> people, int max) {
        if (people == null) {
            return;
        }
        if (people.size() > max) {
            out.add(new Violation(field, "must list at most " + max + ", was " + people.size()));
        }
        // Most sessions list nobody or one person: no set is needed to find a repeat among them.
        Set<String> seen = people.size() < 2 ? null : new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            String p = people.get(i);
            if (p == null || p.isBlank()) {
                out.add(new Violation(field + "[" + i + "]", "must not be blank"));
            } else if (p.chars().anyMatch(c -> Character.isSurrogate((char) c) || Character.isISOControl(c))) {
                text(out, field + "[" + i + "]", p);
            } else if (seen != null && !seen.add(p)) {
                out.add(new Violation(field + "[" + i + "]", "repeats '" + p + "'"));
            }
        }
    }

    static String human(Duration d) {
        if (d.toSecondsPart() == 0 && d.toMinutesPart() == 0 && d.toHours() > 0) {
            return d.toHours() + " h";
        }
        if (d.toSecondsPart() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toSeconds() + " s";
    }
}
