package dev.convene.events;

import dev.convene.ConfigurationException;
import dev.convene.events.internal.EventSettings;
import dev.convene.events.internal.Verifier;
import dev.convene.internal.ConfigLayers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what WeCom, Tencent Meeting and Zoom push into verified, de-duplicated neutral {@link Event}s. It
 * serves no HTTP itself: a web stack hands it each request at {@code …/{provider}} and writes back the
 * {@link EventResult}'s status and body.
 *
 * <pre>{@code
 * EventReceiver receiver = EventReceiver.builder().properties(config).build();
 * EventResult result = receiver.receive(EventRequest.builder("zoom")
 *         .method("POST").headers(headers).body(rawBody).build());
 * respond(result.status(), result.contentType(), result.body());     // answer first
 * if (result instanceof EventResult.Accepted accepted) {
 *     queue.add(accepted.event());                                  // then process
 * }
 * }</pre>
 *
 * <p>A provider can receive events when its keys are set: {@code convene.wecom.callback-token},
 * {@code convene.wecom.callback-aes-key} and {@code convene.wecom.corp-id}; {@code convene.tencentmeeting.event-token}
 * (and {@code convene.tencentmeeting.event-aes-key} when its events are encrypted);
 * {@code convene.zoom.webhook-secret-token}. Signed timestamps must lie within {@code convene.events.max-skew}
 * of the clock (default 5 minutes; {@code convene.<provider>.event-max-skew} for one provider); bodies above
 * {@code convene.events.max-body-bytes} (default 1 MiB) are refused; a delivery's key is remembered for
 * {@code convene.events.dedup-retention} (default 2 hours) in this JVM, or in Redis across instances with
 * {@code convene.events.dedup=redis} and {@code convene-tokenstore-redis} on the class path.
 *
 * <p>Thread-safe. {@link #receive} never throws for what a request contains: anything wrong with it is a
 * {@link EventResult.Rejected}.
 */
public final class EventReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("dev.convene.events");

    private final Map<String, Verifier> verifiers;
    private final int maxBodyBytes;
    private final Deduplicator deduplicator;
    private final boolean ownsDeduplicator;

    private EventReceiver(Map<String, Verifier> verifiers, int maxBodyBytes, Deduplicator deduplicator, boolean ownsDeduplicator) {
        this.verifiers = verifiers;
        this.maxBodyBytes = maxBodyBytes;
        this.deduplicator = deduplicator;
        this.ownsDeduplicator = ownsDeduplicator;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies one request and says what to answer.
     *
     * @throws NullPointerException if {@code request} is null (nothing else: a bad request is a {@link EventResult.Rejected})
     */
    public EventResult receive(EventRequest request) {
        EventResult result = check(Objects.requireNonNull(request, "request"));
        if (result instanceof EventResult.Rejected r) {
            LOG.info("rejected {} {} event request: {} ({})", request.method(), r.provider(), r.reason().wireName(), r.message());
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} event request: {}", request.method(), request.provider(), result);
        }
        return result;
    }

    private EventResult check(EventRequest request) {
        Verifier verifier = verifiers.get(request.provider());
        if (verifier == null) {
            return new EventResult.Rejected(printable(request.provider()), EventResult.Reason.UNKNOWN_PROVIDER,
                    "no provider '" + printable(request.provider()) + "' is configured to receive events; configured: "
                            + String.join(", ", verifiers.keySet()));
        }
        if (request.bodyLength() > maxBodyBytes) {
            return new EventResult.Rejected(verifier.provider(), EventResult.Reason.BODY_TOO_LARGE,
                    "the body has " + request.bodyLength() + " bytes, more than convene.events.max-body-bytes (" + maxBodyBytes + ")");
        }
        if (request.malformedQuery()) {
            return new EventResult.Rejected(verifier.provider(), EventResult.Reason.MALFORMED, "the query string has a malformed percent escape");
        }
        EventResult result = verifier.verify(request, request.bodyBytes());
        if (!(result instanceof EventResult.Accepted accepted)) {
            return result;
        }
        Event event = accepted.event();
        // the same vendor key under two tenants is two deliveries
        String key = event.tenant() == null ? event.dedupKey() : event.tenant() + "/" + event.dedupKey();
        boolean first;
        try {
            first = deduplicator.firstSeen(key);
        } catch (RuntimeException e) {
            // the class only: a store's message could name its connection, credentials included
            LOG.warn("de-duplication store failed ({}); answering 503 so that {} sends event {} again", e.getClass().getName(),
                    event.provider(), event.dedupKey());
            return new EventResult.Rejected(event.provider(), EventResult.Reason.UNAVAILABLE,
                    "the de-duplication store failed (" + e.getClass().getSimpleName() + "); the vendor will send the event again");
        }
        return first ? accepted : new EventResult.Duplicate(event.provider(), event.dedupKey(), accepted.status(), accepted.contentType(), accepted.body());
    }

    /** The providers that can receive events here, by id. */
    public Set<String> providers() {
        return verifiers.keySet();
    }

    /** The largest body accepted; an HTTP adapter may stop reading one byte beyond it. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** Closes the de-duplication store if this receiver opened it (one passed to the builder stays open). */
    @Override
    public void close() {
        if (ownsDeduplicator) {
            deduplicator.close();
        }
    }

    /** Providers and store only: no token, key or secret. */
    @Override
    public String toString() {
        return "EventReceiver[" + String.join(", ", verifiers.keySet()) + "; " + deduplicator + "]";
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) : s;
        return cut.chars().allMatch(c -> c >= 0x21 && c < 0x7f) ? cut : "(unprintable)";
    }

    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Map<String, String> environment = System.getenv();
        private boolean systemProperties = true;
        private Clock clock = Clock.systemUTC();
        private Deduplicator deduplicator;

        private Builder() {
        }

        /** Adds properties ({@code convene.*} keys); later calls override earlier ones. */
        public Builder properties(Map<String, String> values) {
            properties.putAll(values);
            return this;
        }

        public Builder properties(Properties values) {
            values.stringPropertyNames().forEach(k -> properties.put(k, values.getProperty(k)));
            return this;
        }

        /**
         * Reads a {@code .properties} file (UTF-8).
         *
         * @throws ConfigurationException naming the file when it cannot be read
         */
        public Builder propertiesFile(Path file) {
            return properties(ConfigLayers.readFile(file));
        }

        /** The environment variables to apply on top (default: the process environment), as {@code CONVENE_ZOOM_WEBHOOK_SECRET_TOKEN}. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** Whether {@code convene.*} system properties apply (default: yes). */
        public Builder systemProperties(boolean use) {
            this.systemProperties = use;
            return this;
        }

        /** The clock signed timestamps are checked against, and de-duplication expires by (tests inject one). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The de-duplication store to use instead of the configured one; the caller closes it. */
        public Builder deduplicator(Deduplicator deduplicator) {
            this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
            return this;
        }

        /**
         * @throws ConfigurationException naming the key and the rule when no provider has event keys, a provider's
         *                                keys are incomplete or malformed, a limit is not a positive value, or
         *                                {@code convene.events.dedup} names a store not on the class path
         */
        public EventReceiver build() {
            List<String> declared = new ArrayList<>(EventSettings.keys());
            List<Deduplicator.Factory> factories = new ArrayList<>();
            ServiceLoader.load(Deduplicator.Factory.class, EventReceiver.class.getClassLoader()).forEach(f -> {
                factories.add(f);
                declared.addAll(f.configurationKeys());
            });
            Map<String, String> config = ConfigLayers.merge(properties, systemProperties ? ConfigLayers.systemProperties() : Map.of(),
                    environment, declared, EventSettings.PROVIDERS);
            EventSettings settings = EventSettings.from(config, clock);
            if (deduplicator != null) {
                return new EventReceiver(settings.verifiers(), settings.maxBodyBytes(), deduplicator, false);
            }
            return new EventReceiver(settings.verifiers(), settings.maxBodyBytes(), open(settings, config, factories), true);
        }

        private Deduplicator open(EventSettings settings, Map<String, String> config, List<Deduplicator.Factory> factories) {
            String id = settings.dedup().trim();
            if (id.equals("memory")) {
                return Deduplicator.inMemory(settings.retention(), 100_000, clock);
            }
            List<String> found = new ArrayList<>(List.of("memory"));
            for (Deduplicator.Factory f : factories) {
                if (f.id().equals(id)) {
                    return f.open(config, settings.retention(), clock);
                }
                found.add(f.id());
            }
            throw new ConfigurationException("unknown de-duplication store '" + id + "' in " + EventSettings.DEDUP + "; available: "
                    + String.join(", ", found) + " (add convene-tokenstore-redis to the class path for redis)");
        }
    }
}
