package dev.convene;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable bag of {@link ProviderOption} values. */
public final class ProviderOptions {
    public static final ProviderOptions NONE = new ProviderOptions(Map.of());

    private final Map<ProviderOption<?>, Object> values;

    private ProviderOptions(Map<ProviderOption<?>, Object> values) {
        this.values = values;
    }

    public <T> Optional<T> get(ProviderOption<T> option) {
        return Optional.ofNullable(option.type().cast(values.get(option)));
    }

    public <T> ProviderOptions with(ProviderOption<T> option, T value) {
        Map<ProviderOption<?>, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(option);
        } else {
            copy.put(option, option.type().cast(value));
        }
        return new ProviderOptions(Map.copyOf(copy));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderOptions other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Names only, sorted: a value may be a secret (Tencent's host key is one). */
    @Override
    public String toString() {
        return "ProviderOptions" + values.keySet().stream().map(ProviderOption::toString).sorted().toList();
    }
}
