package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorException.Kind;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.http.VendorErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import okhttp3.Headers;

/**
 * Tencent Meeting's {@code error_info} answers (spec §2) as Convene's exceptions, keeping the code,
 * the message and the {@code X-TC-Trace} id. The kind follows the code, not the HTTP status: Tencent
 * answers most business errors with 500. Rate limits carry the wait the spec derives (to the next
 * minute, hour or Beijing day); core retries only reads and cancels, and only within its cap.
 */
final class TencentErrors implements VendorErrors {
    static final String PROVIDER = "tencentmeeting";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JsonAdapter<Wire.ErrorBody> adapter;
    private final Redactor redactor;
    private final Clock clock;

    TencentErrors(Moshi moshi, Redactor redactor, Clock clock) {
        this.adapter = moshi.adapter(Wire.ErrorBody.class);
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public VendorException fromHttpError(int status, Headers headers, String body) {
        Wire.ErrorInfo info = parse(body);
        String trace = headers.get("X-TC-Trace");
        if (info == null || info.errorCode() == null) {
            // Not Tencent's envelope: a proxy or gateway answered.
            Kind kind = status >= 500 || status == 408 || status == 429 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
            return VendorException.of(kind, new VendorError(PROVIDER, status, "", "HTTP " + status + " without error_info: "
                    + redactor.redact(abbreviate(body)), trace, null));
        }
        long code = info.errorCode();
        VendorError error = new VendorError(PROVIDER, status, Long.toString(code), redactor.redact(info.message()), trace, retryAfter(code));
        return VendorException.of(kind(code), error);
    }

    static Kind kind(long code) {
        return switch ((int) code) {
            case 9002, 9003 -> Kind.NOT_FOUND;
            case 9007 -> Kind.ALREADY_CANCELLED;
            case 9042, 9099, 9100, 9101, 9102, 190315, 500014 -> Kind.PERMISSION_DENIED;
            case 13602, 13603, 20006, 9098 -> Kind.CONFLICT;
            case 190300, 190301, 190303, 200003 -> Kind.AUTHENTICATION;
            case 190310, 190311, 190313, 9008, 9061, 500029, 500046, 500168 -> Kind.RATE_LIMITED;
            case 41, 5108, 13000, 960000 -> Kind.UNAVAILABLE;
            default -> Kind.INVALID_REQUEST;
        };
    }

    /** Spec §5: per-minute limits lift at the next minute, per-hour and per-day ones much later. */
    private Duration retryAfter(long code) {
        Instant now = clock.instant();
        return switch ((int) code) {
            case 190310, 190313, 9061 -> Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES));
            case 500029 -> Duration.between(now, now.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS));
            case 190311, 9008 -> Duration.between(now, LocalDate.ofInstant(now, BEIJING).plusDays(1).atStartOfDay(BEIJING).toInstant());
            case 500168 -> Duration.ofDays(30);
            default -> null;
        };
    }

    private Wire.ErrorInfo parse(String body) {
        try {
            Wire.ErrorBody parsed = body == null || body.isBlank() ? null : adapter.fromJson(body);
            return parsed == null ? null : parsed.errorInfo();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        String s = body == null ? "" : body.strip();
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
