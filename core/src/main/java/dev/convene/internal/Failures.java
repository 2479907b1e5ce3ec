package dev.convene.internal;

import dev.convene.AuthenticationException;
import dev.convene.Capabilities;
import dev.convene.ConveneException;
import dev.convene.Feature;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.VendorError;
import dev.convene.VendorUnavailableException;
import dev.convene.spi.http.Redactor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns every failure of an attempt into one of Convene's exceptions. Whether a write may have reached the vendor
 * decides which: that is known from the attempt ({@link Attempt#sent()}, set as a request leaves) or from the
 * failure's type, never from an exception's message.
 */
final class Failures {
    private final String provider;
    private final Capabilities capabilities;
    private final Redactor redactor;
    /** The full configuration keys an authentication error names, e.g. {@code convene.zoom.client-secret}. */
    private final List<String> credentialKeys;

    Failures(String provider, Capabilities capabilities, Redactor redactor, List<String> credentialKeys) {
        this.provider = provider;
        this.capabilities = capabilities;
        this.redactor = redactor;
        this.credentialKeys = List.copyOf(credentialKeys);
    }

    ConveneException classify(VendorCall<?> call, Throwable t, Attempt attempt) {
        if (t instanceof AuthenticationException e && e.credentialKeys().isEmpty() && !credentialKeys.isEmpty()) {
            return new AuthenticationException(e.error(), credentialKeys, e);
        }
        if (t instanceof SessionNotFoundException e && call.target() != null && !e.mayHaveBeenCancelled()
                && !capabilities.supports(call.kind(), Feature.KEEPS_CANCELLED)) {
            // The vendor deletes what is cancelled: its "not found" may well mean "cancelled", and the caller should know.
            return new SessionNotFoundException(e.error(), true);
        }
        if (call.write() && t instanceof VendorUnavailableException && attempt.mayHaveSent()) {
            // A 5xx, a gateway's page or a "busy" answer does not prove the write was refused before it was applied.
            return outcomeUnknown(call, t);
        }
        if (t instanceof ConveneException e) {
            return e;
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + redactor.redact(t.getMessage()));
        if (t instanceof IOException && (neverSent(t) || !attempt.mayHaveSent())) {
            return new VendorUnavailableException(new VendorError(provider, 0, "", "could not reach the vendor, nothing was sent (" + what + ")",
                    null, null), t);
        }
        if (call.write()) {
            return outcomeUnknown(call, t instanceof IOException ? new IOException(what, t) : t);
        }
        if (t instanceof IOException) {
            return new VendorUnavailableException(new VendorError(provider, 0, "", "no usable answer (" + what + ")", null, null), t);
        }
        return new ConveneException(provider + " failed unexpectedly (" + what + ")", t);
    }

    SessionOutcomeUnknownException outcomeUnknown(VendorCall<?> call, Throwable cause) {
        return new SessionOutcomeUnknownException(provider, call.operation(), call.draft(), call.target(), cause);
    }

    /** Failures whose type says the request cannot have left: there was no connection to send it on. */
    private static boolean neverSent(Throwable e) {
        return e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }
}
