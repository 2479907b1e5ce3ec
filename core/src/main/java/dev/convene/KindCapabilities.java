package dev.convene;

import java.util.EnumSet;
import java.util.Set;

/** What a provider does for one kind of session. */
public record KindCapabilities(Set<Operation> operations, Set<Feature> features, Limits limits) {
    public KindCapabilities {
        // null means none, like everywhere in this package; a null among them is a mistake
        operations = operations == null || operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(Checks.noNulls(operations, "operations")));
        features = features == null || features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(Checks.noNulls(features, "features")));
        Checks.required(limits, "limits");
    }

    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }

    public boolean supports(Feature feature) {
        return features.contains(feature);
    }
}
