package dev.convene.simulator.tencentmeeting;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Tencent Meeting's {@code time_zone}: a zone name (Oracle/IANA id such as {@code Asia/Shanghai}, seed 002), never
 * an offset like {@code +08:00} (spec, corrections); Beijing time when none is given.
 */
final class TimeZones {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private TimeZones() {
    }

    static ZoneId of(String id) {
        return id.isEmpty() ? BEIJING : ZoneId.of(id);
    }

    static void check(String path, String id) {
        ZoneId zone;
        try {
            zone = ZoneId.of(id);
        } catch (DateTimeException e) {
            throw TencentMeetingError.invalid("invalid param: " + path + " is not a time zone id: " + id);
        }
        if (zone instanceof ZoneOffset || id.matches("(?i)(UTC|GMT|UT)[+-].*")) {
            throw TencentMeetingError.invalid("invalid param: " + path + " must be a time zone name such as Asia/Shanghai, not an offset: " + id);
        }
    }
}
