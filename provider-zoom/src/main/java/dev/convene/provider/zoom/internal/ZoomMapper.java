package dev.convene.provider.zoom.internal;

import dev.convene.Access;
import dev.convene.JoinInfo;
import dev.convene.MediaOptions;
import dev.convene.Occurrence;
import dev.convene.ProviderOption;
import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.provider.zoom.ZoomOptions;
import dev.convene.provider.zoom.ZoomProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The neutral model and Zoom's wire, both ways, in plain Java: drafts and updates to request bodies (spec
 * §3.1, §4.1, §7), meeting and webinar objects to {@link Session}s. Nearly every field needs a rule (UTC
 * strings, minutes, settings folded into access and media, status from the clock), so no field is a plain
 * rename and MapStruct has nothing to do here.
 *
 * <p>The organizer is the host's Zoom user id ({@code host_id}): lists carry no e-mail (§3.5, §4.5), and a
 * session must name the same organizer however it was read; Zoom takes the id wherever a user goes.
 */
final class ZoomMapper {
    /** Compiled once: a session without alternative hosts ("") is the common case and needs no split at all. */
    private static final Pattern HOST_SEPARATORS = Pattern.compile("[,;]");

    private static final List<ProviderOption<?>> OPTIONS = List.of(ZoomOptions.HOST_VIDEO, ZoomOptions.PARTICIPANT_VIDEO,
            ZoomOptions.PANELISTS_VIDEO, ZoomOptions.AUDIO);

    private final Clock clock;

    ZoomMapper(Clock clock) {
        this.clock = clock;
    }

    // ---- neutral -> wire ----------------------------------------------------------------------

    /** The create body; {@code timezone} is the zone's Zoom name ({@link ZoomZone}), {@code recurrence} the rule to send. */
    static ZoomWire.SessionRequest create(SessionDraft d, String timezone, ZoomWire.Recurrence recurrence) {
        return new ZoomWire.SessionRequest(d.title(), type(d.kind(), d.recurrence() != null), wireTime(d.start()), minutes(d.duration()),
                timezone, d.password(), d.description(), settings(d.kind(), d.effectiveAccess(), d.hosts(), d.media(), d.options()), recurrence);
    }

    /**
     * A partial body: only what the update sets. {@code recurrence} is the rule to send (the update's, or the
     * stored one restated because Zoom ignores a new time of a recurring meeting without it, §4.3), and
     * {@code timezone} the zone's Zoom name ({@link ZoomZone}).
     */
    static ZoomWire.SessionRequest update(SessionKind kind, SessionUpdate u, String timezone, ZoomWire.Recurrence recurrence) {
        boolean settings = u.access() != null || u.hosts() != null || u.media() != null || OPTIONS.stream().anyMatch(o -> u.options().get(o).isPresent());
        // Removing the rule is the one-off type (§3.3, §4.3: the PATCH takes create's fields, type among them).
        Integer type = u.removesRecurrence() ? type(kind, false) : recurrence == null ? null : type(kind, true);
        return new ZoomWire.SessionRequest(u.title(), type, wireTime(u.start()),
                minutes(u.duration()), timezone, u.password(), u.description(),
                settings ? settings(kind, u.access(), u.hosts(), u.media(), u.options()) : null, recurrence);
    }

    /** §3.1: webinar 5, or 9 when recurring with a fixed time; §4.1: meeting 2, or 8. */
    private static Integer type(SessionKind kind, boolean recurring) {
        return kind == SessionKind.WEBINAR ? (recurring ? 9 : 5) : (recurring ? 8 : 2);
    }

    private static String wireTime(Instant instant) {
        return instant == null ? null : ZoomTimes.format(instant);
    }

    private static Integer minutes(Duration duration) {
        return duration == null ? null : Math.toIntExact(duration.toMinutes());
    }

    /**
     * Access → {@code approval_type} (0 = registration, approved automatically; 2 = no registration), hosts →
     * {@code alternative_hosts} (commas for webinars, semicolons for meetings, §3.9 / §4.1), media → the
     * meeting switches (webinars have none of those but recording); {@link ZoomOptions} → their settings.
     */
    private static ZoomWire.Settings settings(SessionKind kind, Access access, List<String> hosts, MediaOptions media, ProviderOptions options) {
        Integer approval = access == null ? null : access == Access.REGISTRATION ? 0 : 2;
        String alternative = hosts == null ? null : String.join(kind == SessionKind.WEBINAR ? "," : ";", hosts);
        boolean meeting = kind == SessionKind.MEETING;
        String recording = media == null || media.autoRecording() == null ? null : media.autoRecording().name().toLowerCase(Locale.ROOT);
        return new ZoomWire.Settings(approval, alternative, recording,
                meeting && media != null ? media.waitingRoom() : null,
                meeting && media != null ? media.muteOnEntry() : null,
                meeting && media != null ? media.joinBeforeHost() : null,
                options.get(ZoomOptions.HOST_VIDEO).orElse(null), options.get(ZoomOptions.PARTICIPANT_VIDEO).orElse(null),
                options.get(ZoomOptions.PANELISTS_VIDEO).orElse(null), options.get(ZoomOptions.AUDIO).orElse(null));
    }

    // ---- wire -> neutral ----------------------------------------------------------------------

    Session toSession(SessionKind kind, ZoomWire.Session w) {
        if (w.id() == null || w.topic() == null) {
            throw new IllegalArgumentException("a Zoom " + kind.wireName() + " without id or topic");
        }
        // A zone this JDK does not know is shown as UTC rather than failing the answer (a create's answer
        // lost is a session made twice): every time on the wire is UTC, so no instant moves. Changes that
        // depend on the zone refuse it instead (ZoomClient#storedZone).
        ZoneId zone = ZoomTimes.zone(w.timezone()).orElse(ZoneOffset.UTC);
        // §7: types 3 and 6 have no fixed time and no start_time; they are shown at their creation time.
        Instant start = w.startTime() != null ? ZoomTimes.parse(w.startTime())
                : w.createdAt() != null ? ZoomTimes.parse(w.createdAt()) : clock.instant();
        Duration duration = Duration.ofMinutes(w.duration() == null ? 0 : w.duration());
        ZoomWire.Settings s = w.settings();
        // An occurrence without a start cannot be placed in time; its id is not a safe stand-in, as an
        // occurrence moved on its own keeps the id of its first start.
        List<Occurrence> occurrences = w.occurrences() == null ? List.of() : w.occurrences().stream()
                .filter(o -> o.startTime() != null)
                .map(o -> occurrence(o, duration)).toList();
        String password = blankToNull(w.password());
        Recurrence recurrence = w.recurrence() == null ? null : ZoomRecurrences.fromWire(w.recurrence(), start, zone);
        return Session.builder()
                .id(SessionId.of(ZoomProvider.ID, kind, Long.toString(w.id())))
                .title(w.topic())
                .description(blankToNull(w.agenda()))
                .start(start)
                .duration(duration)
                .timeZone(zone)
                .status(status(w.status(), start, duration, occurrences))
                .organizer(w.hostId())
                .hosts(s == null ? List.of() : hosts(s.alternativeHosts()))
                .access(s != null && s.approvalType() != null && s.approvalType() != 2 ? Access.REGISTRATION
                        : password != null ? Access.PASSWORD : Access.OPEN)
                .password(password)
                .media(s == null ? MediaOptions.DEFAULTS : new MediaOptions(s.muteUponEntry(), s.waitingRoom(), s.joinBeforeHost(), recording(s.autoRecording())))
                .recurrence(recurrence)
                .join(new JoinInfo(w.joinUrl(), Long.toString(w.id()), kind == SessionKind.WEBINAR ? w.joinUrl() : null, w.startUrl()))
                .occurrences(occurrences)
                .build();
    }

    private Occurrence occurrence(ZoomWire.Occurrence o, Duration fallback) {
        Instant start = ZoomTimes.parse(o.startTime());
        Duration duration = o.duration() == null ? fallback : Duration.ofMinutes(o.duration());
        SessionStatus status = "deleted".equals(o.status()) ? SessionStatus.CANCELLED : byClock(start, duration);
        return new Occurrence(o.occurrenceId(), start, duration, status);
    }

    /** Meetings say {@code started}; otherwise the clock decides (webinars report no status, §3.2). */
    private SessionStatus status(String wireStatus, Instant start, Duration duration, List<Occurrence> occurrences) {
        if ("started".equals(wireStatus)) {
            return SessionStatus.LIVE;
        }
        if (!occurrences.isEmpty()) {
            if (occurrences.stream().anyMatch(o -> o.status() == SessionStatus.LIVE)) {
                return SessionStatus.LIVE;
            }
            return occurrences.stream().anyMatch(o -> o.status() == SessionStatus.SCHEDULED) ? SessionStatus.SCHEDULED : SessionStatus.ENDED;
        }
        return byClock(start, duration);
    }

    private SessionStatus byClock(Instant start, Duration duration) {
        Instant now = clock.instant();
        if (now.isBefore(start)) {
            return SessionStatus.SCHEDULED;
        }
        return now.isBefore(start.plus(duration)) ? SessionStatus.LIVE : SessionStatus.ENDED;
    }

    private static List<String> hosts(String alternativeHosts) {
        if (alternativeHosts == null || alternativeHosts.isBlank()) {
            return List.of();
        }
        return Arrays.stream(HOST_SEPARATORS.split(alternativeHosts)).map(String::trim).filter(h -> !h.isEmpty()).toList();
    }

    private static MediaOptions.Recording recording(String autoRecording) {
        if (autoRecording == null) {
            return null;
        }
        return switch (autoRecording.toLowerCase(Locale.ROOT)) {
            case "local" -> MediaOptions.Recording.LOCAL;
            case "cloud" -> MediaOptions.Recording.CLOUD;
            default -> MediaOptions.Recording.NONE;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
