package dev.convene;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider can do, per kind: operations, features and limits. It must tell the truth: the
 * testkit checks every claim against the vendor (or its simulator).
 */
public record Capabilities(Map<SessionKind, KindCapabilities> kinds) {
    public Capabilities {
        kinds = kinds == null || kinds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(kinds));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<SessionKind> supportedKinds() {
        return kinds.keySet();
    }

    public Optional<KindCapabilities> of(SessionKind kind) {
        return Optional.ofNullable(kinds.get(kind));
    }

    public boolean supports(SessionKind kind) {
        return kinds.containsKey(kind);
    }

    public boolean supports(SessionKind kind, Operation operation) {
        return of(kind).map(k -> k.supports(operation)).orElse(false);
    }

    public boolean supports(SessionKind kind, Feature feature) {
        return of(kind).map(k -> k.supports(feature)).orElse(false);
    }

    public static final class Builder {
        private final Map<SessionKind, KindCapabilities> kinds = new EnumMap<>(SessionKind.class);

        private Builder() {
        }

        /**
         * What the provider does for {@code kind}; {@code null} operations or features mean none.
         *
         * @throws IllegalArgumentException when {@code kind} or {@code limits} is missing, or a set holds {@code null}
         */
        public Builder kind(SessionKind kind, Set<Operation> operations, Set<Feature> features, Limits limits) {
            kinds.put(Checks.required(kind, "kind"), new KindCapabilities(operations, features, limits));
            return this;
        }

        public Capabilities build() {
            return new Capabilities(kinds);
        }
    }
}
