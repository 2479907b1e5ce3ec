package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One meeting or webinar the fake holds. Mutable, but only touched under the simulator's lock.
 *
 * <p>State follows the clock (spec §10 item 13): a session is live while the clock is inside one of its
 * windows (the scheduled slot, or an occurrence's), ended once every window is past, and expired 30 days
 * after it ended (§2: meeting ids expire 30 days after last use). A test can also start or end a session
 * by hand, which wins over the clock.
 */
final class ZoomSession {
    /** One occurrence of a recurring session with a fixed time; {@code id} is the start in epoch milliseconds (§2). */
    static final class Occurrence {
        final String id;
        Instant start;
        int duration;
        String agenda;
        boolean deleted;

        Occurrence(Instant start, int duration) {
            this.id = Long.toString(start.toEpochMilli());
            this.start = start;
            this.duration = duration;
        }

        Instant end() {
            return start.plus(Duration.ofMinutes(duration));
        }
    }

    static final Duration EXPIRY = Duration.ofDays(30);

    final Kind kind;
    final long id;
    final String uuid;
    final String accountId;
    final Instant createdAt;
    final String joinSecret;
    String hostId;
    String topic;
    int type;
    Instant start;
    int duration;
    String timezone;
    String password = "";
    String agenda = "";
    ObjectNode settings;
    ObjectNode recurrence;
    ArrayNode trackingFields;
    boolean simulive;
    String recordFileId;
    boolean preSchedule;
    List<Occurrence> occurrences = new ArrayList<>();
    boolean deleted;
    Instant startedByHand;
    Instant endedByHand;
    /** Seed fixtures are answered exactly as the seed documents them until something changes them. */
    ObjectNode verbatim;
    /** Seed fixtures are exempt from expiry: their documented dates are long past. */
    boolean pinned;

    ZoomSession(Kind kind, long id, String uuid, String accountId, Instant createdAt, String joinSecret) {
        this.kind = kind;
        this.id = id;
        this.uuid = uuid;
        this.accountId = accountId;
        this.createdAt = createdAt;
        this.joinSecret = joinSecret;
    }

    boolean recurringWithFixedTime() {
        return type == 8 || type == 9;
    }

    boolean noFixedTime() {
        return type == 3 || type == 6;
    }

    boolean instant() {
        return type == 1;
    }

    /** The slots the session occupies: its occurrences, or its one scheduled slot. */
    private List<Occurrence> windows() {
        if (noFixedTime()) {
            return List.of();
        }
        if (recurringWithFixedTime()) {
            return occurrences.stream().filter(o -> !o.deleted).toList();
        }
        return List.of(new Occurrence(start, duration));
    }

    boolean live(Instant now, boolean clockDrives) {
        if (endedByHand != null) {
            return false;
        }
        if (startedByHand != null) {
            return true;
        }
        return clockDrives && windows().stream().anyMatch(w -> !now.isBefore(w.start) && now.isBefore(w.end()));
    }

    boolean ended(Instant now, boolean clockDrives) {
        if (endedByHand != null) {
            return true;
        }
        List<Occurrence> w = windows();
        return clockDrives && startedByHand == null && !w.isEmpty() && w.stream().allMatch(o -> !now.isBefore(o.end()));
    }

    boolean expired(Instant now, boolean clockDrives) {
        if (pinned || !ended(now, clockDrives)) {
            return false;
        }
        Instant last = endedByHand != null ? endedByHand
                : windows().stream().map(Occurrence::end).max(Instant::compareTo).orElse(createdAt);
        return !now.isBefore(last.plus(EXPIRY));
    }

    Optional<Occurrence> occurrence(String occurrenceId) {
        return occurrences.stream().filter(o -> !o.deleted && o.id.equals(occurrenceId)).findFirst();
    }

    /** The neutral-ish word the control surface reports. */
    String statusWord(Instant now, boolean clockDrives) {
        if (deleted) {
            return "deleted";
        }
        return live(now, clockDrives) ? "started" : ended(now, clockDrives) ? "ended" : "waiting";
    }

    String joinUrl() {
        return "https://zoom.us/" + (kind == Kind.WEBINAR ? "w/" : "j/") + id + "?pwd=" + joinSecret;
    }

    /**
     * The object GET answers (§3.2, §4.2) or create returns (§3.1, §4.1).
     *
     * @param occurrence        when asked with {@code occurrence_id}: that occurrence's time and agenda
     * @param showPrevious      {@code show_previous_occurrences}: include occurrences that already ended
     */
    ObjectNode render(ObjectMapper json, User host, Instant now, boolean clockDrives, boolean forGet,
                      Occurrence occurrence, boolean showPrevious) {
        if (verbatim != null) {
            return verbatim.deepCopy();
        }
        ObjectNode o = json.createObjectNode();
        o.put("id", id);
        o.put("uuid", uuid);
        // The create-meeting 201 schema documents host_email, not host_id (spec, corrections); GET answers carry both.
        if (forGet || kind == Kind.WEBINAR) {
            o.put("host_id", host.id());
        }
        o.put("host_email", host.email());
        o.put("topic", topic);
        o.put("type", type);
        if (kind == Kind.MEETING && forGet) {
            o.put("status", live(now, clockDrives) ? "started" : "waiting");
        }
        if (!noFixedTime()) {
            o.put("start_time", ZoomTimes.format(occurrence != null ? occurrence.start : start));
        }
        o.put("duration", occurrence != null ? occurrence.duration : duration);
        o.put("timezone", timezone);
        o.put("agenda", occurrence != null && occurrence.agenda != null ? occurrence.agenda : agenda);
        o.put("created_at", ZoomTimes.format(createdAt));
        o.put("start_url", "https://zoom.us/s/" + id + "?zak=sim-host-start-key");
        o.put("join_url", joinUrl());
        if (!password.isEmpty()) {
            o.put("password", password);
        }
        if (kind == Kind.MEETING) {
            o.put("h323_password", password.replaceAll("[^0-9]", ""));
            o.put("pmi", Long.toString(host.pmi()));
            o.put("pre_schedule", preSchedule);
            if (forGet && !password.isEmpty()) {
                o.put("encrypted_password", joinSecret);
            }
        }
        if (recurringWithFixedTime()) {
            ArrayNode list = o.putArray("occurrences");
            for (Occurrence occ : occurrences) {
                if (!occ.deleted && (showPrevious || now.isBefore(occ.end()))) {
                    list.addObject().put("occurrence_id", occ.id).put("start_time", ZoomTimes.format(occ.start))
                            .put("duration", occ.duration).put("status", "available");
                }
            }
            o.set("recurrence", recurrence.deepCopy());
        }
        o.set("settings", settings.deepCopy());
        o.set("tracking_fields", trackingFields.deepCopy());
        if (kind == Kind.WEBINAR) {
            o.put("is_simulive", simulive);
            if (recordFileId != null) {
                o.put("record_file_id", recordFileId);
            }
            if (!forGet) {
                o.put("registrants_confirmation_email", settings.path("registrants_confirmation_email").asBoolean(true));
            }
        }
        return o;
    }

    /** A list entry (§3.5, §4.5): fewer fields, agenda cut to 250 characters. */
    ObjectNode listItem(ObjectMapper json, User host) {
        ObjectNode o = json.createObjectNode();
        o.put("id", id);
        o.put("uuid", uuid);
        o.put("host_id", host.id());
        o.put("topic", topic);
        o.put("type", type);
        if (!noFixedTime()) {
            o.put("start_time", ZoomTimes.format(start));
        }
        o.put("duration", duration);
        o.put("timezone", timezone);
        o.put("agenda", agenda.length() > 250 ? agenda.substring(0, 250) : agenda);
        o.put("created_at", ZoomTimes.format(createdAt));
        o.put("join_url", joinUrl());
        if (kind == Kind.WEBINAR) {
            o.put("is_simulive", simulive);
        } else {
            o.put("pmi", Long.toString(host.pmi()));
        }
        return o;
    }
}
