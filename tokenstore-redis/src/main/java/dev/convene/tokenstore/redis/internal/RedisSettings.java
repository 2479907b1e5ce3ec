package dev.convene.tokenstore.redis.internal;

import dev.convene.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The {@code convene.redis.*} keys.
 *
 * @param url       {@code redis://[user:password@]host:port[/db]} or {@code rediss://…} for TLS
 * @param keyPrefix first part of every key, so several applications can share one Redis
 * @param timeout   connect and read timeout; also how long a caller waits for a pooled connection
 * @param lockLease how long one instance may hold a credential's refresh lock before others take over
 * @param poolSize  most connections to Redis at once: as many as the HTTP client runs calls at once
 *                  ({@code convene.http.max-requests}, default 256), since each reads its token first; at least 16
 */
record RedisSettings(URI url, String keyPrefix, Duration timeout, Duration lockLease, int poolSize) {
    static final String URL = "convene.redis.url";
    static final String KEY_PREFIX = "convene.redis.key-prefix";
    static final String TIMEOUT = "convene.redis.timeout";
    static final String LOCK_LEASE = "convene.redis.lock-lease";
    static final String HTTP_MAX_REQUESTS = "convene.http.max-requests";
    static final int DEFAULT_HTTP_MAX_REQUESTS = 256;
    static final int MIN_POOL_SIZE = 16;

    static RedisSettings from(Map<String, String> config) {
        String url = config.getOrDefault(URL, "").trim();
        if (url.isEmpty()) {
            throw new ConfigurationException("missing configuration " + URL + " (environment variable CONVENE_REDIS_URL), required by convene.token-store=redis; e.g. redis://127.0.0.1:6379",
                    List.of(URL), null);
        }
        String prefix = config.getOrDefault(KEY_PREFIX, "convene").trim();
        if (prefix.isEmpty() || prefix.contains("{") || prefix.contains("}")) {
            // braces would break the hash tag that keeps a credential's keys in one cluster slot
            throw new ConfigurationException(KEY_PREFIX + " must be non-empty and free of braces, was '" + prefix + "'");
        }
        return new RedisSettings(parseUrl(url), prefix, duration(config, TIMEOUT, Duration.ofSeconds(2)),
                duration(config, LOCK_LEASE, Duration.ofSeconds(15)), Math.max(MIN_POOL_SIZE, httpMaxRequests(config)));
    }

    /** Core's HTTP concurrency; a malformed value is core's to report (it checks the key right after the store opens). */
    private static int httpMaxRequests(Map<String, String> config) {
        String v = config.getOrDefault(HTTP_MAX_REQUESTS, "").trim();
        return v.matches("\\d{1,6}") ? Integer.parseInt(v) : DEFAULT_HTTP_MAX_REQUESTS;
    }

    /**
     * A pool of connections to this Redis, named {@code clientName} in {@code CLIENT LIST}. Every vendor call reads
     * its token from Redis, so as many connections as the HTTP client runs calls at once; only a few are kept
     * idle. A caller that still finds none free within the timeout is served as during an outage rather than
     * parked for ever.
     */
    JedisPooled pool(String clientName) {
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(JedisURIHelper.getDBIndex(url))
                .ssl(JedisURIHelper.isRedisSSLScheme(url))
                .clientName(clientName);
        String user = JedisURIHelper.getUser(url);
        String password = JedisURIHelper.getPassword(url);
        if (password != null) {
            client.user(user).password(password);
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(Math.min(16, poolSize));
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        return new JedisPooled(JedisURIHelper.getHostAndPort(url), client.build(), pool);
    }

    /** The URL without user and password, for log lines. */
    String safeUrl() {
        return url.getScheme() + "://" + url.getHost() + ":" + url.getPort() + (url.getPath() == null ? "" : url.getPath());
    }

    private static URI parseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri.getPort() == -1 ? new URI(uri.getScheme(), uri.getUserInfo(), uri.getHost(), 6379, uri.getPath(), null, null) : uri;
            }
        } catch (URISyntaxException e) {
            // reported below without echoing the value: it may hold a password
        }
        throw new ConfigurationException(URL + " must look like redis://host:port or rediss://host:port");
    }

    private static Duration duration(Map<String, String> config, String key, Duration fallback) {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            Duration d = v.trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v.trim())) : Duration.parse(v.trim());
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new ConfigurationException(key + " must be a positive duration like PT2S or a number of seconds, was '" + v + "'");
        }
    }
}
