package dev.convene.provider.tencentmeeting.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.convene.AlreadyCancelledException;
import dev.convene.AuthenticationException;
import dev.convene.ConflictException;
import dev.convene.PermissionDeniedException;
import dev.convene.RateLimitedException;
import dev.convene.SessionNotFoundException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.VendorUnavailableException;
import dev.convene.provider.tencentmeeting.TencentMeetingProvider;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.http.VendorErrors;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import okhttp3.Headers;

/**
 * Tencent Meeting's {@code error_info} answers (spec §2) as Convene's exceptions, keeping the code,
 * the message and the {@code X-TC-Trace} id. The kind follows the code, not the HTTP status: Tencent
 * answers most business errors with 500. Rate limits carry the wait the spec derives (to the next
 * minute, hour or Beijing day); core retries only reads and cancels, and only within its cap.
 */
final class TencentMeetingErrors implements VendorErrors {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JsonAdapter<TencentMeetingWire.ErrorBody> adapter;
    private final Redactor redactor;
    private final Clock clock;

    TencentMeetingErrors(Moshi moshi, Redactor redactor, Clock clock) {
        this.adapter = moshi.adapter(TencentMeetingWire.ErrorBody.class);
        this.redactor = redactor;
        this.clock = clock;
    }

    @Override
    public VendorException fromHttpError(int status, Headers headers, String body) {
        TencentMeetingWire.ErrorInfo info = parse(body);
        String trace = headers.get("X-TC-Trace");
        if (info == null || info.errorCode() == null) {
            // Not Tencent's envelope: a proxy or gateway answered.
            return VendorErrors.notTheVendors(TencentMeetingProvider.ID, status, body, redactor, trace);
        }
        long code = info.errorCode();
        VendorError error = new VendorError(TencentMeetingProvider.ID, status, Long.toString(code), redactor.redact(info.message()), trace, retryAfter(code));
        return kind(code).apply(error);
    }

    static Function<VendorError, VendorException> kind(long code) {
        return switch ((int) code) {
            case 9002, 9003 -> SessionNotFoundException::new;
            case 9007 -> AlreadyCancelledException::new;
            case 9042, 9099, 9100, 9101, 9102, 190315, 500014 -> PermissionDeniedException::new;
            case 13602, 13603, 20006, 9098 -> ConflictException::new;
            case 190300, 190301, 190303, 200003 -> AuthenticationException::new;
            case 190310, 190311, 190313, 9008, 9061, 500029, 500046, 500168 -> RateLimitedException::new;
            case 41, 5108, 13000, 960000 -> VendorUnavailableException::new;
            default -> VendorRejectedException::new;
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

    private TencentMeetingWire.ErrorInfo parse(String body) {
        try {
            TencentMeetingWire.ErrorBody parsed = body == null || body.isBlank() ? null : adapter.fromJson(body);
            return parsed == null ? null : parsed.errorInfo();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
