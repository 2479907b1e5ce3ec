package dev.convene;

/**
 * How people get in. Any part may be {@code null} when the vendor does not report it.
 *
 * @param joinUrl     the attendees' link
 * @param meetingCode the short code people type in a client
 * @param audienceUrl the viewers' link of a live stream or webinar
 * @param hostUrl     a link that starts the session as host; it grants host rights, so {@link #toString()} hides it
 */
public record JoinInfo(String joinUrl, String meetingCode, String audienceUrl, String hostUrl) {
    public static final JoinInfo NONE = new JoinInfo(null, null, null, null);

    @Override
    public String toString() {
        return "JoinInfo[joinUrl=" + joinUrl + ", meetingCode=" + meetingCode + ", audienceUrl=" + audienceUrl
                + ", hostUrl=" + (hostUrl == null ? "none" : "****") + "]";
    }
}
