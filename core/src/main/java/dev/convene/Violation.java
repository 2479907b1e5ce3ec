package dev.convene;

/**
 * One broken rule of a draft or update.
 *
 * @param field the path of the offending field, e.g. {@code title} or {@code recurrence.count}
 * @param rule  the rule in words, e.g. {@code must be at most 40 characters, was 52}
 */
public record Violation(String field, String rule) {
    public Violation {
        Checks.required(field, "a violation's field");
        Checks.required(rule, "a violation's rule");
    }

    @Override
    public String toString() {
        return field + " " + rule;
    }
}
