package dev.convene.cli;

import com.squareup.moshi.JsonWriter;
import dev.convene.Capabilities;
import dev.convene.KindCapabilities;
import dev.convene.Limits;
import dev.convene.Occurrence;
import dev.convene.ProviderInfo;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.events.Event;
import dev.convene.TextLimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import okio.Buffer;

/** The contract's {@code --json} shapes. */
final class Json {
    private Json() {
    }

    interface Body {
        void write(JsonWriter w) throws IOException;
    }

    static String render(Body body) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setIndent("  ");
            w.setSerializeNulls(true);
            body.write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    /**
     * What {@code listen} prints for an accepted event: one line, never the payload (Zoom's recording payloads
     * carry download tokens).
     */
    static String event(Event e) {
        Buffer buffer = new Buffer();
        try (JsonWriter w = JsonWriter.of(buffer)) {
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("provider").value(e.provider());
            w.name("tenant").value(e.tenant());
            w.name("change").value(e.change().wireName());
            w.name("sessionId").value(e.sessionId() == null ? null : e.sessionId().toString());
            w.name("kindKnown").value(e.kindKnown());
            strings(w, "possibleKinds", e.possibleKinds().stream().map(SessionKind::wireName).toList());
            w.name("occurredAt").value(e.occurredAt().toString());
            w.name("dedupKey").value(e.dedupKey());
            w.name("vendorEvent").value(e.vendorEvent());
            w.endObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return buffer.readUtf8();
    }

    static String session(Session s) {
        return render(w -> session(w, s));
    }

    /** What {@code cancel --json} prints: the id and the state the session is now in. */
    static String cancelled(SessionId id) {
        return render(w -> {
            w.beginObject();
            w.name("id").value(id.toString());
            w.name("status").value(SessionStatus.CANCELLED.name().toLowerCase(Locale.ROOT));
            w.endObject();
        });
    }

    /** What {@code check --json} prints when the vendor accepted the credentials. */
    static String credentialsAccepted(String provider) {
        return render(w -> {
            w.beginObject();
            w.name("provider").value(provider);
            w.name("credentials").value("accepted");
            w.endObject();
        });
    }

    static String sessions(List<Session> sessions) {
        return render(w -> {
            w.beginArray();
            for (Session s : sessions) {
                session(w, s);
            }
            w.endArray();
        });
    }

    static void session(JsonWriter w, Session s) throws IOException {
        DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        w.beginObject();
        w.name("id").value(s.id().toString());
        w.name("provider").value(s.id().provider());
        w.name("kind").value(s.kind().wireName());
        w.name("nativeId").value(s.id().nativeId());
        w.name("title").value(s.title());
        w.name("description").value(s.description());
        w.name("start").value(iso.format(s.localStart()));
        w.name("end").value(iso.format(s.end().atZone(s.timeZone())));
        w.name("timeZone").value(s.timeZone().getId());
        w.name("status").value(s.status().name().toLowerCase(Locale.ROOT));
        w.name("organizer").value(s.organizer());
        strings(w, "hosts", s.hosts());
        strings(w, "invitees", s.invitees());
        w.name("access").value(s.access().name().toLowerCase(Locale.ROOT));
        w.name("password").value(s.password());
        w.name("joinUrl").value(s.join().joinUrl());
        w.name("meetingCode").value(s.join().meetingCode());
        w.name("audienceUrl").value(s.join().audienceUrl());
        w.name("panelistUrl").value(s.join().panelistUrl());
        w.name("recurrence").value(s.recurrence() == null ? null : s.recurrence().toRRule());
        w.name("occurrences").beginArray();
        for (Occurrence o : s.occurrences()) {
            w.beginObject();
            w.name("id").value(o.occurrenceId());
            w.name("start").value(iso.format(o.start().atZone(s.timeZone())));
            w.name("status").value(o.status().name().toLowerCase(Locale.ROOT));
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }

    static String providers(List<ProviderInfo> providers) {
        return render(w -> {
            w.beginArray();
            for (ProviderInfo p : providers) {
                w.beginObject();
                w.name("id").value(p.id());
                w.name("displayName").value(p.displayName());
                w.name("kinds").beginObject();
                Capabilities caps = p.capabilities();
                for (SessionKind kind : caps.supportedKinds().stream().sorted().toList()) {
                    KindCapabilities k = caps.of(kind).orElseThrow();
                    w.name(kind.wireName()).beginObject();
                    strings(w, "operations", k.operations().stream().sorted().map(o -> o.name().toLowerCase(Locale.ROOT)).toList());
                    strings(w, "features", k.features().stream().sorted().map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
                    Limits l = k.limits();
                    w.name("limits").beginObject();
                    text(w, "title", l.title());
                    text(w, "description", l.description());
                    w.name("minDuration").value(l.minDuration().toString());
                    w.name("maxDuration").value(l.maxDuration().toString());
                    w.name("maxHosts").value(l.maxHosts());
                    w.name("maxInvitees").value(l.maxInvitees());
                    w.name("passwordRule").value(l.passwordRule());
                    w.name("maxOccurrences").value(l.maxOccurrences());
                    w.endObject();
                    w.endObject();
                }
                w.endObject();
                w.endObject();
            }
            w.endArray();
        });
    }

    /** A text limit: the characters and UTF-8 bytes it allows (null where unlimited), whether either suffices, and the rule in words. */
    private static void text(JsonWriter w, String name, TextLimit limit) throws IOException {
        w.name(name).beginObject();
        w.name("maxCharacters").value(limit.maxCharacters() == Limits.UNLIMITED ? null : (Integer) limit.maxCharacters());
        w.name("maxBytes").value(limit.maxBytes() == Limits.UNLIMITED ? null : (Integer) limit.maxBytes());
        w.name("eitherSuffices").value(limit.eitherSuffices());
        w.name("rule").value(limit.toString());
        w.endObject();
    }

    private static void strings(JsonWriter w, String name, List<String> values) throws IOException {
        w.name(name).beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }
}
