package dev.convene.tokenstore.redis;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisMonitor;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Counts, through Redis's MONITOR, the attempts to take a refresh lock (the store's script with
 * {@code SET … NX}) from the moment it is opened: a test can then wait until an instance has provably been
 * refused the lock, instead of sleeping and hoping it got there.
 */
final class LockAttempts implements AutoCloseable {
    private final Jedis connection;
    private final Semaphore attempts = new Semaphore(0);
    private final CountDownLatch watching = new CountDownLatch(1);

    private LockAttempts(String url) {
        this.connection = new Jedis(URI.create(url));
    }

    /** Starts watching; returns once Redis has confirmed MONITOR, so that no later attempt is missed. */
    static LockAttempts watch(RedisServer redis) throws InterruptedException {
        LockAttempts watcher = new LockAttempts(redis.url());
        Thread thread = new Thread(watcher::monitor, "redis-monitor");
        thread.setDaemon(true);
        thread.start();
        if (!watcher.watching.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("MONITOR not confirmed within 10 s");
        }
        return watcher;
    }

    private void monitor() {
        try {
            connection.monitor(new JedisMonitor() {
                @Override
                public void proceed(Connection client) {
                    watching.countDown();
                    super.proceed(client);
                }

                @Override
                public void onCommand(String command) {
                    if (command.contains("\"EVAL\"") && command.contains("'NX'")) {
                        attempts.release();
                    }
                }
            });
        } catch (JedisException closed) {
            // close() cut the connection, or the test stopped Redis: nothing more to watch
        }
    }

    /** Whether {@code count} lock attempts were seen within 10 s. */
    boolean seen(int count) throws InterruptedException {
        return attempts.tryAcquire(count, 10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        connection.close();
    }
}
