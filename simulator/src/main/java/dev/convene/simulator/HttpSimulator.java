package dev.convene.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP half every vendor fake shares: a loopback server, request recording, and the transport
 * faults (drops, delays, malformed bodies). A vendor subclass lists its endpoints in one {@link Routes} table,
 * answers requests and says how its vendor spells "server error", "busy" and "rate limited".
 *
 * <p>{@link #handle} runs under one lock per simulator, so vendor state needs no further
 * synchronisation; delays and the configured latency are spent outside the lock.
 */
public abstract class HttpSimulator implements VendorSimulator {
    private static final byte[] MALFORMED = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GATEWAY_PAGE = ("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1>"
            + "</center><hr><center>nginx</center></body></html>").getBytes(StandardCharsets.UTF_8);

    static {
        // Two habits of the JDK's HTTP server that no vendor has, read once when its first server starts
        // (unless the JVM was started with its own values):
        // - beyond 200 idle keep-alive connections it closes each newly idle one just after answering on it,
        //   without "Connection: close"; a client that reuses it in that instant reads "unexpected end of
        //   stream", and a burst of 500 callers leaves its pool full of such connections;
        // - it writes an answer's head and body apart without TCP_NODELAY, so Nagle and delayed ACKs hold
        //   every answer some 40 ms.
        keep("sun.net.httpserver.maxIdleConnections", "4096");
        keep("sun.net.httpserver.nodelay", "true");
    }

    private static void keep(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private final String vendor;
    private final SimulatorOptions options;
    private final Faults faults = new Faults();
    private final Deque<RecordedRequest> recorded = new ArrayDeque<>();
    private final Object stateLock = new Object();
    private final HttpServer server;
    private final ExecutorService workers;
    private final URI baseUrl;
    private final long seed;
    private final Deque<Scripted> scripted = new ArrayDeque<>();
    private volatile boolean dailyLimits;
    private EventPush events;

    protected HttpSimulator(String vendor, SimulatorOptions options) {
        this.vendor = vendor;
        this.options = options;
        this.seed = options.seed().orElseGet(() -> new SecureRandom().nextLong());
        this.dailyLimits = options.dailyLimits();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 512);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + options.port(), e);
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, vendor + "-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
        server.start();
        baseUrl = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /**
     * This vendor's endpoints, one table of method and path template: it classifies every request before its body is
     * read (for faults and recording) and gives the vendor's handler to {@link #handle}. Built in the constructor.
     */
    protected abstract Routes<?> routes();

    /** Which neutral operation a request is: its endpoint's in {@link #routes()}, {@link Operation#OTHER} for none. */
    private Operation classify(String method, String rawPath) {
        return routes().classify(method, rawPath);
    }

    /** Answers one request and applies its effect on the fake's state. Runs under the simulator lock. */
    protected abstract SimResponse handle(RecordedRequest request);

    /** The vendor's answer for SERVER_ERROR, BUSY and RATE_LIMITED faults. */
    protected abstract SimResponse faultResponse(FaultKind kind, RecordedRequest request);

    /**
     * Runs under the simulator lock before a fault that answers without {@link #handle} (SERVER_ERROR, BUSY,
     * RATE_LIMITED, MALFORMED_JSON): a vendor whose gateway checks every request before anything else (Tencent's
     * signature and nonce) refuses the request here, or takes note of it (the nonce is then used), and returns
     * empty to let the fault answer. By default nothing is checked.
     */
    protected Optional<SimResponse> beforeFault(RecordedRequest request) {
        return Optional.empty();
    }

    protected final Clock clock() {
        return options.clock();
    }

    protected final Instant now() {
        return options.clock().instant();
    }

    protected final SimulatorOptions options() {
        return options;
    }

    /** Where this fake's ids, codes and tokens come from: {@link SimulatorOptions#seed()}, or one drawn at start. */
    protected final long seed() {
        return seed;
    }

    /** Runs {@code action} under the same lock as {@link #handle}, for control methods that touch state. */
    protected final <T> T locked(java.util.function.Supplier<T> action) {
        synchronized (stateLock) {
            return action.get();
        }
    }

    @Override
    public final String vendor() {
        return vendor;
    }

    @Override
    public final URI baseUrl() {
        return baseUrl;
    }

    @Override
    public final Faults faults() {
        return faults;
    }

    @Override
    public final List<RecordedRequest> requests() {
        synchronized (recorded) {
            return new ArrayList<>(recorded);
        }
    }

    @Override
    public final void clearRequests() {
        synchronized (recorded) {
            recorded.clear();
        }
    }

    @Override
    public final void failNext(VendorError error, int times, Operation... on) {
        Objects.requireNonNull(error, "error");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, was " + times);
        }
        Set<Operation> ops = on.length == 0 ? EnumSet.complementOf(EnumSet.of(Operation.TOKEN)) : EnumSet.copyOf(List.of(on));
        synchronized (stateLock) {
            scripted.add(new Scripted(error, ops, new int[] {times}));
        }
    }

    /**
     * The error {@link #failNext} scripted for a request of this operation, used up by this call; each fake asks where
     * its vendor would answer it (WeCom and Zoom before anything else, Tencent Meeting after its gateway's checks) and
     * spells the answer. Call under the simulator lock, as {@link #handle} runs.
     */
    protected final Optional<VendorError> takeScriptedError(Operation operation) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (s.on().contains(operation)) {
                if (--s.remaining()[0] == 0) {
                    it.remove();
                }
                return Optional.of(s.error());
            }
        }
        return Optional.empty();
    }

    private record Scripted(VendorError error, Set<Operation> on, int[] remaining) {
    }

    @Override
    public final void dailyLimits(boolean on) {
        dailyLimits = on;
    }

    /** Whether the vendor's per-day quotas apply now: {@link SimulatorOptions#dailyLimits()}, or as {@link #dailyLimits(boolean)} set it. */
    protected final boolean dailyLimitsOn() {
        return dailyLimits;
    }

    @Override
    public final synchronized EventPush events() {
        if (events == null) {
            events = new EventPush(vendor, eventChannel(), options.clock());
        }
        return events;
    }

    /** How this vendor pushes events; a fake without events keeps the default, which refuses. */
    protected EventChannel eventChannel() {
        throw new UnsupportedOperationException("the " + vendor + " simulator pushes no events");
    }

    /** Queues an event for the registered URL; nothing happens while {@link #events()} has no URL. */
    protected final void push(String vendorEvent, String nativeId, String payload) {
        EventPush outbox;
        synchronized (this) {
            outbox = events;
        }
        if (outbox != null) {
            outbox.push(vendorEvent, nativeId, payload);
        }
    }

    @Override
    public void hostStarts(String nativeId) {
        throw noHostApp();
    }

    @Override
    public void hostEnds(String nativeId) {
        throw noHostApp();
    }

    @Override
    public void hostCancels(String nativeId) {
        throw noHostApp();
    }

    @Override
    public void hostMoves(String nativeId, Instant start) {
        throw noHostApp();
    }

    @Override
    public void participantJoins(String nativeId, String participant) {
        throw noHostApp();
    }

    private UnsupportedOperationException noHostApp() {
        return new UnsupportedOperationException("the " + vendor + " simulator has no app a host acts in");
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
        synchronized (this) {
            if (events != null) {
                events.close();
            }
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Operation operation = classify(method, rawPath);
        Optional<Fault> fault = faults.take(operation);
        Map<String, List<String>> headers = exchange.getRequestHeaders();

        if (fault.map(f -> f.kind() == FaultKind.DROP_BEFORE_READ).orElse(false)) {
            record(new RecordedRequest(method, rawPath, rawQuery, headers, new byte[0], operation, now(), fault));
            throw new DroppedConnection();
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        RecordedRequest request = new RecordedRequest(method, rawPath, rawQuery, headers, body, operation, now(), fault);
        record(request);

        pause(options.latency());
        FaultKind kind = fault.map(Fault::kind).orElse(null);
        if (kind == FaultKind.DELAY) {
            pause(fault.get().delay());
        }
        SimResponse response;
        boolean answeredByFault = kind == FaultKind.SERVER_ERROR || kind == FaultKind.BUSY || kind == FaultKind.RATE_LIMITED
                || kind == FaultKind.MALFORMED_JSON || kind == FaultKind.ANSWER;
        Optional<SimResponse> refused = Optional.empty();
        if (answeredByFault) {
            synchronized (stateLock) {
                refused = beforeFault(request);
            }
        }
        if (refused.isPresent()) {
            response = refused.get();
        } else if (kind == FaultKind.SERVER_ERROR || kind == FaultKind.BUSY || kind == FaultKind.RATE_LIMITED) {
            response = faultResponse(kind, request);
        } else if (kind == FaultKind.MALFORMED_JSON) {
            response = new SimResponse(200, Map.of("Content-Type", "application/json"), MALFORMED);
        } else if (kind == FaultKind.ANSWER) {
            response = answer(fault.get());
        } else {
            synchronized (stateLock) {
                response = handle(request);
            }
            // the write happened; the answer that comes back does not say so
            response = switch (kind == null ? FaultKind.DELAY : kind) {
                case APPLY_THEN_SERVER_ERROR -> faultResponse(FaultKind.SERVER_ERROR, request);
                case APPLY_THEN_BUSY -> faultResponse(FaultKind.BUSY, request);
                case APPLY_THEN_GATEWAY_PAGE -> new SimResponse(502, Map.of("Content-Type", "text/html"), GATEWAY_PAGE);
                case APPLY_THEN_EMPTY_504 -> new SimResponse(504, Map.of(), new byte[0]);
                default -> response;
            };
        }
        if (kind == FaultKind.DROP_AFTER_APPLY) {
            throw new DroppedConnection();
        }
        byte[] bytes = response.body();
        if (kind == FaultKind.TRUNCATED_JSON) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean noBody = bytes.length == 0 && (response.status() == 204 || response.status() == 304);
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static SimResponse answer(Fault fault) {
        String body = fault.body();
        boolean json = body.startsWith("{") || body.startsWith("[") || body.equals("null");
        Map<String, String> headers = body.isEmpty() ? Map.of() : Map.of("Content-Type", json ? "application/json" : "text/html");
        return new SimResponse(fault.status(), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private void record(RecordedRequest request) {
        if (options.recordLimit() == 0) {
            return;
        }
        synchronized (recorded) {
            if (recorded.size() >= options.recordLimit()) {
                recorded.removeFirst();
            }
            recorded.addLast(request);
        }
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Thrown out of the handler so the JDK server closes the connection without an answer. */
    private static final class DroppedConnection extends IOException {
        DroppedConnection() {
            super("connection dropped on purpose");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
