package dev.convene;

/** The provider cannot do what was asked for this kind of session; nothing was sent. */
public class UnsupportedFeatureException extends ConveneException {
    private final String provider;
    private final SessionKind kind;
    private final String feature;

    public UnsupportedFeatureException(String provider, SessionKind kind, String feature) {
        super(provider + " does not support " + feature + (kind == null ? "" : " for " + kind.wireName() + "s"));
        this.provider = provider;
        this.kind = kind;
        this.feature = feature;
    }

    public String provider() {
        return provider;
    }

    public SessionKind kind() {
        return kind;
    }

    /** The feature, operation or kind that is missing, e.g. {@code RECURRENCE} or {@code LIST}. */
    public String feature() {
        return feature;
    }
}
