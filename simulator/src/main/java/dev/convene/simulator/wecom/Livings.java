package dev.convene.simulator.wecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code /cgi-bin/living/*}: live streams (spec §4, checklist §8 items 15–18). */
final class Livings {
    static final int RESERVED = 0;
    static final int LIVE = 1;
    static final int ENDED = 2;
    static final int EXPIRED = 3;
    static final int CANCELLED = 4;
    private static final int ACTIVITY = 4;
    private static final List<String> CREATE_FIELDS = List.of("anchor_userid", "theme", "living_start", "living_duration",
            "type", "description", "agentid", "remind_time", "activity_cover_mediaid", "activity_share_mediaid", "activity_detail");
    /** modify accepts only these (spec §4.2); anything else in its body is ignored. */
    private static final List<String> MODIFY_FIELDS = List.of("theme", "living_start", "living_duration", "type", "description",
            "remind_time");

    static final class Living implements Ledger.Owned {
        final WeComTokens.App owner;
        ObjectNode fields;
        boolean cancelled;
        boolean attended;
        /** Started or ended by the anchor in the app: wins over the clock. */
        boolean startedInApp;
        boolean endedInApp;

        Living(WeComTokens.App owner) {
            this.owner = owner;
        }

        @Override
        public WeComTokens.App owner() {
            return owner;
        }

        long start() {
            return fields.get("living_start").longValue();
        }

        long duration() {
            return fields.get("living_duration").longValue();
        }

        String theme() {
            return fields.get("theme").textValue();
        }
    }

    private final WeComSettings settings;
    private final WeComDirectory directory;
    private final Ledger<Living> ledger;
    private final String linkBase;

    Livings(WeComSettings settings, WeComDirectory directory, Ledger<Living> ledger, String linkBase) {
        this.settings = settings;
        this.directory = directory;
        this.ledger = ledger;
        this.linkBase = linkBase;
    }

    Ledger<Living> ledger() {
        return ledger;
    }

    ObjectNode create(JsonBody body, WeComTokens.App app, long now) {
        Living l = new Living(app);
        accept(l, body, body, true, now);
        String id = ledger.newId();
        ledger.put(id, l);
        return JsonBody.JSON.createObjectNode().put("livingid", id);
    }

    ObjectNode modify(JsonBody body, WeComTokens.App app, long now) {
        Living l = ledger.owned(body.requiredString("livingid"), app, "livingid");
        requireReserved(l, now);
        accept(l, JsonBody.of(JsonBody.overlay(l.fields, body, MODIFY_FIELDS, ""), settings.invalidParameterErrcode()), body, false, now);
        return JsonBody.JSON.createObjectNode();
    }

    ObjectNode cancel(JsonBody body, WeComTokens.App app, long now) {
        Living l = ledger.owned(body.requiredString("livingid"), app, "livingid");
        requireReserved(l, now);
        l.cancelled = true;
        return JsonBody.JSON.createObjectNode();
    }

    /** GET with {@code livingid} in the query; the fields come wrapped in {@code living_info} (spec §4.4). */
    ObjectNode info(Map<String, String> query, WeComTokens.App app, long now) {
        String id = query.getOrDefault("livingid", "");
        if (id.isEmpty()) {
            throw new WeComError(settings.invalidParameterErrcode(), "missing required field livingid");
        }
        Living l = ledger.owned(id, app, "livingid");
        ObjectNode f = l.fields;
        int status = status(l, now);
        ObjectNode info = JsonBody.JSON.createObjectNode();
        info.put("theme", l.theme());
        info.put("living_start", l.start());
        info.put("living_duration", l.duration());
        info.put("status", status);
        info.put("reserve_start", l.start());
        info.put("reserve_living_duration", l.duration());
        info.put("description", f.path("description").asText(""));
        info.put("anchor_userid", f.get("anchor_userid").textValue());
        info.put("main_department", 1);
        info.put("viewer_num", 0);
        info.put("comment_num", 0);
        info.put("mic_num", 0);
        info.put("open_replay", 0);
        int type = f.path("type").asInt(0);
        info.put("type", type);
        if (type == ACTIVITY && status == RESERVED) {
            info.put("push_stream_url", linkBase + "/push/" + id);
        }
        info.put("online_count", 0);
        info.put("subscribe_count", 0);
        ObjectNode out = JsonBody.JSON.createObjectNode();
        out.set("living_info", info);
        return out;
    }

    /** The ids of the livings a user anchors, earliest start first. */
    List<String> ids(WeComTokens.App app, String userid) {
        return ledger.all().entrySet().stream()
                .filter(e -> e.getValue().owner == app && e.getValue().fields.get("anchor_userid").textValue().equals(userid))
                .sorted(Comparator.comparingLong((Map.Entry<String, Living> e) -> e.getValue().start()).thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).toList();
    }

    /** Clock-driven: reserved before the start, live during, then ended (the anchor went live) or expired (nobody did). */
    int status(Living l, long now) {
        if (l.cancelled) {
            return CANCELLED;
        }
        if (l.endedInApp) {
            return ENDED;
        }
        if (l.startedInApp) {
            return LIVE;
        }
        if (now < l.start()) {
            return RESERVED;
        }
        if (now < l.start() + l.duration()) {
            return LIVE;
        }
        return l.attended ? ENDED : EXPIRED;
    }

    private void requireReserved(Living l, long now) {
        int status = status(l, now);
        if (status != RESERVED) {
            throw new WeComError(settings.wrongStateErrcode(), "living status " + status + " does not allow this change");
        }
    }

    /** Create counts characters (theme ≤ 20, description ≤ 100); modify counts bytes (≤ 60, ≤ 300), spec §4.1–4.2. */
    private void accept(Living l, JsonBody full, JsonBody sent, boolean creating, long now) {
        directory.requireVisible("anchor_userid", full.requiredString("anchor_userid"));
        full.requiredString("theme");
        if (creating) {
            full.check("theme", full.string("theme"), t -> !t.isEmpty() && JsonBody.codePoints(t) <= 20, "must be 1..20 characters");
            full.check("description", full.string("description"), d -> JsonBody.codePoints(d) <= 100, "must be at most 100 characters");
        } else {
            sent.check("theme", sent.string("theme"), t -> !t.isEmpty() && JsonBody.utf8Bytes(t) <= 60, "must be 1..60 bytes");
            sent.check("description", sent.string("description"), d -> JsonBody.utf8Bytes(d) <= 300, "must be at most 300 bytes");
        }
        long start = full.requiredUint32("living_start");
        if (settings.livingStartInFuture() && (creating || sent.has("living_start")) && start <= now) {
            throw full.invalid("living_start", "must be later than now");
        }
        if (full.requiredUint32("living_duration") < 1) {
            throw full.invalid("living_duration", "must be positive");
        }
        int type = full.oneOf("type", 0, 1, 2, 3, 4).orElse(0);
        if ((type == 1 || type == 2) && !settings.educationCorp()) {
            throw full.invalid("type", "small and large classes are only for K12 schools and IT corps");
        }
        full.int32("agentid");
        full.uint32("remind_time");
        full.string("activity_cover_mediaid");
        full.string("activity_share_mediaid");
        var detail = full.object("activity_detail");
        detail.ifPresent(d -> {
            d.string("description");
            d.strings("image_list");
        });

        ObjectNode stored = JsonBody.JSON.createObjectNode();
        for (String f : CREATE_FIELDS) {
            JsonNode v = full.node().get(f);
            if (v != null) {
                stored.set(f, v.deepCopy());
            }
        }
        // More than five images are cut to the first five (spec §4.1).
        if (stored.path("activity_detail").get("image_list") instanceof ArrayNode images) {
            while (images.size() > 5) {
                images.remove(images.size() - 1);
            }
        }
        l.fields = stored;
    }
}
