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

    /** Starts a server on a free port; fails with an installation hint when there is no binary. */
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
        for (String dir : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/local/bin:/usr/sbin").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException("redis-server not found: these tests start a real Redis. Install Debian's redis-server "
                + "(apt-get update && apt-get install -y redis-server), as .ci/run does.");
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
