package dev.convene.cli;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.KindCapabilities;
import dev.convene.Limits;
import dev.convene.Operation;
import dev.convene.ProviderInfo;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.TextLimit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Output for people: aligned fields and tables. Text that came from a vendor (titles, descriptions, names, links,
 * messages) goes through {@link #visible} first, so that it cannot drive the terminal; {@code --json} output is
 * exact JSON instead, where the same characters are JSON escapes.
 */
final class Text {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    private Text() {
    }

    /**
     * {@code text} with every character that could steer a terminal or hide what is shown written as an escape:
     * control characters ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b}-style, so no escape sequence
     * clears a screen or sets a window title), bidirectional overrides and isolates, line and paragraph separators, and
     * lone surrogates. Everything else, CJK and emoji included, is kept. {@code null} stays {@code null}.
     */
    static String visible(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (b != null) {
                    b.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!steers(c)) {
                if (b != null) {
                    b.append(c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return b == null ? text : b.toString();
    }

    /** As {@link #visible}, line by line: for messages whose own line breaks are part of the layout. */
    static String visibleLines(String text) {
        return text == null ? null : String.join("\n", java.util.Arrays.stream(text.split("\n", -1)).map(Text::visible).toList());
    }

    private static boolean steers(char c) {
        return Character.isISOControl(c) || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029' || c == '\u061c'
                || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
    }

    static String session(Session s) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", s.id().toString());
        f.put("title", s.title());
        f.put("status", s.status().name().toLowerCase(Locale.ROOT));
        f.put("start", WHEN.format(s.localStart()) + " (" + s.timeZone().getId() + ")");
        f.put("end", WHEN.format(s.end().atZone(s.timeZone())));
        f.put("organizer", s.organizer());
        f.put("description", s.description());
        f.put("hosts", s.hosts().isEmpty() ? null : String.join(", ", s.hosts()));
        f.put("invitees", s.invitees().isEmpty() ? null : String.join(", ", s.invitees()));
        f.put("access", s.access().name().toLowerCase(Locale.ROOT) + (s.password() == null ? "" : " (password " + s.password() + ")"));
        f.put("recurrence", s.recurrence() == null ? null : s.recurrence().toRRule());
        f.put("occurrences", s.occurrences().isEmpty() ? null : Integer.toString(s.occurrences().size()));
        f.put("join url", s.join().joinUrl());
        f.put("meeting code", s.join().meetingCode());
        f.put("audience url", s.join().audienceUrl());
        f.put("panelist url", s.join().panelistUrl());
        int width = f.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder b = new StringBuilder();
        f.forEach((k, v) -> {
            if (v != null) {
                b.append(pad(k, width)).append("  ").append(visible(v)).append('\n');
            }
        });
        return b.toString();
    }

    static String sessions(List<Session> sessions) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("ID", "START", "STATUS", "TITLE"));
        for (Session s : sessions) {
            rows.add(List.of(visible(s.id().toString()), WHEN.format(s.localStart()), s.status().name().toLowerCase(Locale.ROOT), visible(s.title())));
        }
        return table(rows, false) + sessions.size() + " session" + (sessions.size() == 1 ? "" : "s") + "\n";
    }

    /** Each provider's capability grid: operations and features down, kinds across. */
    static String providers(List<ProviderInfo> providers, boolean markdown) {
        StringBuilder b = new StringBuilder();
        for (ProviderInfo p : providers) {
            b.append(markdown ? "#### `" + p.id() + "` — " + p.displayName() + "\n\n" : p.id() + " — " + p.displayName() + "\n");
            b.append(table(grid(p.capabilities()), markdown)).append('\n');
        }
        return b.toString();
    }

    private static List<List<String>> grid(Capabilities caps) {
        List<SessionKind> kinds = List.of(SessionKind.values());
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(""));
        kinds.forEach(k -> header.add(k.wireName()));
        rows.add(header);
        for (Operation op : Operation.values()) {
            List<String> row = new ArrayList<>(List.of(op.name().toLowerCase(Locale.ROOT)));
            kinds.forEach(k -> row.add(caps.supports(k, op) ? "yes" : "-"));
            rows.add(row);
        }
        for (Feature feature : Feature.values()) {
            List<String> row = new ArrayList<>(List.of(feature.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
            kinds.forEach(k -> row.add(caps.supports(k, feature) ? "yes" : "-"));
            rows.add(row);
        }
        List<String> title = new ArrayList<>(List.of("title length"));
        List<String> description = new ArrayList<>(List.of("description length"));
        List<String> duration = new ArrayList<>(List.of("duration"));
        List<String> invitees = new ArrayList<>(List.of("max invitees"));
        List<String> password = new ArrayList<>(List.of("password rule"));
        List<String> occurrences = new ArrayList<>(List.of("max occurrences"));
        for (SessionKind k : kinds) {
            KindCapabilities c = caps.of(k).orElse(null);
            title.add(c == null ? "-" : text(c.limits().title()));
            description.add(c == null || !c.supports(Feature.DESCRIPTION) ? "-" : text(c.limits().description()));
            duration.add(c == null ? "-" : human(c.limits().minDuration()) + "–" + human(c.limits().maxDuration()));
            invitees.add(c == null || !c.supports(Feature.INVITEES) ? "-" : Integer.toString(c.limits().maxInvitees()));
            password.add(c == null || c.limits().passwordRule() == null ? "-" : c.limits().passwordRule());
            occurrences.add(c == null || !c.supports(Feature.RECURRENCE) ? "-" : Integer.toString(c.limits().maxOccurrences()));
        }
        rows.addAll(List.of(title, description, duration, invitees, password, occurrences));
        return rows;
    }

    /** A text limit in a matrix cell: {@code 20 chars or 40 bytes}, {@code 512 bytes}, {@code 20 chars, 60 bytes}. */
    private static String text(TextLimit limit) {
        String chars = limit.maxCharacters() + " chars";
        String bytes = limit.maxBytes() + " bytes";
        if (limit.maxBytes() == Limits.UNLIMITED) {
            return chars;
        }
        if (limit.maxCharacters() == Limits.UNLIMITED) {
            return bytes;
        }
        return chars + (limit.eitherSuffices() ? " or " : ", ") + bytes;
    }

    private static String human(java.time.Duration d) {
        if (d.toSecondsPart() == 0 && d.toMinutesPart() == 0 && d.toHoursPart() == 0 && d.toDays() > 1) {
            return d.toDays() + "d";
        }
        if (d.toSecondsPart() == 0 && d.toMinutesPart() == 0) {
            return d.toHours() + "h";
        }
        if (d.toSecondsPart() == 0) {
            return d.toMinutes() + "m";
        }
        return d.toSeconds() + "s";
    }

    static String table(List<List<String>> rows, boolean markdown) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row.get(i).codePointCount(0, row.get(i).length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (markdown) {
                b.append('|');
                for (int i = 0; i < columns; i++) {
                    b.append(' ').append(pad(row.get(i), width[i])).append(" |");
                }
                b.append('\n');
                if (r == 0) {
                    b.append('|');
                    for (int i = 0; i < columns; i++) {
                        b.append("-".repeat(width[i] + 2)).append('|');
                    }
                    b.append('\n');
                }
            } else {
                for (int i = 0; i < columns; i++) {
                    b.append(i == columns - 1 ? row.get(i) : pad(row.get(i), width[i]) + "  ");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.codePointCount(0, s.length())));
    }
}
