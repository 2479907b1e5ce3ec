package dev.convene;

/**
 * The root of everything Convene throws. Client-side failures ({@link InvalidSessionException},
 * {@link UnsupportedFeatureException}, {@link ConfigurationException}) happen before anything is sent;
 * vendor-side ones extend {@link VendorException}; {@link SessionOutcomeUnknownException} means a
 * create or update may or may not have happened. No message ever contains a secret.
 */
public class ConveneException extends RuntimeException {
    public ConveneException(String message) {
        super(message);
    }

    public ConveneException(String message, Throwable cause) {
        super(message, cause);
    }
}
