package dev.convene.cli;

import dev.convene.ConfigurationException;
import dev.convene.InvalidSessionException;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorException;

/** The contract's exit codes. */
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
        if (t instanceof InvalidSessionException || t instanceof IllegalArgumentException || t instanceof picocli.CommandLine.ParameterException) {
            return BAD_INPUT;
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

    /** The one clear line that goes first on stderr. */
    static String headline(Throwable t) {
        if (t instanceof VendorException v) {
            return "error: " + v.provider() + " refused with vendor code " + (v.vendorCode().isEmpty() ? "(none)" : v.vendorCode())
                    + (v.httpStatus() == 0 ? "" : " (HTTP " + v.httpStatus() + ")") + ": " + v.vendorMessage()
                    + v.requestId().map(id -> " [request " + id + "]").orElse("");
        }
        if (t instanceof InvalidSessionException e) {
            StringBuilder b = new StringBuilder("error: invalid input (nothing was sent):");
            e.violations().forEach(v -> b.append("\n  - ").append(v));
            return b.toString();
        }
        return "error: " + t.getMessage();
    }
}
