package dev.convene;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A draft, update or query breaks one or more rules, or text given to a parse method ({@link SessionId#parse},
 * {@link SessionKind#parse}, {@link Recurrence#parse}) is not what it should be; every violation is listed
 * (field and rule), and nothing was sent.
 */
public class InvalidSessionException extends ConveneException {
    private final List<Violation> violations;

    public InvalidSessionException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(List<Violation> violations) {
        return violations.size() == 1
                ? "invalid input: " + violations.get(0)
                : violations.size() + " problems: " + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
    }
}
