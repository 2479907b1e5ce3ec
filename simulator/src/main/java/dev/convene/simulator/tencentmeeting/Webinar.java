package dev.convene.simulator.tencentmeeting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One webinar the fake holds; mutated only under the simulator lock. */
final class Webinar {
    final String id;
    final String code;
    final String creator;
    final String audienceJoinLink;
    final String guestJoinLink;

    String subject;
    long start;
    long end;
    int admissionType;
    List<String> hosts;
    String password;
    /** Echoed optional fields (sponsor, description, cover_url, time_zone, media_setting, ...). */
    ObjectNode extras;

    boolean cancelled;
    boolean someoneIn;
    boolean endedByHost;

    Webinar(String id, String code, String creator, String audienceJoinLink, String guestJoinLink) {
        this.id = id;
        this.code = code;
        this.creator = creator;
        this.audienceJoinLink = audienceJoinLink;
        this.guestJoinLink = guestJoinLink;
    }
}
