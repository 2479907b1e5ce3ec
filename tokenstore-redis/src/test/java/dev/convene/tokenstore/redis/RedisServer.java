package dev.convene.tokenstore.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.JedisPooled;
import redis.embedded.core.ExecutableProvider;

/**
 * A real {@code redis-server} on a free loopback port, owned by one test, that can be stopped and
 * started again on the same port. Nothing is persisted, so a restart comes back empty, like a
 * replacement node.
 */
final class RedisServer implements AutoCloseable {
    private final int port;
    private final Path log;
    private Process process;
    private JedisPooled client;

    private RedisServer(int port) throws IOException {
        this.port = port;
        this.log = Files.createTempFile("convene-redis-" + port + "-", ".log");
    }

    /** Starts a server on a free port; fails with an installation hint when there is no binary for this platform. */
    static RedisServer start() throws IOException {
        String binary = binary();
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            RedisServer server = new RedisServer(freePort());
            try {
                server.startProcess(binary);
                return server;
            } catch (IOException e) {
                // another process took the port between our probe and redis-server's bind
                last = e;
                server.close();
            }
        }
        throw last;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** A direct client for looking at what the store wrote. */
    synchronized JedisPooled client() {
        if (client == null) {
            client = new JedisPooled("127.0.0.1", port);
        }
        return client;
    }

    void stop() throws InterruptedException {
        if (client != null) {
            client.close();
            client = null;
        }
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    /** Starts the server again on the same port, empty. */
    void restart() throws IOException {
        startProcess(binary());
    }

    private void startProcess(String binary) throws IOException {
        process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--protected-mode", "yes")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Process started = process;
        // a test JVM that dies without closing us must not leave servers behind
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server on port " + port + " exited: " + Files.readString(log));
            }
            if (answersPing()) {
                return;
            }
            sleep(10);
        }
        process.destroyForcibly();
        throw new IOException("redis-server on port " + port + " did not answer within 10 s: " + Files.readString(log));
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        return Binary.PATH;
    }

    /**
     * The {@code redis-server} these tests run, chosen once per JVM: the first one on the {@code PATH} (a system
     * Redis is preferred), else the one the embedded-redis test dependency ships for this platform (Redis 6.2), so
     * that {@code ./mvnw verify} needs nothing installed by hand. Only the {@code PATH} is searched: CI proves the
     * fallback by running these tests with a {@code PATH} that has no {@code redis-server}.
     */
    private static final class Binary {
        static final String PATH = find();

        private static String find() {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                File candidate = new File(dir.isEmpty() ? "." : dir, "redis-server");
                if (candidate.isFile() && candidate.canExecute()) {
                    System.out.println("[redis tests] redis-server: " + candidate + " (found on the PATH)");
                    return candidate.getPath();
                }
            }
            File dir = new File("target", "embedded-redis");
            try {
                Files.createDirectories(dir.toPath());
                File shipped = ExecutableProvider.newJarResourceProvider(dir).get();
                System.out.println("[redis tests] redis-server: " + shipped.getName()
                        + " from embedded-redis (no redis-server on the PATH)");
                return shipped.getPath();
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("no redis-server on the PATH, and embedded-redis ships none for "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                        + ": install one (Debian: apt-get install -y redis-server)", e);
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind is harmless
        }
    }

    List<String> keys() {
        return List.copyOf(client().keys("*"));
    }
}
