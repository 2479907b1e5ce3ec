package dev.convene.reliability.fuzz;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server standing in for a vendor: every request goes on to the vendor's simulator, and
 * the answer comes back as it is, except the one business answer (token endpoints are never touched)
 * that {@link #arm} picked, which is replaced by what a {@link Mutation} makes of it. So each mutated
 * answer starts as a real one for the very request the provider made.
 */
final class MutatingProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding", "expect", "upgrade",
            "keep-alive", "te", "trailer", "proxy-connection", "http2-settings");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "mutating-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private Mutation armed;
    private int armedIndex;
    private boolean sticky;
    private String stickyPath;
    private int businessAnswers;
    private final List<String> applied = new ArrayList<>();

    MutatingProxy(URI target) {
        this.target = target;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(workers);
        server.createContext("/", this::exchange);
        server.start();
    }

    /** The proxy's base, to replace the simulator's in the provider's configuration. */
    String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** From now on, the {@code index}-th business answer (0 = the first) is replaced by {@code mutation}'s; {@code null} disarms. */
    synchronized void arm(Mutation mutation, int index) {
        arm(mutation, index, false);
    }

    /**
     * {@code sticky}: after the {@code index}-th business answer, every later answer to the same method and path is
     * mutated too, as by a vendor that keeps doing it.
     */
    synchronized void arm(Mutation mutation, int index, boolean sticky) {
        armed = mutation;
        armedIndex = index;
        this.sticky = sticky;
        stickyPath = null;
        businessAnswers = 0;
        applied.clear();
    }

    /** What was done to the answers since {@link #arm}, e.g. {@code POST /v1/meetings: drop /meeting_info_list/0}. */
    synchronized List<String> applied() {
        return List.copyOf(applied);
    }

    static boolean isTokenPath(String path) {
        return path.endsWith("/gettoken") || path.endsWith("/oauth/token");
    }

    private void exchange(HttpExchange ex) throws IOException {
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String method = ex.getRequestMethod();
            URI uri = URI.create(target + ex.getRequestURI().toString());
            HttpRequest.Builder forward = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .method(method, body.length == 0 && (method.equals("GET") || method.equals("DELETE"))
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            HttpResponse<byte[]> real;
            try {
                real = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ex.sendResponseHeaders(502, -1);
                return;
            }
            Mutation.Answer answer = new Mutation.Answer(real.statusCode(), firstValues(real.headers().map()), real.body());
            Mutation mutation = null;
            synchronized (this) {
                if (!isTokenPath(ex.getRequestURI().getPath())) {
                    String where = method + " " + ex.getRequestURI().getPath();
                    if (armed != null && (businessAnswers == armedIndex || (sticky && where.equals(stickyPath)))) {
                        mutation = armed;
                        stickyPath = where;
                    }
                    businessAnswers++;
                }
            }
            if (mutation != null) {
                answer = mutation.apply(answer);
                synchronized (this) {
                    applied.add(method + " " + ex.getRequestURI().getPath() + ": " + mutation);
                }
            }
            send(ex, answer);
        }
    }

    private static Map<String, String> firstValues(Map<String, List<String>> headers) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!v.isEmpty() && !HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.startsWith(":")) {
                out.put(k, v.get(0));
            }
        });
        return out;
    }

    private static void send(HttpExchange ex, Mutation.Answer a) throws IOException {
        a.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        byte[] bytes = a.body();
        if (a.cutAfter() >= 0) {
            // Announce the whole body, send part of it, and close: the connection ends in the middle of the answer.
            ex.sendResponseHeaders(a.status(), bytes.length + 1L);
            OutputStream out = ex.getResponseBody();
            out.write(bytes, 0, Math.min(a.cutAfter(), bytes.length));
            out.flush();
            // Closing short of the announced length makes the server drop the connection, which is the point.
            ex.close();
            return;
        }
        boolean noBody = bytes.length == 0;
        ex.sendResponseHeaders(a.status(), noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
