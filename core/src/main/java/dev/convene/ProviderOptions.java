package dev.convene;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** An immutable bag of {@link ProviderOption} values. Like every builder of this package it takes {@code null} as "not set". */
public final class ProviderOptions {
    public static final ProviderOptions NONE = new ProviderOptions(Map.of());

    private final Map<ProviderOption<?>, Object> values;

    private ProviderOptions(Map<ProviderOption<?>, Object> values) {
        this.values = values;
    }

    /** The value of {@code option}; empty when it is not set (or {@code option} is null). */
    public <T> Optional<T> get(ProviderOption<T> option) {
        return option == null ? Optional.empty() : Optional.ofNullable(option.type().cast(values.get(option)));
    }

    /** These options with {@code option} set to {@code value}; a {@code null} value removes it, a {@code null} option changes nothing. */
    public <T> ProviderOptions with(ProviderOption<T> option, T value) {
        if (option == null) {
            return this;
        }
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
