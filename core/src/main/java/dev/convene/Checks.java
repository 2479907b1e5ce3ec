package dev.convene;

/** The package's one rule for self-checking values, in one place: a required part that is missing is an {@link IllegalArgumentException} naming it. */
final class Checks {
    private Checks() {
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    static <C extends java.util.Collection<?>> C noNulls(C values, String what) {
        for (Object v : values) {
            if (v == null) {
                throw new IllegalArgumentException(what + " must not contain null");
            }
        }
        return values;
    }
}
