package dev.convene.provider.zoom.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.convene.AuthenticationException;
import dev.convene.ConflictException;
import dev.convene.PermissionDeniedException;
import dev.convene.RateLimitedException;
import dev.convene.SessionNotFoundException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.provider.zoom.ZoomProvider;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.http.VendorErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.Headers;

/**
 * Zoom's answers → Convene's error kinds (spec §5.2, §6). The vendor's code and message are kept as
 * they came (minus anything the redactor knows as secret); a rate limit's message is followed by which
 * limit it was, and its retry hint comes from {@code Retry-After} or the daily reset, measured against
 * the injected clock.
 */
public final class ZoomErrors implements VendorErrors {
    private final JsonAdapter<ZoomWire.Error> adapter;
    private final Clock clock;
    private final Redactor redactor;

    private ZoomErrors(Moshi moshi, Clock clock, Redactor redactor) {
        this.adapter = moshi.adapter(ZoomWire.Error.class);
        this.clock = clock;
        this.redactor = redactor;
    }

    /** For the REST API and its OAuth endpoint (whose refusals {@link ServerToServerOAuth} reads as bad credentials). */
    public static ZoomErrors api(Moshi moshi, Clock clock, Redactor redactor) {
        return new ZoomErrors(moshi, clock, redactor);
    }

    @Override
    public VendorException fromHttpError(int status, Headers headers, String body) {
        ZoomWire.Error e = parse(body);
        String code = e.code() != null ? e.code().toString() : e.error() != null ? e.error() : "";
        String message = message(e, body);
        Function<VendorError, VendorException> kind = kind(status, e.code() == null ? -1 : e.code(), message);
        Limit limit = kind == RATE_LIMITED ? limit(code, headers) : Limit.NONE;
        VendorError error = new VendorError(ZoomProvider.ID, status, code, redactor.redact(message + limit.named()),
                headers.get("x-zm-trackingid"), limit.retryAfter());
        return kind.apply(error);
    }

    /** Which limit a refusal hit, for the caller to read, and how long it asked us to wait. */
    private record Limit(String name, Duration retryAfter) {
        static final Limit NONE = new Limit(null, null);

        String named() {
            return name == null ? "" : " [" + name + "]";
        }
    }

    /**
     * §6 / §6.1: {@code X-RateLimit-Type} tells a per-second limit ({@code QPS}: come back in a moment, as
     * Retry-After says) from a daily one ({@code Daily-limit}), as does the older spelling of the host's
     * daily cap (400 / 300). A daily limit lasts until 00:00 UTC: its hint is that reset, whether or not
     * Retry-After came and could be read, so core's retry policy gives up at once instead of hammering
     * a limit that will not lift (only seconds before midnight is the wait short enough to be taken).
     */
    private Limit limit(String code, Headers headers) {
        Instant now = clock.instant();
        Optional<Duration> retryAfter = ZoomTimes.retryAfter(headers.get("Retry-After"), now);
        String type = headers.get("X-RateLimit-Type");
        String category = headers.get("X-RateLimit-Category");
        if (code.equals("300")) {
            Duration reset = ZoomTimes.untilNextUtcMidnight(now);
            return new Limit("the host's daily cap on creates and updates; resets at " + ZoomTimes.format(now.plus(reset)), reset);
        }
        if ("Daily-limit".equalsIgnoreCase(type)) {
            Duration reset = retryAfter.orElseGet(() -> ZoomTimes.untilNextUtcMidnight(now));
            String perDay = headers.get("X-RateLimit-Limit");
            String details = Stream.of(category, perDay == null ? null : perDay + " a day").filter(Objects::nonNull)
                    .collect(Collectors.joining(", "));
            return new Limit("daily limit" + (details.isEmpty() ? "" : " (" + details + ")") + "; resets at "
                    + ZoomTimes.format(now.plus(reset)), reset);
        }
        String name = "QPS".equalsIgnoreCase(type) ? "per-second limit" + (category == null ? "" : " (" + category + ")") : null;
        return new Limit(name, retryAfter.orElse(null));
    }

    /** §3.6 / §5.2: Zoom documents some refusals under HTTP 200, with a non-zero code in the body. */
    @Override
    public VendorException fromBody(int status, Headers headers, Object body) {
        if (body instanceof ZoomWire.Answer a && a.code() != null && a.code() != 0) {
            String message = a.message() == null ? "" : a.message();
            return kind(status, a.code(), message).apply(
                    new VendorError(ZoomProvider.ID, status, a.code().toString(), redactor.redact(message), headers.get("x-zm-trackingid"), null));
        }
        return null;
    }

    private static final Function<VendorError, VendorException> RATE_LIMITED = RateLimitedException::new;

    /**
     * What Zoom means by a code, and by the statuses it uses as its own answers (401, 403, 404, 409); everything else
     * is core's mapping by status ({@link VendorErrors#forStatus}), as a gateway's answer on any vendor.
     */
    static Function<VendorError, VendorException> kind(int status, int code, String message) {
        if (status == 401 || code == 124) {
            return AuthenticationException::new;
        }
        if (status == 429 || code == 429 || (code == 300 && message.contains("in one day"))) {
            return RATE_LIMITED;
        }
        if (status >= 500) {
            return VendorErrors::forStatus;
        }
        return switch (code) {
            case 1001, 2001, 3001 -> SessionNotFoundException::new;
            // 1010: the user or session lives in another (sub-)account; 200: no webinar plan;
            // 3003: not the host; 3161: may not host; 4700/4711: the token lacks a scope.
            case 1010, 200, 3003, 3161, 4700, 4711 -> PermissionDeniedException::new;
            case 3002, 3007, 3018, 3037, 3063 -> ConflictException::new;
            // 3000 covers "started" (a state conflict) as well as plain bad input.
            case 3000 -> message.toLowerCase(Locale.ROOT).contains("started") ? ConflictException::new
                    : message.toLowerCase(Locale.ROOT).contains("cannot access") ? SessionNotFoundException::new : VendorRejectedException::new;
            default -> switch (status) {
                case 403 -> PermissionDeniedException::new;
                case 404 -> SessionNotFoundException::new;
                case 409 -> ConflictException::new;
                default -> VendorErrors::forStatus;
            };
        };
    }

    private ZoomWire.Error parse(String body) {
        try {
            ZoomWire.Error e = body == null || body.isBlank() ? null : adapter.fromJson(body);
            return e == null ? new ZoomWire.Error(null, null, null, null, null, null) : e;
        } catch (IOException | RuntimeException notJson) {
            return new ZoomWire.Error(null, null, null, null, null, null);
        }
    }

    /** Message plus the field errors of a 300 "Validation Failed.", so the caller sees which field. */
    private static String message(ZoomWire.Error e, String body) {
        String m = e.message() != null ? e.message() : e.errorMessage() != null ? e.errorMessage()
                : e.reason() != null ? e.reason() : body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
        if (e.errors() != null && !e.errors().isEmpty()) {
            m += " " + e.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        }
        return m;
    }
}
