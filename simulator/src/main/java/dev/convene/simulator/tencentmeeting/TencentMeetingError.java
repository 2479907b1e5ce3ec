package dev.convene.simulator.tencentmeeting;

/**
 * A Tencent Meeting error answer ({@code error_info}); the HTTP status is chosen later from the
 * simulator's status table, because the spec documents different statuses per endpoint.
 */
final class TencentMeetingError extends RuntimeException {
    static final int MEETING_ID_INVALID = 9002;
    static final int NOT_FOUND = 9003;
    static final int CANCELLED = 9007;
    static final int NO_PERMISSION = 9042;
    static final int NO_MODIFY_PERMISSION = 9102;
    static final int WEBINAR_PARAM = 10001;
    static final int ALREADY_STARTED = 13602;
    static final int ALREADY_ENDED = 13603;
    static final int UNREGISTERED_USER = 190001;
    static final int INVALID_PARAMS = 190004;
    static final int TIMESTAMP_WINDOW = 190300;
    static final int REPLAY = 190301;
    static final int AUTH_FAILED = 190303;
    static final int RATE_MINUTE = 190310;
    static final int RATE_DAY = 190311;
    static final int SIGNATURE_FAILED = 200003;
    static final int CREATE_HOURLY = 500029;
    static final int INTERNAL = 5108;
    static final int BUSY = 960000;

    final int code;

    TencentMeetingError(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    static TencentMeetingError invalid(String message) {
        return new TencentMeetingError(INVALID_PARAMS, message);
    }
}
