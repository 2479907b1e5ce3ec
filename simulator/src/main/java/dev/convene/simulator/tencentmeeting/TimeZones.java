package dev.convene.simulator.tencentmeeting;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Tencent Meeting's {@code time_zone} (Oracle TZ ids); Beijing time when none is given. */
final class TimeZones {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private TimeZones() {
    }

    static ZoneId of(String id) {
        return id.isEmpty() ? BEIJING : ZoneId.of(id);
    }

    static void check(String path, String id) {
        try {
            ZoneId.of(id);
        } catch (DateTimeException e) {
            throw ApiError.invalid("invalid param: " + path + " is not a time zone id: " + id);
        }
    }
}
