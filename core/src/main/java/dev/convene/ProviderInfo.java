package dev.convene;

/** A provider found on the class path, described without opening it. */
public record ProviderInfo(String id, String displayName, Capabilities capabilities) {
}
