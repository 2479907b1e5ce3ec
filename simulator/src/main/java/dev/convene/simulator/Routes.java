package dev.convene.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A vendor's endpoints as one table: method and path template ({@code /v2/meetings/{id}/status}) to the neutral
 * operation and the vendor's handler. Looked up from method and raw path alone, before the body is read, so the
 * same table classifies a request for faults and dispatches it. A {@code {name}} segment matches one non-empty raw
 * (still percent-encoded) segment; the method {@code *} matches any, for vendors that check the method themselves.
 *
 * @param <H> what the vendor keeps per endpoint
 */
public final class Routes<H> {
    private final List<Entry<H>> entries = new ArrayList<>();

    public Routes<H> add(String method, String template, Operation operation, H handler) {
        entries.add(new Entry<>(Objects.requireNonNull(method), template.split("/", -1), Objects.requireNonNull(operation),
                Objects.requireNonNull(handler)));
        return this;
    }

    /** The endpoint for {@code method} and {@code rawPath}, with its path's parameters. */
    public Optional<Match<H>> find(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (Entry<H> e : entries) {
            if (e.method.equals("*") || e.method.equals(method)) {
                Map<String, String> params = e.match(segments);
                if (params != null) {
                    return Optional.of(new Match<>(e.operation, e.handler, String.join("/", e.template), params));
                }
            }
        }
        return Optional.empty();
    }

    /** Whether some endpoint has this path, whatever its method: the difference between "not found" and "method not allowed". */
    public boolean knows(String rawPath) {
        return !methods(rawPath).isEmpty();
    }

    /** The methods the endpoints of this path take ({@code *} for any), in the order added; empty for an unknown path. */
    public Set<String> methods(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        Set<String> methods = new LinkedHashSet<>();
        entries.stream().filter(e -> e.match(segments) != null).forEach(e -> methods.add(e.method));
        return methods;
    }

    /** The operation of a request, {@link Operation#OTHER} when no endpoint has it. */
    public Operation classify(String method, String rawPath) {
        return find(method, rawPath).map(Match::operation).orElse(Operation.OTHER);
    }

    /** One endpoint found: its operation, the vendor's handler, its path template, and the path's raw parameters by name. */
    public record Match<H>(Operation operation, H handler, String template, Map<String, String> params) {
        /** A raw path parameter, or {@code null} when the template has none of that name. */
        public String param(String name) {
            return params.get(name);
        }
    }

    private record Entry<H>(String method, String[] template, Operation operation, H handler) {
        Map<String, String> match(String[] segments) {
            if (segments.length != template.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < template.length; i++) {
                String t = template[i];
                if (t.length() > 2 && t.startsWith("{") && t.endsWith("}")) {
                    if (segments[i].isEmpty()) {
                        return null;
                    }
                    params.put(t.substring(1, t.length() - 1), segments[i]);
                } else if (!t.equals(segments[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
