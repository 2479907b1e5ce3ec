package dev.convene.provider.tencentmeeting.internal;

import dev.convene.Access;
import dev.convene.LiveOptions;
import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions.MeetingSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tencent Meeting's documented rules that core's generic {@link dev.convene.Limits} cannot express,
 * all reported at once (seed 002, spec §3–4); the subject's 512 UTF-8 bytes are a declared limit. Host key and location
 * formats, the live password that enabling one requires, webinar admission type against password,
 * the webinar's 30-minute lead, and what a recurrence must look like to be bookable.
 */
final class TencentMeetingRules {
    /** "start_time 不能少于当前时间戳半小时以上": read as "at least 30 minutes ahead", the stricter reading. */
    static final Duration WEBINAR_LEAD = Duration.ofMinutes(30);
    private static final int LOCATION_MAX_WIDTH = 36;
    private static final int SPONSOR_MAX = 40;

    private TencentMeetingRules() {
    }

    static List<Violation> draft(SessionDraft d, Instant now) {
        List<Violation> out = new ArrayList<>();
        boolean webinar = d.kind() == SessionKind.WEBINAR;
        options(out, d.kind(), d.options());
        Access access = d.effectiveAccess();
        if (access == Access.PASSWORD && d.password() == null) {
            out.add(new Violation("password", "is required when access is PASSWORD: Tencent Meeting does not generate one"));
        }
        if (access != Access.PASSWORD && d.password() != null) {
            out.add(new Violation("password", "must not be set when access is " + access
                    + (webinar ? " (a webinar password needs admission type 2, PASSWORD)" : "")));
        }
        if (d.kind() == SessionKind.LIVE_STREAM) {
            livePassword(out, d.live());
        }
        if (webinar) {
            webinarStart(out, d.start(), now);
            description(out, d.description());
        }
        if (d.recurrence() != null && d.start() != null) {
            out.addAll(TencentMeetingRecurrences.check(d.recurrence(), d.start().atZone(TencentMeetingMapper.keptZone(d.timeZone())), false));
        }
        return out;
    }

    /**
     * What can be checked of an update without knowing the session's current state; {@code organizer} is the
     * userid that sends the modify.
     */
    static List<Violation> update(SessionKind kind, SessionUpdate u, String organizer, Instant now) {
        List<Violation> out = new ArrayList<>();
        options(out, kind, u.options());
        // Spec §3.5: hosts, if given, must include the userid that modifies; [] clears them.
        if (kind != SessionKind.WEBINAR && u.hosts() != null && !u.hosts().isEmpty() && !u.hosts().contains(organizer)) {
            out.add(new Violation("hosts", "must include " + organizer + ", who makes the change (Tencent Meeting's modify rule), or be empty"));
        }
        if (u.access() != null && u.access() != Access.PASSWORD && u.password() != null) {
            out.add(new Violation("password", "must not be set when access is " + u.access()));
        }
        if (kind == SessionKind.LIVE_STREAM && u.live() != null) {
            livePassword(out, u.live());
        }
        if (kind == SessionKind.WEBINAR) {
            if (u.start() != null) {
                webinarStart(out, u.start(), now);
            }
            if (u.hosts() != null && u.hosts().isEmpty()) {
                out.add(new Violation("hosts", "must name at least one host: a webinar cannot be without"));
            }
            description(out, u.description());
        }
        if (u.recurrence() != null && u.recurrence().count() != null && u.recurrence().count() > TencentMeetingRecurrences.MAX_ON_MODIFY) {
            out.add(new Violation("recurrence.count", "must be at most " + TencentMeetingRecurrences.MAX_ON_MODIFY
                    + " when changed by an update (Tencent Meeting's modify limit), was " + u.recurrence().count()));
        }
        return out;
    }

    /** The rules that need the session as it is now: the combined result of {@code current} and {@code u}. */
    static List<Violation> updateOf(Session current, SessionUpdate u, Instant now) {
        List<Violation> out = new ArrayList<>();
        Instant start = u.start() != null ? u.start() : current.start();
        ZoneId zone = TencentMeetingMapper.zoneAfter(current, u);
        boolean timesChange = u.start() != null || u.duration() != null;
        if (current.kind() == SessionKind.WEBINAR) {
            Access access = TencentMeetingMapper.access(current, u);
            if (access == Access.PASSWORD && u.password() == null && current.password() == null) {
                out.add(new Violation("password", "is required when access is PASSWORD (webinar admission type 2)"));
            }
            if (timesChange && !start.isAfter(now)) {
                out.add(new Violation("start", "must be in the future when a webinar's times change, was " + start));
            }
            return out;
        }
        if (u.access() == Access.PASSWORD && u.password() == null && current.password() == null) {
            out.add(new Violation("password", "is required when access is PASSWORD: Tencent Meeting does not generate one"));
        }
        Recurrence rule = u.recurrence() != null ? u.recurrence() : u.start() != null ? current.recurrence() : null;
        if (rule != null) {
            out.addAll(TencentMeetingRecurrences.check(rule, start.atZone(zone), u.recurrence() != null));
            // Core compares the end with the start only when the update gives a start; otherwise it is the stored one.
            if (u.start() == null && rule.until() != null && rule.until().isBefore(start.atZone(zone).toLocalDate())) {
                out.add(new Violation("recurrence.until", "must not be before the session's start date " + start.atZone(zone).toLocalDate()
                        + ", was " + rule.until()));
            }
        }
        return out;
    }

    private static void livePassword(List<Violation> out, LiveOptions live) {
        if (live.password() != null && live.password().isBlank()) {
            out.add(new Violation("live.password", "must not be empty: Tencent Meeting requires a live password once one is enabled"));
        }
    }

    private static void webinarStart(List<Violation> out, Instant start, Instant now) {
        if (start != null && start.isBefore(now.plus(WEBINAR_LEAD))) {
            out.add(new Violation("start", "must be at least 30 minutes from now for a Tencent Meeting webinar, was " + start));
        }
    }

    private static void description(List<Violation> out, String description) {
        if (description != null && description.isEmpty()) {
            out.add(new Violation("description", "must not be empty (1 to 5000 characters)"));
        }
    }

    private static void options(List<Violation> out, SessionKind kind, ProviderOptions o) {
        boolean webinar = kind == SessionKind.WEBINAR;
        o.get(TencentMeetingOptions.HOST_KEY).ifPresent(key -> {
            if (!key.matches("\\d{6}")) {
                out.add(new Violation("options.host-key", "must be 6 digits"));
            }
        });
        o.get(TencentMeetingOptions.LOCATION).ifPresent(location -> {
            int width = location.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 2 : 1).sum();
            if (width > LOCATION_MAX_WIDTH) {
                out.add(new Violation("options.location", "must be at most 18 Chinese characters or 36 letters"));
            }
        });
        o.get(TencentMeetingOptions.SPONSOR).ifPresent(sponsor -> {
            int length = sponsor.codePointCount(0, sponsor.length());
            if (length < 1 || length > SPONSOR_MAX) {
                out.add(new Violation("options.sponsor", "must be 1 to " + SPONSOR_MAX + " characters, was " + length));
            }
        });
        o.get(TencentMeetingOptions.SETTINGS).ifPresent(s -> settings(out, s));
        onlyFor(out, o, webinar, "meetings and live streams", TencentMeetingOptions.HOST_KEY, TencentMeetingOptions.LOCATION,
                TencentMeetingOptions.SETTINGS);
        onlyFor(out, o, kind != SessionKind.LIVE_STREAM, "live streams", TencentMeetingOptions.LIVE_SUBJECT, TencentMeetingOptions.LIVE_CHAT);
        onlyFor(out, o, !webinar, "webinars", TencentMeetingOptions.SPONSOR);
    }

    private static void settings(List<Violation> out, MeetingSettings s) {
        oneOf(out, "options.settings.muteEnableTypeJoin", s.muteEnableTypeJoin(), Set.of(0, 1, 2));
        oneOf(out, "options.settings.waterMarkType", s.waterMarkType(), Set.of(0, 1));
        oneOf(out, "options.settings.onlyUserJoinType", s.onlyUserJoinType(), Set.of(1, 2, 3));
    }

    private static void oneOf(List<Violation> out, String field, Integer value, Set<Integer> allowed) {
        if (value != null && !allowed.contains(value)) {
            out.add(new Violation(field, "must be one of " + allowed.stream().sorted().toList() + ", was " + value));
        }
    }

    private static void onlyFor(List<Violation> out, ProviderOptions o, boolean wrongKind, String kinds,
                                dev.convene.ProviderOption<?>... options) {
        if (!wrongKind) {
            return;
        }
        for (dev.convene.ProviderOption<?> option : options) {
            if (o.get(option).isPresent()) {
                out.add(new Violation("options." + option.name(), "applies to " + kinds + " only"));
            }
        }
    }
}
