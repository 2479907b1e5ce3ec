package dev.convene;

/**
 * How people get in. Any part may be {@code null} when the vendor does not report it.
 *
 * <p>{@code joinUrl} is the link an attendee opens, on every provider and kind: for a webinar that is the
 * audience's link (WeCom's and Tencent's {@code audience_join_link}, Zoom's {@code join_url}), never the link
 * that makes the joiner a speaker, which is {@code panelistUrl}.
 *
 * @param joinUrl     the attendees' link
 * @param meetingCode the short code people type in a client
 * @param audienceUrl the viewers' link of a live stream or webinar (for a webinar, the same as {@code joinUrl})
 * @param hostUrl     a link that starts the session as host; it grants host rights, so {@link #toString()} hides it
 * @param panelistUrl a webinar link that joins as a guest speaker (WeCom's and Tencent's {@code guest_join_link});
 *                    it grants speaking rights, so {@link #toString()} hides it
 */
public record JoinInfo(String joinUrl, String meetingCode, String audienceUrl, String hostUrl, String panelistUrl) {
    public static final JoinInfo NONE = new JoinInfo(null, null, null, null, null);

    /** Join information without a panelists' link, as meetings and live streams have. */
    public JoinInfo(String joinUrl, String meetingCode, String audienceUrl, String hostUrl) {
        this(joinUrl, meetingCode, audienceUrl, hostUrl, null);
    }

    /**
     * Zoom (and others) put the meeting's passcode into the link as {@code pwd=}: logs and messages written from
     * {@code toString()} show the link with that value masked; {@link #joinUrl()} itself stays whole, as attendees need it.
     */
    private static String withoutPasscode(String url) {
        return url == null ? null : PASSCODE.matcher(url).replaceAll("$1****");
    }

    private static final java.util.regex.Pattern PASSCODE = java.util.regex.Pattern.compile("(?i)([?&](?:pwd|passcode|password)=)[^&#]*");

    @Override
    public String toString() {
        return "JoinInfo[joinUrl=" + withoutPasscode(joinUrl) + ", meetingCode=" + meetingCode + ", audienceUrl=" + withoutPasscode(audienceUrl)
                + ", hostUrl=" + (hostUrl == null ? "none" : "****") + ", panelistUrl=" + (panelistUrl == null ? "none" : "****") + "]";
    }
}
