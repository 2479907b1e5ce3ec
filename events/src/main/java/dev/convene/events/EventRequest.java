package dev.convene.events;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as a vendor sent it, handed over by whatever web stack received it. Immutable.
 *
 * <p>The body must be the bytes received, untouched: signatures are checked over them (a re-serialised
 * body breaks on the first non-ASCII title). Header names are matched without regard to case.
 *
 * <pre>{@code
 * EventRequest request = EventRequest.builder("zoom")
 *         .method(exchange.getRequestMethod())
 *         .headers(exchange.getRequestHeaders())
 *         .rawQuery(exchange.getRequestURI().getRawQuery())
 *         .body(bytes)
 *         .build();
 * }</pre>
 */
public final class EventRequest {
    private final String provider;
    private final String tenant;
    private final String method;
    private final Map<String, String> headers;
    private final Map<String, String> query;
    private final byte[] body;
    private final boolean malformedQuery;

    private EventRequest(Builder b) {
        this.provider = b.provider;
        this.tenant = b.tenant;
        this.method = b.method;
        this.headers = Map.copyOf(b.headers);
        this.query = Map.copyOf(b.query);
        this.body = b.body;
        this.malformedQuery = b.malformedQuery;
    }

    /** A request addressed to {@code provider} ({@code wecom}, {@code tencentmeeting}, {@code zoom}). */
    public static Builder builder(String provider) {
        return new Builder(provider);
    }

    public String provider() {
        return provider;
    }

    /** The tenant named by the delivery's URL, or {@code null}. */
    public String tenant() {
        return tenant;
    }

    /** Upper case: {@code GET}, {@code POST}. */
    public String method() {
        return method;
    }

    /** The first value of a header, whatever the case of {@code name}, or {@code null}. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** A query parameter, percent-decoded, or {@code null}. */
    public String query(String name) {
        return query.get(name);
    }

    /** A copy of the body's bytes. */
    public byte[] body() {
        return body.clone();
    }

    /** The body's length without copying it. */
    public int bodyLength() {
        return body.length;
    }

    /** The body itself, for the verifiers in this module: never changed, never handed out. */
    byte[] bodyBytes() {
        return body;
    }

    /** Whether {@link Builder#rawQuery} met an escape it could not decode. */
    boolean malformedQuery() {
        return malformedQuery;
    }

    /** Method, provider and sizes only: headers and query may carry signatures, the body personal data. */
    @Override
    public String toString() {
        return "EventRequest[" + method + " " + provider + (tenant == null ? "" : "/" + tenant) + ", " + headers.size() + " headers, "
                + query.size() + " query parameters, " + body.length + " bytes]";
    }

    public static final class Builder {
        private final String provider;
        private String tenant;
        private String method = "POST";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private boolean malformedQuery;

        private Builder(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider").trim().toLowerCase(Locale.ROOT);
        }

        /** The tenant the URL names; {@code null} (the default) for none. */
        public Builder tenant(String tenant) {
            this.tenant = tenant;
            return this;
        }

        /** The HTTP method (default {@code POST}); any case. */
        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
            return this;
        }

        /** A header; the first value given for a name wins, as vendors send each once. */
        public Builder header(String name, String value) {
            if (name != null && value != null) {
                headers.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
            return this;
        }

        /** Every header of a map such as the JDK server's {@code Headers} or a servlet's, first value of each. */
        public Builder headers(Map<String, List<String>> headers) {
            headers.forEach((name, values) -> {
                if (values != null && !values.isEmpty()) {
                    header(name, values.get(0));
                }
            });
            return this;
        }

        /** A query parameter, already decoded (as web frameworks hand them out). */
        public Builder query(String name, String value) {
            if (name != null && value != null) {
                query.putIfAbsent(name, value);
            }
            return this;
        }

        /**
         * The query string as received ({@code a=b&c=d}, without {@code ?}), percent-decoded here. A
         * {@code +} stays a plus: the vendors' values are Base64, hex and digits, where a space never occurs
         * and a plus is common (decoding it to a space breaks WeCom's {@code echostr}). A malformed escape
         * makes the request one {@link EventReceiver#receive} rejects as malformed.
         */
        public Builder rawQuery(String rawQuery) {
            if (rawQuery == null || rawQuery.isEmpty()) {
                return this;
            }
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                String decodedName = percentDecode(name);
                String decodedValue = percentDecode(value);
                if (decodedName == null || decodedValue == null) {
                    malformedQuery = true;
                } else {
                    query(decodedName, decodedValue);
                }
            }
            return this;
        }

        /** The body exactly as received (copied). */
        public Builder body(byte[] body) {
            this.body = Objects.requireNonNull(body, "body").clone();
            return this;
        }

        public EventRequest build() {
            return new EventRequest(this);
        }

        /** Percent-decoding with the JDK's decoder, a plus kept as a plus; {@code null} when an escape is malformed. */
        private static String percentDecode(String s) {
            try {
                return s.indexOf('%') < 0 ? s : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
