package dev.convene.reliability.fuzz;

import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Drafts and updates as the Java that builds them, so a failing generated case can be pasted into the
 * corpus ({@link DraftCorpusTest}) as it is. Long runs of one character are written as {@code repeat}.
 */
final class Show {
    private Show() {
    }

    static String draft(SessionDraft d) {
        return "SessionDraft.builder(" + (d.kind() == null ? "null" : "SessionKind." + d.kind()) + ")"
                + ".title(" + str(d.title()) + ").description(" + str(d.description()) + ").start(" + instant(d.start())
                + ").duration(" + duration(d.duration()) + ").timeZone(" + zone(d.timeZone()) + ").organizer(" + str(d.organizer())
                + ").hosts(" + list(d.hosts()) + ").invitees(" + list(d.invitees())
                + ").access(" + (d.access() == null ? "null" : "Access." + d.access()) + ").password(" + str(d.password())
                + ").media(" + media(d.media()) + ").live(" + live(d.live()) + ").recurrence(" + rule(d.recurrence()) + ").build()";
    }

    static String update(SessionUpdate u) {
        return "SessionUpdate.builder().title(" + str(u.title()) + ").description(" + str(u.description()) + ").start(" + instant(u.start())
                + ").duration(" + duration(u.duration()) + ").timeZone(" + zone(u.timeZone()) + ").hosts(" + list(u.hosts())
                + ").invitees(" + list(u.invitees()) + ").access(" + (u.access() == null ? "null" : "Access." + u.access())
                + ").password(" + str(u.password()) + ").media(" + media(u.media()) + ").live(" + live(u.live())
                + ").recurrence(" + rule(u.recurrence()) + ").build()";
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        // A long run of one code point is written as "x".repeat(n).
        if (s.length() > 40 && s.codePoints().distinct().count() == 1) {
            String one = new String(Character.toChars(s.codePointAt(0)));
            return literal(one) + ".repeat(" + s.codePointCount(0, s.length()) + ")";
        }
        return literal(s);
    }

    private static String literal(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.append('"').toString();
    }

    private static String instant(Instant i) {
        return i == null ? "null" : "Instant.parse(\"" + i + "\")";
    }

    private static String duration(Duration d) {
        return d == null ? "null" : "Duration.parse(\"" + d + "\")";
    }

    private static String zone(ZoneId z) {
        return z == null ? "null" : "ZoneId.of(\"" + z.getId() + "\")";
    }

    private static String list(List<String> l) {
        return l == null ? "null" : (l.contains(null) ? "Arrays.asList(" : "List.of(") + l.stream().map(Show::str).collect(Collectors.joining(", ")) + ")";
    }

    private static String media(MediaOptions m) {
        return m == null ? "null" : "new MediaOptions(" + m.muteOnEntry() + ", " + m.waitingRoom() + ", " + m.joinBeforeHost() + ", "
                + (m.autoRecording() == null ? "null" : "MediaOptions.Recording." + m.autoRecording()) + ")";
    }

    private static String live(LiveOptions l) {
        return l == null ? "null" : "new LiveOptions(" + str(l.password()) + ", " + l.replay() + ")";
    }

    private static String rule(Recurrence r) {
        return r == null ? "null" : "Recurrence.parse(\"" + r.toRRule() + "\")";
    }
}
