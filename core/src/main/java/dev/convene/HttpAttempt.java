package dev.convene;

import java.time.Duration;

/**
 * One HTTP request to the vendor as it goes out, for {@link SessionListener#onHttpAttempt}: a call sends one or
 * more (a create that reads the session back, a token fetch), and every retry and every resend with a fresh token
 * is another attempt. It names the endpoint by its path template, never by its URL: no query, no identifier that
 * was filled in, no token.
 *
 * @param call         the {@link SessionEvent#call()} of the call it belongs to
 * @param kind         the kind concerned, or {@code null} for a list over all kinds
 * @param method       {@code GET}, {@code POST}, ...
 * @param pathTemplate the endpoint's path as its interface declares it, e.g. {@code /v2/users/{userId}/meetings} or
 *                     {@code /cgi-bin/meeting/get}; {@code none} for a request no endpoint declared
 * @param host         the vendor's host, e.g. {@code api.zoom.us}
 * @param number       1 when the request goes out the first time; each retry of the call and each resend with a
 *                     fresh token count one more ({@code number - 1} is OpenTelemetry's {@code http.request.resend_count})
 */
public record HttpAttempt(long call, String provider, Operation operation, SessionKind kind, String method, String pathTemplate,
                          String host, int number) {

    /** Told how one attempt ended. Called once, on the thread that saw the end; must be quick and must not throw. */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param status   the HTTP status answered, or 0 when no answer came
         * @param duration from sending the request to receiving the answer's headers, or to the failure
         * @param error    why no answer came (a timeout, a refused connection), or {@code null} when one did: a vendor's
         *                 refusal is an answer, told with its status here and as the call's error to
         *                 {@link SessionListener#onFailure}
         */
        void onEnd(int status, Duration duration, Throwable error);
    }
}
