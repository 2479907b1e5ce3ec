package dev.convene.simulator.wecom;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The corp's members as the apps see them. Every userid that appears in the WeCom seeds is here and
 * visible; {@code outsider} exists but lies outside the apps' visible range (spec §2: admin and
 * internal invitees must be inside it). One bad id fails the whole call (spec §2.1 invitees).
 */
final class WeComDirectory {
    private final Map<String, Boolean> visibleByUserid = new LinkedHashMap<>();
    /** Members without a meeting account (every member has one unless told otherwise). */
    private final Set<String> withoutMeetingAccount = new HashSet<>();

    WeComDirectory() {
        for (String seeded : new String[] {"zhangsan", "lisi", "wangwu", "lis", "USERID"}) {
            visibleByUserid.put(seeded, true);
        }
        for (String extra : new String[] {"zhaoliu", "sunqi", "zhouba", "wujiu", "zhengshi"}) {
            visibleByUserid.put(extra, true);
        }
        visibleByUserid.put("outsider", false);
    }

    /** Adds a visible member (and, for an existing one, makes it visible). */
    void add(String userid) {
        visibleByUserid.put(userid, true);
    }

    /** The member keeps its place in the corp but has no meeting account: meeting create/update name it in excess_users. */
    void removeMeetingAccount(String userid) {
        withoutMeetingAccount.add(userid);
    }

    boolean hasMeetingAccount(String userid) {
        return !withoutMeetingAccount.contains(userid);
    }

    /** 60111 for an unknown userid, 50002 for a member outside the app's visible range (spec §5). */
    void requireVisible(String field, String userid) {
        Boolean visible = visibleByUserid.get(userid);
        if (visible == null) {
            throw new WeComError(60111, "userid not found: " + field + "=" + userid);
        }
        if (!visible) {
            throw new WeComError(50002, "member out of the app's permission scope: " + field + "=" + userid);
        }
    }

    void requireVisible(String field, Collection<String> userids) {
        userids.forEach(u -> requireVisible(field, u));
    }
}
