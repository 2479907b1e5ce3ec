package dev.convene.provider.zoom.internal;

import dev.convene.Access;
import dev.convene.ProviderOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.provider.zoom.ZoomOptions;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Zoom's rules that core's {@link dev.convene.Limits} cannot express, checked before anything is sent: zones Zoom
 * can name, whole minutes, the list separators hosts must not hold, texts counted in UTF-16 units, the series Zoom
 * takes ({@link ZoomRecurrences}, {@link ZoomZone}), a password for password access and the {@link ZoomOptions}.
 */
final class ZoomRules {
    private ZoomRules() {
    }

    static List<Violation> check(SessionDraft d) {
        List<Violation> out = new ArrayList<>();
        options(out, d.kind(), d.options());
        common(out, d.timeZone(), d.duration(), d.hosts(), d.recurrence());
        out.addAll(ZoomZone.check(d.timeZone(), d.start(), d.recurrence()));
        utf16(out, "title", d.title(), 200);
        utf16(out, "description", d.description(), 2000);
        if (d.effectiveAccess() == Access.PASSWORD && d.password() == null) {
            out.add(new Violation("password", "is required when access is PASSWORD (Zoom would invent one)"));
        }
        return out;
    }

    static List<Violation> check(SessionId id, SessionUpdate u) {
        List<Violation> out = new ArrayList<>();
        if (!id.nativeId().matches("\\d{1,19}")) {
            out.add(new Violation("id", "must be Zoom's numeric meeting or webinar id, was '" + id.nativeId() + "'"));
        }
        options(out, id.kind(), u.options());
        common(out, u.timeZone(), u.duration(), u.hosts(), u.recurrence());
        utf16(out, "title", u.title(), 200);
        utf16(out, "description", u.description(), 2000);
        if (u.access() == Access.PASSWORD && u.password() == null) {
            out.add(new Violation("password", "is required when access changes to PASSWORD"));
        }
        return out;
    }

    /**
     * Zoom counts a text's length in UTF-16 units, so a character beyond the BMP (an emoji) counts twice;
     * reported only where the declared limit, in code points, held.
     */
    private static void utf16(List<Violation> out, String field, String value, int max) {
        if (value != null && value.length() > max && value.codePointCount(0, value.length()) <= max) {
            out.add(new Violation(field, "must be at most " + max + " UTF-16 units on Zoom (an emoji counts as 2), was " + value.length()));
        }
    }

    private static void common(List<Violation> out, ZoneId zone, Duration duration, List<String> hosts, Recurrence recurrence) {
        if (zone != null && !ZoomTimes.hasZoomName(zone) && ZoomTimes.bareOffset(zone).isEmpty()) {
            out.add(new Violation("timeZone", "must be a region id such as Asia/Shanghai, UTC, or an offset such as +08:00; Zoom has no name for " + zone));
        }
        if (duration != null && (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0)) {
            out.add(new Violation("duration", "must be whole minutes on Zoom, was " + duration));
        }
        if (hosts != null) {
            for (int i = 0; i < hosts.size(); i++) {
                if (hosts.get(i) != null && hosts.get(i).matches(".*[,;].*")) {
                    out.add(new Violation("hosts[" + i + "]", "must not contain ',' or ';' (Zoom's list separators)"));
                }
            }
        }
        if (recurrence != null) {
            out.addAll(ZoomRecurrences.check(recurrence));
        }
    }

    /** Each {@link ZoomOptions} applies to the kinds whose settings have it, with the values Zoom takes (spec §3.9, §4.1). */
    private static void options(List<Violation> out, SessionKind kind, ProviderOptions o) {
        if (kind != SessionKind.MEETING && o.get(ZoomOptions.PARTICIPANT_VIDEO).isPresent()) {
            out.add(new Violation("options." + ZoomOptions.PARTICIPANT_VIDEO, "applies to meetings only"));
        }
        if (kind != SessionKind.WEBINAR && o.get(ZoomOptions.PANELISTS_VIDEO).isPresent()) {
            out.add(new Violation("options." + ZoomOptions.PANELISTS_VIDEO, "applies to webinars only"));
        }
        List<String> audio = kind == SessionKind.MEETING ? List.of("both", "telephony", "voip", "thirdParty") : List.of("both", "telephony", "voip");
        o.get(ZoomOptions.AUDIO).filter(a -> !audio.contains(a)).ifPresent(a ->
                out.add(new Violation("options." + ZoomOptions.AUDIO, "must be one of " + String.join(", ", audio) + ", was '" + a + "'")));
    }
}
