package dev.convene.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A simulator's outbox: the events its state changes make, pushed to the registered URL as its vendor pushes
 * them ({@link EventChannel}), on a thread of its own so that a receiver may call the simulator back while it
 * answers. A delivery answered with anything but a 2xx in time is tried again after the vendor's intervals on
 * the simulator's clock, then dropped; nothing is pushed while no URL is registered.
 */
public final class EventPush implements AutoCloseable {
    private static final Duration IDLE = Duration.ofMillis(20);

    private final EventChannel channel;
    private final Clock clock;
    private final HttpClient http;
    private final List<Entry> entries = new ArrayList<>();
    private final Thread worker;
    private URI url;
    private boolean closed;

    EventPush(String vendor, EventChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        this.worker = new Thread(this::work, vendor + "-simulator-events");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Sends the vendor's URL check to {@code url} and, when the answer passes, pushes every later event there.
     *
     * @throws IllegalStateException when the check fails, as the vendor's console refuses to save such a URL
     */
    public void register(URI url) {
        Objects.requireNonNull(url, "url");
        EventChannel.Check check = channel.check(clock.instant());
        String failure;
        try {
            HttpResponse<String> answer = http.send(request(url, check.request()), HttpResponse.BodyHandlers.ofString());
            failure = check.passes(answer) ? null : "answered " + answer.statusCode() + " " + abbreviated(answer.body());
        } catch (IOException e) {
            failure = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        if (failure != null) {
            throw new IllegalStateException("the URL check of " + url + " failed: " + failure);
        }
        synchronized (this) {
            this.url = url;
        }
    }

    /** Stops pushing; events not yet delivered stay as they are. */
    public synchronized void unregister() {
        url = null;
    }

    /** How this vendor signs, seals and retries: for tests that send what the simulator's state does not make. */
    public EventChannel channel() {
        return channel;
    }

    /** The {@code convene.*} keys that let a receiver verify what this outbox sends. */
    public Map<String, String> receiverProperties() {
        return channel.receiverProperties();
    }

    /** Queues one event, if a URL is registered; {@code payload} is what the vendor says, before sealing. */
    public synchronized void push(String vendorEvent, String nativeId, String payload) {
        if (url == null || closed) {
            return;
        }
        Instant now = clock.instant();
        entries.add(new Entry(vendorEvent, nativeId, payload, channel.seal(payload), now));
        notifyAll();
    }

    /** Everything pushed so far, oldest first. */
    public synchronized List<PushedEvent> events() {
        return entries.stream().map(Entry::view).toList();
    }

    /**
     * Waits until every event due by the simulator's clock has had its attempt (delivered, or scheduled again, or
     * dropped): after a state change, or after moving the clock past a retry.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    public synchronized void await(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (entries.stream().anyMatch(e -> e.inFlight || e.due(clock.instant()))) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("events still undelivered after " + timeout + ": " + events());
            }
            try {
                wait(Math.max(1, Math.min(IDLE.toMillis(), left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for events", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        worker.interrupt();
    }

    private void work() {
        while (true) {
            Entry next;
            URI target;
            synchronized (this) {
                next = null;
                while (!closed && (next = firstDue()) == null) {
                    try {
                        wait(IDLE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                next.inFlight = true;
                target = url;
            }
            Instant at = clock.instant();
            int status;
            String failure = null;
            try {
                HttpRequest request = request(target, channel.deliver(next.sealed, at));
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
                failure = e.toString();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                next.inFlight = false;
                next.attempts.add(new PushedEvent.Attempt(at, status, failure));
                if (status >= 200 && status < 300) {
                    next.state = PushedEvent.State.DELIVERED;
                } else if (next.attempts.size() > channel.retries().size()) {
                    next.state = PushedEvent.State.DROPPED;
                } else {
                    next.due = clock.instant().plus(channel.retries().get(next.attempts.size() - 1));
                }
                notifyAll();
            }
        }
    }

    private Entry firstDue() {
        if (url == null) {
            return null;
        }
        Instant now = clock.instant();
        return entries.stream().filter(e -> e.due(now)).findFirst().orElse(null);
    }

    private HttpRequest request(URI base, EventChannel.Request r) {
        String query = r.query().entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String uri = base.toString();
        if (!query.isEmpty()) {
            uri += (base.getRawQuery() == null ? "?" : "&") + query;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(channel.timeout());
        r.headers().forEach(b::header);
        return b.method(r.method(), r.body().length == 0 && r.method().equals("GET")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body())).build();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body.length() > 80 ? body.substring(0, 80) + "…" : body;
    }

    private static final class Entry {
        final String vendorEvent;
        final String nativeId;
        final String payload;
        final String sealed;
        final Instant occurredAt;
        final List<PushedEvent.Attempt> attempts = new ArrayList<>();
        PushedEvent.State state = PushedEvent.State.PENDING;
        Instant due;
        boolean inFlight;

        Entry(String vendorEvent, String nativeId, String payload, String sealed, Instant occurredAt) {
            this.vendorEvent = vendorEvent;
            this.nativeId = nativeId;
            this.payload = payload;
            this.sealed = sealed;
            this.occurredAt = occurredAt;
            this.due = occurredAt;
        }

        boolean due(Instant now) {
            return state == PushedEvent.State.PENDING && !inFlight && !due.isAfter(now);
        }

        PushedEvent view() {
            return new PushedEvent(vendorEvent, nativeId, payload, occurredAt, state, attempts);
        }
    }
}
