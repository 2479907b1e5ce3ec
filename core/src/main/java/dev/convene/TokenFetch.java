package dev.convene;

import java.time.Duration;

/**
 * An access token asked of the vendor for a call of the service (none is told when a cached or shared token was
 * used), for {@link SessionListener#onTokenFetch}.
 *
 * @param call  the {@link SessionEvent#call()} of the call that needed the token
 * @param error why no usable token came, or {@code null} when one did
 */
public record TokenFetch(long call, String provider, Duration duration, Throwable error) {
}
