package dev.convene.provider.wecom.internal;

import dev.convene.Access;
import dev.convene.Session;
import dev.convene.InvalidSessionException;
import java.time.ZoneId;
import dev.convene.SessionUpdate;
import dev.convene.SessionDraft;
import dev.convene.Recurrence;
import dev.convene.ProviderOptions;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.ProviderOption;
import dev.convene.SessionKind;
import dev.convene.Violation;
import dev.convene.provider.wecom.LivingType;
import dev.convene.provider.wecom.WeComOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * WeCom's rules that {@link dev.convene.Limits} cannot express (combinations, the webinar lead time,
 * recurrence shapes, options), checked before anything is sent. Core checks the declared limits, titles
 * and descriptions in characters and bytes included, in the same pass.
 */
final class WeComRules {
    /** "不能少于当前时间戳半小时以上", read strictly (the simulator's default): at least half an hour ahead. */
    static final Duration WEBINAR_LEAD = Duration.ofMinutes(30);
    private static final List<ProviderOption<?>> LIVING_ACTIVITY_ONLY = List.of(WeComOptions.ACTIVITY_COVER_MEDIA_ID,
            WeComOptions.ACTIVITY_SHARE_MEDIA_ID, WeComOptions.ACTIVITY_DETAIL);

    /** WeCom's times are Unix seconds in an unsigned 32-bit field: nothing can start or end after this. */
    static final Instant LATEST_TIME = Instant.ofEpochSecond(0xFFFF_FFFFL);

    private final Clock clock;

    WeComRules(Clock clock) {
        this.clock = clock;
    }

    List<Violation> check(SessionKind kind, Change c) {
        List<Violation> out = new ArrayList<>();
        WeComOptions.KINDS.forEach((option, kinds) -> {
            if (c.options().get(option).isPresent() && !kinds.contains(kind)) {
                out.add(new Violation("options." + option, "applies to " + kinds.stream().map(SessionKind::wireName).sorted()
                        .collect(Collectors.joining(" and ")) + " sessions only"));
            }
        });
        if (c.start() != null && c.start().isAfter(LATEST_TIME)) {
            out.add(new Violation("start", "must be before " + LATEST_TIME + " (WeCom's times are 32-bit Unix seconds), was " + c.start()));
        } else if (c.start() != null && c.duration() != null && c.start().plus(c.duration()).isAfter(LATEST_TIME)) {
            out.add(new Violation("duration", "must end before " + LATEST_TIME + " (WeCom's times are 32-bit Unix seconds)"));
        }
        switch (kind) {
            case MEETING -> meeting(c, out);
            case WEBINAR -> webinar(c, out);
            case LIVE_STREAM -> living(c, out);
        }
        return out;
    }

    private void meeting(Change c, List<Violation> out) {
        passwordMatchesAccess(c, out);
        out.addAll(WeComRecurrences.check(c.recurrence(), c.start(), c.zone() == null ? WeComRecurrences.CHINA : c.zone(), c.options()));
        maxChars(out, WeComOptions.LOCATION, c.options().get(WeComOptions.LOCATION).orElse(null), 128);
        c.options().get(WeComOptions.CALENDAR_ID).filter(id -> bytes(id) > 64)
                .ifPresent(id -> out.add(new Violation("options." + WeComOptions.CALENDAR_ID, "must be at most 64 bytes, was " + bytes(id))));
        c.options().get(WeComOptions.RING_SCOPE).filter(s -> s < 1 || s > 4)
                .ifPresent(s -> out.add(new Violation("options." + WeComOptions.RING_SCOPE, "must be 1 to 4, was " + s)));
        c.options().get(WeComOptions.RING_USERS).filter(users -> users.stream().anyMatch(u -> u == null || u.isBlank()))
                .ifPresent(users -> out.add(new Violation("options." + WeComOptions.RING_USERS, "must not contain blank user ids")));
    }

    private void webinar(Change c, List<Violation> out) {
        Instant earliest = clock.instant().plus(WEBINAR_LEAD);
        if (c.start() != null && c.start().isAfter(clock.instant()) && c.start().isBefore(earliest)) {
            out.add(new Violation("start", "a WeCom webinar must start at least 30 minutes from now, was " + c.start()));
        }
        passwordMatchesAccess(c, out);
        if (c.description() != null && c.description().isEmpty()) {
            out.add(new Violation("description", "must not be empty on a WeCom webinar (1 to 5000 characters; leave it out instead)"));
        }
        String sponsor = c.options().get(WeComOptions.SPONSOR).orElse(null);
        if (sponsor != null && (sponsor.isEmpty() || chars(sponsor) > 40)) {
            out.add(new Violation("options." + WeComOptions.SPONSOR, "must be 1 to 40 characters, was " + chars(sponsor)));
        }
        c.options().get(WeComOptions.SENSITIVE_WORDS).ifPresent(words -> {
            if (words.size() > 50 || words.stream().anyMatch(w -> w == null || w.isEmpty() || chars(w) > 10)) {
                out.add(new Violation("options." + WeComOptions.SENSITIVE_WORDS, "must be at most 50 words of 1 to 10 characters"));
            }
        });
        c.options().get(WeComOptions.WATERMARK_TYPE).filter(t -> t != 0 && t != 1)
                .ifPresent(t -> out.add(new Violation("options." + WeComOptions.WATERMARK_TYPE, "must be 0 (single row) or 1 (several rows), was " + t)));
        // Which recording applies is only known when the draft, or the update itself, says so.
        boolean recordingKnown = c.creating() || c.recording() != null;
        boolean cloud = c.recording() == MediaOptions.Recording.CLOUD;
        if (recordingKnown && !cloud) {
            if (c.live() != null && Boolean.TRUE.equals(c.live().replay())) {
                out.add(new Violation("live.replay", "needs media.autoRecording CLOUD: WeCom plays back the cloud recording"));
            }
            for (ProviderOption<Boolean> needsCloud : List.of(WeComOptions.RECORD_WHEN_ATTENDEE_JOINS, WeComOptions.HOST_MAY_PAUSE_RECORDING)) {
                if (c.options().get(needsCloud).orElse(false)) {
                    out.add(new Violation("options." + needsCloud, "needs media.autoRecording CLOUD"));
                }
            }
        }
        if (!c.options().get(WeComOptions.ACTIVITY_PAGE).orElse(true)) {
            if (c.description() != null) {
                out.add(new Violation("description", "needs the activity page, which options.wecom.activity-page turns off"));
            }
            for (ProviderOption<?> needsPage : List.of(WeComOptions.COVER_URL, WeComOptions.SHOW_ATTENDEE_COUNT)) {
                if (c.options().get(needsPage).isPresent()) {
                    out.add(new Violation("options." + needsPage, "needs the activity page, which options.wecom.activity-page turns off"));
                }
            }
        }
    }

    private void living(Change c, List<Violation> out) {
        c.options().get(WeComOptions.REMIND_TIME).filter(d -> d.isNegative() || d.toNanosPart() != 0)
                .ifPresent(d -> out.add(new Violation("options." + WeComOptions.REMIND_TIME, "must be whole seconds, not negative, was " + d)));
        boolean activity = c.options().get(WeComOptions.LIVING_TYPE).orElse(null) == LivingType.ACTIVITY;
        for (ProviderOption<?> option : LIVING_ACTIVITY_ONLY) {
            if (c.options().get(option).isEmpty()) {
                continue;
            }
            if (!c.creating()) {
                out.add(new Violation("options." + option, "can only be set when the living is created"));
            } else if (!activity) {
                out.add(new Violation("options." + option, "applies only with options.wecom.living-type ACTIVITY"));
            }
        }
        c.options().get(WeComOptions.ACTIVITY_DETAIL).filter(d -> d.imageMediaIds().size() > 5)
                .ifPresent(d -> out.add(new Violation("options." + WeComOptions.ACTIVITY_DETAIL, "may list at most 5 images, was "
                        + d.imageMediaIds().size())));
    }

    /**
     * The session after {@code update}, checked as a whole where WeCom's rules span fields the update alone does not
     * show (a password for password access, none taken off, times within WeCom's 32-bit seconds).
     *
     * @throws InvalidSessionException naming the field and the rule
     */
    static Session merged(Session current, SessionUpdate update) {
        Session merged = update.applyTo(current);
        if (merged.access() == Access.PASSWORD && merged.password() == null) {
            throw new InvalidSessionException(List.of(new Violation("password", "is required for PASSWORD access")));
        }
        if (merged.access() != Access.PASSWORD && update.access() != null && merged.password() != null) {
            throw new InvalidSessionException(List.of(new Violation("access",
                    "WeCom cannot take a password off a session; it stays " + Access.PASSWORD)));
        }
        if ((update.start() != null || update.duration() != null) && merged.end().isAfter(LATEST_TIME)) {
            throw new InvalidSessionException(List.of(new Violation(update.start() != null ? "start" : "duration",
                    "must end before " + LATEST_TIME + " (WeCom's times are 32-bit Unix seconds), would end " + merged.end())));
        }
        return merged;
    }

    /**
     * Replay plays back the cloud recording: what WeCom would refuse of a webinar update, judged on the webinar as it
     * would be ({@code held} is the recording WeCom holds, {@code playback} the flag the update will send).
     *
     * @throws InvalidSessionException naming the field and the rule
     */
    static void replayNeedsCloud(boolean playback, MediaOptions.Recording held, SessionUpdate u) {
        MediaOptions.Recording recording = u.media() != null && u.media().autoRecording() != null ? u.media().autoRecording() : held;
        if (playback && recording != MediaOptions.Recording.CLOUD) {
            boolean replayAsked = u.live() != null && u.live().replay() != null;
            throw new InvalidSessionException(List.of(new Violation(replayAsked ? "live.replay" : "media.autoRecording",
                    replayAsked ? "needs media.autoRecording CLOUD: WeCom plays back the cloud recording"
                            : "must stay CLOUD while the audience may watch the replay (turn live.replay off in the same update)")));
        }
    }

    /** A password is needed for, and only used with, password access. */
    private static void passwordMatchesAccess(Change c, List<Violation> out) {
        Access access = c.effectiveAccess();
        if (c.creating() && access == Access.PASSWORD && c.password() == null) {
            out.add(new Violation("password", "is required for PASSWORD access"));
        }
        if (c.password() != null && access != null && access != Access.PASSWORD) {
            out.add(new Violation("password", "is only used with PASSWORD access, but access is " + access.name().toLowerCase(Locale.ROOT)));
        }
    }

    private static void maxChars(List<Violation> out, ProviderOption<String> option, String value, int max) {
        if (value != null && chars(value) > max) {
            out.add(new Violation("options." + option, "must be at most " + max + " characters, was " + chars(value)));
        }
    }

    static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What a draft or an update asks for, in one shape, so one set of rules checks both; {@code null} = not given. */
    record Change(boolean creating, String title, String description, Instant start, Duration duration, ZoneId zone, Access access,
                  String password, List<String> hosts, List<String> invitees, MediaOptions media, LiveOptions live,
                  Recurrence recurrence, ProviderOptions options) {

        static Change of(SessionDraft d) {
            return new Change(true, d.title(), d.description(), d.start(), d.duration(), d.timeZone(), d.access(), d.password(),
                    d.hosts(), d.invitees(), d.media(), d.live(), d.recurrence(), d.options());
        }

        static Change of(SessionUpdate u) {
            return new Change(false, u.title(), u.description(), u.start(), u.duration(), u.timeZone(), u.access(), u.password(),
                    u.hosts(), u.invitees(), u.media(), u.live(), u.recurrence(), u.options());
        }

        /** The access asked for, with a draft's default (a password means PASSWORD) applied. */
        Access effectiveAccess() {
            if (access != null || !creating) {
                return access;
            }
            return password != null ? Access.PASSWORD : Access.OPEN;
        }

        MediaOptions.Recording recording() {
            return media == null ? null : media.autoRecording();
        }
    }
}
