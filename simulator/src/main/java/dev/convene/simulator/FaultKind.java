package dev.convene.simulator;

/** The ways a simulator can be told to misbehave. */
public enum FaultKind {
    /** An HTTP 5xx (or the vendor's equivalent "internal error") without touching state. */
    SERVER_ERROR,
    /** The vendor's "system busy, try again" answer (WeCom -1, Tencent 960000, Zoom 503), without touching state. */
    BUSY,
    /** The vendor's rate-limit answer (WeCom 45009, Tencent 190310, Zoom 429 with Retry-After), without touching state. */
    RATE_LIMITED,
    /** Close the connection before the request body is read: the vendor never sees the request. */
    DROP_BEFORE_READ,
    /** Apply the request, then close the connection without answering: the response is lost. */
    DROP_AFTER_APPLY,
    /** Hold the request for {@link Fault#delay()} before handling it normally. */
    DELAY,
    /** Answer 200 with a body that is not JSON, without touching state (what a misbehaving proxy does). */
    MALFORMED_JSON,
    /** Apply the request, then answer with only the first half of the real body (a complete HTTP answer whose JSON is cut). */
    TRUNCATED_JSON,
    /** Answer {@link Fault#status()} with {@link Fault#body()} instead of the vendor, without touching state ({@link Fault#answer}). */
    ANSWER,
    /** Apply the request, then answer the vendor's own 5xx error (its {@link #SERVER_ERROR} answer): the write happened. */
    APPLY_THEN_SERVER_ERROR,
    /** Apply the request, then answer a gateway's 502 HTML page. */
    APPLY_THEN_GATEWAY_PAGE,
    /** Apply the request, then answer an empty 504, as a gateway that gave up waiting does. */
    APPLY_THEN_EMPTY_504,
    /** Apply the request, then answer the vendor's "busy" answer (its {@link #BUSY} answer: WeCom -1, Tencent 960000, Zoom 503). */
    APPLY_THEN_BUSY
}
