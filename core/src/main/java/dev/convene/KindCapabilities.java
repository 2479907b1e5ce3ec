package dev.convene;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What a provider does for one kind of session. */
public record KindCapabilities(Set<Operation> operations, Set<Feature> features, Limits limits) {
    public KindCapabilities {
        operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        Objects.requireNonNull(limits, "limits");
    }

    public boolean supports(Operation operation) {
        return operations.contains(operation);
    }

    public boolean supports(Feature feature) {
        return features.contains(feature);
    }
}
