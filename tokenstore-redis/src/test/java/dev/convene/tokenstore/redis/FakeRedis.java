package dev.convene.tokenstore.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Something that speaks the Redis protocol on a loopback port but is no Redis this store can rely on:
 * it answers every {@code EVAL} with a reply of its choosing (raw RESP), {@code HMGET} with nothing stored,
 * and everything else with {@code +OK}. For replies a real Redis never gives the store's scripts.
 */
final class FakeRedis implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final String evalReply;

    /** @param evalReply the raw RESP answer to every EVAL, e.g. {@code "*1\r\n:7\r\n"} */
    FakeRedis(String evalReply) throws IOException {
        this.evalReply = evalReply;
        Thread acceptor = new Thread(this::accept, "fake-redis");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "redis://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                Thread t = new Thread(() -> serve(client), "fake-redis-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (InputStream in = new BufferedInputStream(client.getInputStream()); OutputStream out = client.getOutputStream()) {
            while (true) {
                List<String> command = readCommand(in);
                String name = command.get(0).toUpperCase(Locale.ROOT);
                String reply = switch (name) {
                    case "EVAL" -> evalReply;
                    case "HMGET" -> "*" + (command.size() - 2) + "\r\n" + "$-1\r\n".repeat(command.size() - 2);
                    default -> "+OK\r\n";
                };
                out.write(reply.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException | RuntimeException gone) {
            // the client hung up, or close() cut it off
        }
    }

    /** One command as clients send it: an array of bulk strings. */
    private static List<String> readCommand(InputStream in) throws IOException {
        String header = line(in);
        if (!header.startsWith("*")) {
            throw new IOException("not a command: " + header);
        }
        int count = Integer.parseInt(header.substring(1));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int length = Integer.parseInt(line(in).substring(1));
            byte[] bytes = in.readNBytes(length + 2); // the value and its CRLF
            parts.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
