package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One meeting the fake holds; mutated only under the simulator lock. */
final class Meeting {
    final String id;
    final String code;
    final String creator;
    final int type;
    final String joinUrl;

    String subject;
    long start;
    long end;
    List<String> hosts;
    List<String> invitees;
    ArrayNode guests;
    String password;
    ObjectNode settings;
    int meetingType;
    TencentMeetingRecurrence rule;
    boolean enableLive;
    ObjectNode liveConfig;
    boolean enableHostKey;
    String hostKey;
    /** Echoed optional fields (location, time_zone, enable_enroll, ...), exactly as last sent. */
    ObjectNode extras;

    boolean cancelled;
    boolean someoneIn;
    boolean endedByHost;
    long modifiedMillis;
    final Set<Long> cancelledOccurrences = new HashSet<>();
    /** Sub-meetings moved on their own: original start → {start, end}. */
    final Map<Long, long[]> movedOccurrences = new HashMap<>();

    Meeting(String id, String code, String creator, int type, String joinUrl) {
        this.id = id;
        this.code = code;
        this.creator = creator;
        this.type = type;
        this.joinUrl = joinUrl;
    }

    /** The audience link of the meeting's live stream ({@code live_config.live_addr}). */
    String liveAddr() {
        return "https://meeting.tencent.com/l/sim" + code;
    }

    boolean recurring() {
        return meetingType == 1 && rule != null;
    }

    ZoneId zone() {
        return TimeZones.of(extras.path("time_zone").asText(""));
    }

    /** Sub-meeting starts as the rule generates them (before any was moved). */
    List<Long> occurrenceKeys() {
        return recurring() ? rule.occurrences(start, zone(), rule.limit()) : List.of(start);
    }

    /** When the last live sub-meeting ends (the meeting itself when not recurring). */
    long seriesEnd() {
        long last = end;
        for (long key : occurrenceKeys()) {
            if (!cancelledOccurrences.contains(key)) {
                last = Math.max(last, occurrenceEnd(key));
            }
        }
        return last;
    }

    long occurrenceStart(long key) {
        long[] moved = movedOccurrences.get(key);
        return moved != null ? moved[0] : key;
    }

    long occurrenceEnd(long key) {
        long[] moved = movedOccurrences.get(key);
        return moved != null ? moved[1] : key + (end - start);
    }

    boolean isParticipant(String userid) {
        return creator.equals(userid) || hosts.contains(userid) || invitees.contains(userid);
    }
}
