package dev.convene.spi.http;

import dev.convene.RateLimitedException;
import dev.convene.VendorError;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.VendorUnavailableException;
import okhttp3.Headers;

/**
 * Turns a vendor's error answers into Convene's exceptions; one per provider. The exception's class is the kind of
 * refusal. What every vendor shares is here once: {@link #forStatus} for a status alone, {@link #notTheVendors} for
 * an answer that is not in the vendor's own error shape.
 */
public interface VendorErrors {

    /** How much of an answer that is not the vendor's own is kept in the error's message. */
    int EXCERPT = 200;

    /**
     * The exception for an answer whose HTTP status is not 2xx. A provider reads its vendor's error body here, and
     * leaves an answer that is not in that shape to {@link #notTheVendors}.
     */
    VendorException fromHttpError(int status, Headers headers, String body);

    /** The error a 2xx answer carries in its decoded body (WeCom's {@code errcode}), or {@code null} for a real success. */
    default VendorException fromBody(int status, Headers headers, Object body) {
        return null;
    }

    /**
     * The exception an HTTP status stands for when nothing the vendor said is more precise: 429 is rate limiting,
     * 408 and 5xx unavailability, every other status a rejection. A proxy or gateway in front of any vendor answers
     * so; a provider maps what its own vendor means by a status first (Zoom's 401, 403, 404 and 409) and leaves the
     * rest to this.
     */
    static VendorException forStatus(VendorError error) {
        int status = error.httpStatus();
        if (status == 429) {
            return new RateLimitedException(error);
        }
        if (status == 408 || status >= 500) {
            return new VendorUnavailableException(error);
        }
        return new VendorRejectedException(error);
    }

    /**
     * An answer that is not in the vendor's error shape (a proxy's or gateway's page, an empty body), mapped by its
     * status alone ({@link #forStatus}); the message is the first {@value #EXCERPT} characters of the body with every
     * secret {@code redactor} knows masked.
     *
     * @param requestId the vendor's request or trace id when the answer carries one, else {@code null}
     */
    static VendorException notTheVendors(String provider, int status, String body, Redactor redactor, String requestId) {
        String text = body == null ? "" : body.strip();
        String excerpt = text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
        return forStatus(new VendorError(provider, status, "", redactor.redact(excerpt), requestId, null));
    }
}
