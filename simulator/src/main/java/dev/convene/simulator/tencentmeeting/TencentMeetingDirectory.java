package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tenant behind the fake's one app: its address book, its administrators, what it has booked,
 * and the id generators. Everything here is touched only under the simulator lock.
 */
final class TencentMeetingDirectory {
    /** Every userid that appears in seed 002 and the spec's examples and test vectors. */
    static final List<String> SEED_USERS = List.of("tester", "test1", "test2", "guest1", "guest2", "tester1", "alice@corp.example");
    static final int MAX_INVITEES = 300;

    final Clock clock;
    final Set<String> users = new LinkedHashSet<>();
    final Set<String> admins = new LinkedHashSet<>();
    final Map<String, Meeting> meetings = new LinkedHashMap<>();
    final Map<String, Webinar> webinars = new LinkedHashMap<>();
    final boolean userObjectsInResponses;
    final boolean acceptUserStrings;
    final boolean acceptUserObjects;
    /** Creates per user per hour before 500029 (spec §5: 2,000); 0 turns the limit off. */
    private final long createLimitPerHour;
    private final Map<String, java.util.ArrayDeque<Long>> createsByUser = new java.util.HashMap<>();
    private long issued;
    private long lastModifiedMillis;
    /** Where this fake's ids start, from its seed: ids differ from one start to the next unless the seed is the same. */
    private final long idBase;

    TencentMeetingDirectory(Clock clock, TencentMeetingSettings settings, long seed) {
        this.clock = clock;
        this.idBase = Math.floorMod(seed, 1_000_000_000_000L);
        users.addAll(SEED_USERS);
        users.addAll(settings.list("users"));
        admins.addAll(settings.list("admins", List.of("admin")));
        users.addAll(admins);
        userObjectsInResponses = settings.choice("user-list-response", "strings", "objects").equals("objects");
        String accepted = settings.choice("user-list-request", "any", "objects", "strings");
        acceptUserStrings = !accepted.equals("objects");
        acceptUserObjects = !accepted.equals("strings");
        createLimitPerHour = settings.number("create-limit-per-hour", 0);
    }

    /** Counts one create by {@code userid}, refusing it with 500029 past the hourly limit. */
    void recordCreate(String userid) {
        if (createLimitPerHour <= 0) {
            return;
        }
        long now = nowSeconds();
        java.util.ArrayDeque<Long> times = createsByUser.computeIfAbsent(userid, u -> new java.util.ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst() <= now - 3600) {
            times.removeFirst();
        }
        if (times.size() >= createLimitPerHour) {
            throw new TencentMeetingError(TencentMeetingError.CREATE_HOURLY, "meeting creation count reached the hourly limit");
        }
        times.addLast(now);
    }

    long nowSeconds() {
        return clock.instant().getEpochSecond();
    }

    /** Today 00:00 Beijing time: what {@code pos=0} means on the list endpoint (spec §3.4). */
    long beijingMidnight() {
        return LocalDate.ofInstant(clock.instant(), TimeZones.BEIJING).atStartOfDay(TimeZones.BEIJING).toEpochSecond();
    }

    /**
     * Last-modification stamps in milliseconds, strictly increasing even when the clock stands still,
     * so the list cursor ({@code cursory}) orders meetings the way a real server's distinct stamps do.
     */
    long nextModifiedMillis() {
        lastModifiedMillis = Math.max(clock.millis(), lastModifiedMillis + 1);
        return lastModifiedMillis;
    }

    /** A fresh ~19-digit numeric id and a 9-digit code, never repeated within this fake. */
    String[] nextIdAndCode() {
        long n = ++issued;
        String id = Long.toString(5_937_000_510_779_417_366L + idBase * 1_000L + n * 1_000_003L);
        String code = Long.toString(100_000_000L + (idBase + n * 7_919_113L) % 900_000_000L);
        return new String[] {id, code};
    }

    boolean isAdmin(String userid) {
        return admins.contains(userid);
    }

    void requireKnown(String path, String userid) {
        if (!users.contains(userid)) {
            throw new TencentMeetingError(TencentMeetingError.UNREGISTERED_USER, "unregistered user present: " + path + "=" + userid);
        }
    }

    /**
     * Reads a user list. The seed's parameter table declares objects ({@code {"userid":..}}) while its
     * example sends plain strings; the fake accepts both unless told otherwise.
     */
    List<String> userList(Fields f, String name) {
        List<String> out = new ArrayList<>();
        ArrayNode array = f.array(name).orElse(null);
        if (array == null) {
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isTextual() && acceptUserStrings) {
                out.add(item.textValue());
            } else if (item.isObject() && acceptUserObjects) {
                Fields user = f.element(name, i, item);
                out.add(user.requiredString("userid"));
                user.bool("is_anonymous");
                user.string("nick_name");
            } else {
                throw TencentMeetingError.invalid("failed to unmarshal req body: json: cannot unmarshal "
                        + (item.isTextual() ? "string" : item.getNodeType().name().toLowerCase()) + " into Go struct field "
                        + f.path(name) + " of type UserObj");
            }
        }
        return out;
    }

    ArrayNode renderUsers(List<String> userids) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (String u : userids) {
            if (userObjectsInResponses) {
                out.addObject().put("userid", u);
            } else {
                out.add(u);
            }
        }
        return out;
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
