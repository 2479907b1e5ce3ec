package dev.convene.provider.wecom.internal;

import dev.convene.AuthenticationException;
import dev.convene.PermissionDeniedException;
import dev.convene.RateLimitedException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.VendorUnavailableException;
import dev.convene.provider.wecom.WeComProvider;
import dev.convene.spi.http.Redactor;
import dev.convene.spi.http.VendorErrors;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

    private static final Map<Integer, Function<VendorError, VendorException>> REFUSALS = Map.ofEntries(
            Map.entry(-1, VendorUnavailableException::new),
            Map.entry(40001, AuthenticationException::new),
            Map.entry(40013, AuthenticationException::new),
            Map.entry(40014, AuthenticationException::new),
            Map.entry(41001, AuthenticationException::new),
            Map.entry(41002, AuthenticationException::new),
            Map.entry(41004, AuthenticationException::new),
            Map.entry(42001, AuthenticationException::new),
            Map.entry(40003, VendorRejectedException::new),
            Map.entry(60111, VendorRejectedException::new),
            Map.entry(40031, VendorRejectedException::new),
            Map.entry(40032, VendorRejectedException::new),
            Map.entry(40035, VendorRejectedException::new),
            Map.entry(INVALID_PARAMETER, VendorRejectedException::new),
            Map.entry(40063, VendorRejectedException::new),
            Map.entry(45009, RateLimitedException::new),
            Map.entry(45033, RateLimitedException::new),
            Map.entry(48002, PermissionDeniedException::new),
            Map.entry(48004, PermissionDeniedException::new),
            Map.entry(50002, PermissionDeniedException::new),
            Map.entry(60011, PermissionDeniedException::new),
            Map.entry(60020, PermissionDeniedException::new),
            Map.entry(301002, PermissionDeniedException::new));
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


    /**
     * WeCom answers every call, success included, with an {@code errcode} (0 for success, spec §5). An answer without
     * one ({@code {}}, {@code null}, an {@code errmsg} alone, an empty 204) is not WeCom's success: it is thrown as an
     * unreadable answer, so that nothing is reported done (a cancel) or listed empty (a page) that was not.
     */
    @Override
    public VendorException fromBody(int status, Headers headers, Object body) {
        if (body == null || (body instanceof WeComWire.Reply r && r.errcode() == null)) {
            throw new IllegalStateException("WeCom's answer (HTTP " + status + ") carries no errcode: it is not WeCom's success answer");
        }
        if (body instanceof WeComWire.Reply reply && reply.errcode() != 0) {
            return refusal(status, reply.errcode(), reply.errmsg());
        }
        return null;
    }

    /** {@code status} is the HTTP status the refusal came with: 200, as WeCom answers every errcode. */
    private VendorException refusal(int status, int errcode, String errmsg) {
        String message = redactor.redact(errmsg == null ? "" : errmsg);
        Matcher hint = HINT.matcher(message);
        return REFUSALS.getOrDefault(errcode, VendorRejectedException::new).apply(new VendorError(WeComProvider.ID, status,
                Integer.toString(errcode), message, hint.find() ? hint.group(1) : null, RETRY_AFTER.get(errcode)));
    }

    /** WeCom itself answers 200 with an {@code errcode}: a non-2xx answer is a proxy's or gateway's. */
    @Override
    public VendorException fromHttpError(int status, Headers headers, String body) {
        return VendorErrors.notTheVendors(WeComProvider.ID, status, body, redactor, null);
    }
}
