package dev.convene.simulator.zoom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SimResponse;
import dev.convene.simulator.zoom.ZoomDirectory.User;
import dev.convene.simulator.zoom.ZoomRules.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Zoom's list endpoints, {@code GET /users/{userId}/meetings} and {@code …/webinars} (spec §3.5, §4.5): pages by
 * {@code page_number} or by a {@code next_page_token} that keeps the listing as it was when the first page was asked
 * for, for {@code page-token-ttl-minutes}. Touched only under the simulator's lock.
 */
final class Paging {
    private static final Pattern NUMERIC = Pattern.compile("\\d{1,19}");
    private static final Set<String> WEBINAR_LIST_TYPES = Set.of("scheduled", "upcoming");
    private static final Set<String> MEETING_LIST_TYPES = Set.of("scheduled", "live", "upcoming", "upcoming_meetings", "previous_meetings");

    private record PageCursor(String userId, String accountId, Kind kind, String filter, int pageSize, List<Long> ids,
                              int offset, Instant issuedAt) {
    }

    private final ObjectMapper json;
    private final ZoomSettings settings;
    private final ZoomDirectory directory;
    private final Sessions sessions;
    private final Clock clock;
    private final Map<String, PageCursor> cursors = new HashMap<>();

    Paging(ObjectMapper json, ZoomSettings settings, ZoomDirectory directory, Sessions sessions, Clock clock) {
        this.json = json;
        this.settings = settings;
        this.directory = directory;
        this.sessions = sessions;
        this.clock = clock;
    }

    SimResponse list(Kind kind, User user, String accountId, RecordedRequest r) {
        Sessions.requirePlan(kind, user);
        String filter = r.query("type").orElse("scheduled");
        if (!(kind == Kind.WEBINAR ? WEBINAR_LIST_TYPES : MEETING_LIST_TYPES).contains(filter)) {
            throw ZoomError.invalidField("type");
        }
        int pageSize = intQuery(r, "page_size", 30, 1, 300);
        int pageNumber = intQuery(r, "page_number", 1, 1, Integer.MAX_VALUE);
        Optional<String> token = r.query("next_page_token").filter(t -> !t.isEmpty());
        boolean honourToken = kind == Kind.MEETING || settings.webinarListHonoursPageToken();
        List<Long> ids;
        int offset;
        if (token.isPresent() && honourToken) {
            PageCursor c = cursors.get(token.get());
            boolean valid = c != null && c.userId().equals(user.id()) && c.accountId().equals(accountId) && c.kind() == kind
                    && c.filter().equals(filter) && c.pageSize() == pageSize
                    && clock.instant().isBefore(c.issuedAt().plus(Duration.ofMinutes(settings.pageTokenTtlMinutes())));
            if (!valid) {
                throw ZoomError.of(400, 300, "The next page token is invalid or expired.");
            }
            ids = c.ids();
            offset = c.offset();
        } else {
            ids = matching(kind, user, filter);
            offset = (int) Math.min((long) (pageNumber - 1) * pageSize, ids.size());
        }
        List<Long> page = ids.subList(offset, Math.min(ids.size(), offset + pageSize));
        String next = "";
        if (offset + pageSize < ids.size()) {
            next = sessions.secret() + sessions.secret();
            cursors.put(next, new PageCursor(user.id(), accountId, kind, filter, pageSize, ids, offset + pageSize, clock.instant()));
        }
        ObjectNode out = json.createObjectNode();
        out.put("page_size", pageSize);
        out.put("page_count", (ids.size() + pageSize - 1) / pageSize);
        out.put("page_number", offset / pageSize + 1);
        out.put("total_records", ids.size());
        out.put("next_page_token", next);
        ArrayNode items = out.putArray(kind == Kind.WEBINAR ? "webinars" : "meetings");
        for (Long id : page) {
            ZoomSession s = sessions.all().get(id);
            if (s != null && !s.deleted) {
                items.add(s.listItem(json, directory.userById(s.hostId).orElseThrow()));
            }
        }
        return SimResponse.json(200, out.toString());
    }

    /** §3.5 / §4.5: unexpired sessions of the host, no instant meetings, filtered by {@code type}, by start. */
    private List<Long> matching(Kind kind, User user, String filter) {
        Instant now = clock.instant();
        boolean clock = settings.clockDrivesStatus();
        return sessions.all().values().stream()
                .filter(s -> s.kind == kind && s.hostId.equals(user.id()) && !s.deleted && !s.instant() && !s.expired(now, clock))
                .filter(s -> switch (filter) {
                    case "live" -> s.live(now, clock);
                    case "upcoming", "upcoming_meetings" -> !s.ended(now, clock);
                    case "previous_meetings" -> s.ended(now, clock);
                    default -> true;
                })
                .sorted(Comparator.comparing((ZoomSession s) -> s.start).thenComparing(s -> s.id))
                .map(s -> s.id)
                .toList();
    }


    private static int intQuery(RecordedRequest r, String name, int fallback, int min, int max) {
        Optional<String> v = r.query(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!NUMERIC.matcher(v.get()).matches() || v.get().length() > 9) {
            throw ZoomError.invalidField(name);
        }
        int n = Integer.parseInt(v.get());
        if (n < min || n > max) {
            throw ZoomError.invalidField(name);
        }
        return n;
    }

}
