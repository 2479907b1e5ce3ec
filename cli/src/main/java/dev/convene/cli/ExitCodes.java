package dev.convene.cli;

import dev.convene.AuthenticationException;
import dev.convene.ConfigurationException;
import dev.convene.InvalidSessionException;
import dev.convene.Operation;
import dev.convene.SessionDraft;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * The contract's exit codes. {@code 3} is for a vendor that answered and refused; a vendor that could
 * not be reached, was down or gave no usable answer has refused nothing, so that is {@code 1}, as is a
 * write whose outcome is unknown. Only what the user typed is {@code 2}: an unexpected
 * {@link IllegalArgumentException} from deeper down is a fault, not bad input.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int OTHER = 1;
    static final int BAD_INPUT = 2;
    static final int VENDOR_REFUSED = 3;
    static final int CONFIGURATION = 4;
    static final int UNSUPPORTED = 5;

    private ExitCodes() {
    }

    static int of(Throwable t) {
        if (t instanceof UsageException || t instanceof InvalidSessionException || t instanceof ParameterException) {
            return BAD_INPUT;
        }
        if (t instanceof VendorUnavailableException) {
            return OTHER;
        }
        if (t instanceof VendorException) {
            return VENDOR_REFUSED;
        }
        if (t instanceof ConfigurationException) {
            return CONFIGURATION;
        }
        if (t instanceof UnsupportedFeatureException) {
            return UNSUPPORTED;
        }
        return OTHER;
    }

    /** The one clear line that goes first on stderr (an invalid input lists its violations on the lines after). */
    static String headline(Throwable t) {
        if (t instanceof VendorUnavailableException v) {
            return unavailable(v);
        }
        if (t instanceof VendorException v) {
            return "error: " + v.provider() + " refused with vendor code " + (v.vendorCode().isEmpty() ? "(none)" : v.vendorCode())
                    + vendorDetails(v) + (v instanceof AuthenticationException a && !a.credentialKeys().isEmpty()
                    ? " (check " + String.join(", ", a.credentialKeys()) + ")" : "");
        }
        if (t instanceof SessionOutcomeUnknownException u) {
            return outcomeUnknown(u);
        }
        if (t instanceof InvalidSessionException e) {
            StringBuilder b = new StringBuilder("error: invalid input (nothing was sent):");
            e.violations().forEach(v -> b.append("\n  - ").append(v));
            return b.toString();
        }
        if (t instanceof dev.convene.ConveneException || t instanceof UsageException || t instanceof ParameterException) {
            return "error: " + t.getMessage();
        }
        return "error: unexpected " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage())
                + " (--verbose shows where)";
    }

    private static String unavailable(VendorUnavailableException v) {
        if (v.httpStatus() == 0 && v.vendorCode().isEmpty()) {
            return "error: could not reach " + v.provider() + " or read its answer: " + v.vendorMessage()
                    + " (check the network and the convene." + v.provider() + ".*-url settings, or try again later)";
        }
        return "error: " + v.provider() + " is unavailable, vendor code " + (v.vendorCode().isEmpty() ? "(none)" : v.vendorCode())
                + vendorDetails(v) + " (try again later)";
    }

    private static String vendorDetails(VendorException v) {
        return (v.httpStatus() == 0 ? "" : " (HTTP " + v.httpStatus() + ")") + ": " + v.vendorMessage()
                + v.requestId().map(id -> " [request " + id + "]").orElse("");
    }

    /** A write may have happened: say so plainly, and how to find out, because running the command again may duplicate it. */
    private static String outcomeUnknown(SessionOutcomeUnknownException u) {
        Throwable cause = u.getCause();
        String what = cause == null ? "" : " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        String head = "error: " + u.provider() + ": no answer came back to the " + u.operation().name().toLowerCase(Locale.ROOT) + what
                + " and it was not retried; ";
        if (u.operation() == Operation.CREATE) {
            return head + "the session may exist: " + u.draft().map(ExitCodes::lookFor).orElse("look for it with 'convene list'")
                    + " before creating it again";
        }
        return head + "the change may have been applied: " + u.target().map(id -> "check with 'convene get " + id + "'")
                .orElse("get the session to see its state");
    }

    private static String lookFor(SessionDraft d) {
        if (d.kind() == null || d.start() == null) {
            return "look for it with 'convene list'";
        }
        return "look for it with 'convene list --kind " + d.kind().wireName() + (d.organizer() == null ? "" : " --organizer " + d.organizer())
                + " --from " + d.start().minus(1, ChronoUnit.MINUTES) + " --to " + d.start().plus(1, ChronoUnit.MINUTES) + "'";
    }
}
