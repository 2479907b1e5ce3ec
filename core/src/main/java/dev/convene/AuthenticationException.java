package dev.convene;

import java.util.List;

/**
 * The vendor did not accept the credentials (or a token that stayed invalid after one refresh). The
 * message ends by naming the configuration keys that hold the credentials, e.g. "check
 * convene.zoom.account-id, convene.zoom.client-id and convene.zoom.client-secret"; never their values.
 * {@link SessionService#checkCredentials()} finds this out without creating anything.
 */
public class AuthenticationException extends VendorException {
    private final List<String> credentialKeys;

    public AuthenticationException(VendorError error) {
        this(error, List.of(), null);
    }

    /**
     * @param credentialKeys the configuration keys (not values) of the credentials that were refused
     * @param cause          what the provider reported, when this one adds the keys to it
     */
    public AuthenticationException(VendorError error, List<String> credentialKeys, Throwable cause) {
        super(error.describe() + advice(credentialKeys), error, cause);
        this.credentialKeys = List.copyOf(credentialKeys);
    }

    /** The configuration keys that hold the refused credentials, e.g. {@code convene.zoom.client-secret}; empty when not known. */
    public List<String> credentialKeys() {
        return credentialKeys;
    }

    private static String advice(List<String> keys) {
        if (keys.isEmpty()) {
            return "";
        }
        String last = keys.get(keys.size() - 1);
        return " (check " + (keys.size() == 1 ? last : String.join(", ", keys.subList(0, keys.size() - 1)) + " and " + last) + ")";
    }
}
