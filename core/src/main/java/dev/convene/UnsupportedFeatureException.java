package dev.convene;

/** The provider cannot do what was asked for this kind of session; nothing was sent. */
public class UnsupportedFeatureException extends ConveneException {
    private final String provider;
    private final SessionKind kind;
    private final String feature;

    public UnsupportedFeatureException(String provider, SessionKind kind, String feature) {
        this(provider, kind, feature, provider + " does not support " + feature + (kind == null ? "" : " for " + kind.wireName() + "s"));
    }

    private UnsupportedFeatureException(String provider, SessionKind kind, String feature, String message) {
        super(message);
        this.provider = provider;
        this.kind = kind;
        this.feature = feature;
    }

    /** The provider has no sessions of {@code kind} at all (Zoom has no live streams). */
    public static UnsupportedFeatureException ofKind(String provider, SessionKind kind) {
        String feature = kind.wireName() + " sessions";
        return new UnsupportedFeatureException(provider, kind, feature, provider + " does not support " + feature);
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
