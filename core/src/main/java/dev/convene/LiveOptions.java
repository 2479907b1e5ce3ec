package dev.convene;

/**
 * Options of a live stream. {@code null} means "the vendor's default".
 *
 * @param password audience password; never printed by {@link #toString()}
 * @param replay   whether the audience may watch the replay afterwards
 */
public record LiveOptions(String password, Boolean replay) {
    public static final LiveOptions DEFAULTS = new LiveOptions(null, null);

    public boolean isDefault() {
        return equals(DEFAULTS);
    }

    @Override
    public String toString() {
        return "LiveOptions[password=" + (password == null ? "none" : "****") + ", replay=" + replay + "]";
    }
}
