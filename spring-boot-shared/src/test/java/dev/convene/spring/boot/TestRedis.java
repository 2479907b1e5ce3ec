package dev.convene.spring.boot;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Set;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** The Redis that embedded-redis ships (6.2), on a free loopback port, for one test. */
final class TestRedis implements AutoCloseable {
    private final RedisServer server;
    private final int port;
    private final JedisPooled client;

    private TestRedis(int port) throws IOException {
        this.port = port;
        this.server = new RedisServer(port);
        server.start();
        this.client = new JedisPooled("127.0.0.1", port);
    }

    static TestRedis start() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        return new TestRedis(port);
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    Set<String> keys() {
        return client.keys("*");
    }

    @Override
    public void close() throws IOException {
        client.close();
        server.stop();
    }
}
