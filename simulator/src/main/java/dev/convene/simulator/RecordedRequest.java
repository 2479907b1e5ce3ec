package dev.convene.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request exactly as it arrived: raw (still percent-encoded) path and query, headers, body bytes.
 * Header names are matched case-insensitively, as HTTP says.
 */
public record RecordedRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        Operation operation,
        Instant receivedAt,
        Optional<Fault> fault) {

    public RecordedRequest {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }

    /** Path plus {@code ?query} exactly as sent, the way Tencent signs it. */
    public String rawUri() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The first value of a query parameter, percent-decoded. */
    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters().get(name));
    }

    public Map<String, String> queryParameters() {
        return FormEncoding.decode(rawQuery);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return method + " " + rawUri() + (body.length == 0 ? "" : " " + bodyText());
    }
}
