package dev.convene.provider.wecom.internal;

import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorException.Kind;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.http.VendorErrors;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * WeCom's {@code errcode}s as Convene's error kinds (spec §5), keeping code and message. WeCom answers
 * HTTP 200 with the code in the body; a non-2xx status comes from a proxy or gateway, not from WeCom.
 */
final class WeComErrors implements VendorErrors {
    /** "invalid parameter": the code WeCom (and the fake by default) also uses for an unknown or foreign id. */
    static final int INVALID_PARAMETER = 40058;
    /** Token codes after which a call is replayed once with a fresh token (spec §6.3). */
    static final Set<Integer> TOKEN_REJECTED = Set.of(40001, 40014, 42001);

    private static final Map<Integer, Kind> KINDS = Map.ofEntries(
            Map.entry(-1, Kind.UNAVAILABLE),
            Map.entry(40001, Kind.AUTHENTICATION),
            Map.entry(40013, Kind.AUTHENTICATION),
            Map.entry(40014, Kind.AUTHENTICATION),
            Map.entry(41001, Kind.AUTHENTICATION),
            Map.entry(41002, Kind.AUTHENTICATION),
            Map.entry(41004, Kind.AUTHENTICATION),
            Map.entry(42001, Kind.AUTHENTICATION),
            Map.entry(40003, Kind.INVALID_REQUEST),
            Map.entry(60111, Kind.INVALID_REQUEST),
            Map.entry(40031, Kind.INVALID_REQUEST),
            Map.entry(40032, Kind.INVALID_REQUEST),
            Map.entry(40035, Kind.INVALID_REQUEST),
            Map.entry(INVALID_PARAMETER, Kind.INVALID_REQUEST),
            Map.entry(40063, Kind.INVALID_REQUEST),
            Map.entry(45009, Kind.RATE_LIMITED),
            Map.entry(45033, Kind.RATE_LIMITED),
            Map.entry(48002, Kind.PERMISSION_DENIED),
            Map.entry(48004, Kind.PERMISSION_DENIED),
            Map.entry(50002, Kind.PERMISSION_DENIED),
            Map.entry(60011, Kind.PERMISSION_DENIED),
            Map.entry(60020, Kind.PERMISSION_DENIED),
            Map.entry(301002, Kind.PERMISSION_DENIED));
    /**
     * 45009 blocks the API for the rest of a 60-second window (spec §1): ask for that much, so core does not
     * hot-loop (its default patience is shorter, so it gives up at once). 45033 is a concurrency cap that
     * clears quickly.
     */
    private static final Map<Integer, Duration> RETRY_AFTER = Map.of(45009, Duration.ofSeconds(60), 45033, Duration.ofSeconds(1));
    private static final Pattern HINT = Pattern.compile("hint: \\[([^\\]]+)]");

    private final Redactor redactor;

    WeComErrors(Redactor redactor) {
        this.redactor = redactor;
    }

    static Kind kindOf(int errcode) {
        return KINDS.getOrDefault(errcode, Kind.INVALID_REQUEST);
    }

    @Override
    public VendorException fromBody(int status, Headers headers, Object body) {
        if (body instanceof WeComWire.Reply reply && reply.errcode() != null && reply.errcode() != 0) {
            return refusal(status, reply.errcode(), reply.errmsg());
        }
        return null;
    }

    /** {@code status} is the HTTP status the refusal came with: 200, as WeCom answers every errcode. */
    private VendorException refusal(int status, int errcode, String errmsg) {
        String message = redactor.redact(errmsg == null ? "" : errmsg);
        Matcher hint = HINT.matcher(message);
        return VendorException.of(kindOf(errcode), new VendorError("wecom", status, Integer.toString(errcode), message,
                hint.find() ? hint.group(1) : null, RETRY_AFTER.get(errcode)));
    }

    @Override
    public VendorException fromHttpError(int status, Headers headers, String body) {
        Kind kind = status == 429 ? Kind.RATE_LIMITED : status >= 500 || status == 408 ? Kind.UNAVAILABLE : Kind.INVALID_REQUEST;
        String snippet = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
        return VendorException.of(kind, new VendorError("wecom", status, "", redactor.redact(snippet), null, null));
    }
}
