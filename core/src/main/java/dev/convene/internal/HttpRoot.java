package dev.convene.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The root OkHttp client every provider derives from: one connection pool and one dispatcher per
 * distinct setting, shared by all services in the JVM. OkHttp's defaults are raised for a scheduler
 * (5 requests per host would cap a busy app far below what vendors allow), dispatcher threads are
 * daemons so a command-line tool exits when its work is done, and OkHttp's own connection-failure
 * retry is off: it would resend a POST whose answer was lost (a duplicate meeting) and hide repeated
 * cancels from core, which alone decides what may be repeated.
 */
public final class HttpRoot {
    private static final Map<Settings, OkHttpClient> ROOTS = new ConcurrentHashMap<>();

    /**
     * @param keepAlive how long an idle connection is kept; below common server idle timeouts (60 s),
     *                  so that we rarely reuse a connection the vendor has already closed
     */
    public record Settings(int maxRequests, int maxRequestsPerHost, Duration connectTimeout, Duration readTimeout,
                           Duration callTimeout, Duration keepAlive) {
        public static final Settings DEFAULT = new Settings(256, 64, Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(50));
    }

    private HttpRoot() {
    }

    /** The JDK's default TLS set-up, as OkHttp would make it itself: the system trust store and a context over it. */
    private record Tls(SSLSocketFactory sockets, X509TrustManager trust) {
    }

    /** Made once, on a daemon thread from {@link #prepare()} or by the first client; empty when the JDK could not. */
    private static final AtomicReference<CompletableFuture<Optional<Tls>>> TLS = new AtomicReference<>();

    /**
     * Starts making what the first client needs most time for, the JDK's TLS stack over its trust store
     * (and the IDN tables OkHttp checks every host name with), on a daemon thread, so that it overlaps with
     * finding providers and reading configuration instead of following them. The client then takes that
     * TLS set-up instead of making its own: made twice at once, on a small machine, the work is only longer.
     */
    public static void prepare() {
        CompletableFuture<Optional<Tls>> tls = new CompletableFuture<>();
        if (!TLS.compareAndSet(null, tls)) {
            return;
        }
        Thread t = new Thread(() -> {
            tls.complete(makeTls());
            java.net.IDN.toASCII("convene.example");
        }, "convene-prepare");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<Tls> tls() {
        CompletableFuture<Optional<Tls>> made = TLS.get();
        if (made == null) {
            TLS.compareAndSet(null, CompletableFuture.completedFuture(makeTls()));
            made = TLS.get();
        }
        return made.join();
    }

    /** What OkHttp's own default is on this JDK; a failure leaves the choice to OkHttp, whose own set-up reports it. */
    private static Optional<Tls> makeTls() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager trust) {
                    SSLContext context = SSLContext.getInstance("TLS");
                    context.init(null, new TrustManager[] {trust}, null);
                    return Optional.of(new Tls(context.getSocketFactory(), trust));
                }
            }
            return Optional.empty();
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    public static OkHttpClient client(Settings settings) {
        return ROOTS.computeIfAbsent(settings, HttpRoot::build);
    }

    private static OkHttpClient build(Settings s) {
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "convene-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(s.maxRequests());
        dispatcher.setMaxRequestsPerHost(s.maxRequestsPerHost());
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        tls().ifPresent(tls -> builder.sslSocketFactory(tls.sockets(), tls.trust()));
        return builder
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(Math.max(5, s.maxRequestsPerHost()), s.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(s.connectTimeout())
                .readTimeout(s.readTimeout())
                .writeTimeout(s.readTimeout())
                .callTimeout(s.callTimeout())
                .followRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }
}
