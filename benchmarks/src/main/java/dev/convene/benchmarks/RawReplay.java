package dev.convene.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The raw transport Convene uses (OkHttp 4.12) sending the bytes Convene sent, captured at the stub: same
 * method, path, query, headers and body, with only the credential made fresh, as any client must: WeCom's
 * {@code access_token} (fetched once), Zoom's bearer (fetched once), Tencent's timestamp, nonce and
 * HMAC signature (computed for every call over the exact body). It reads each answer's bytes and parses nothing.
 */
final class RawReplay {
    /** Headers OkHttp adds by itself on every request, Convene's included. */
    private static final Set<String> OKHTTP_OWN = Set.of("host", "content-length", "connection", "accept-encoding", "user-agent", "content-type");

    /** How the raw client is configured. */
    enum Config {
        /** Exactly the settings of Convene's shared root client (HttpRoot.Settings.DEFAULT, per-host limit as given). */
        LIKE_CONVENE,
        /** {@code new OkHttpClient()}: OkHttp's defaults (10 s connect/read/write timeouts, no call timeout). */
        OKHTTP_DEFAULTS,
        /** No read, write or call timeouts at all: the transport's floor. */
        NO_TIMEOUTS
    }

    private final String vendor;
    private final OkHttpClient http;
    private final Map<String, String> props;
    private final Prepared create;
    private final Prepared get;
    private final SecureRandom random = new SecureRandom();
    private final Mac mac;

    private record Prepared(String method, HttpUrl url, Headers headers, byte[] body, MediaType type, String rawUri) {
    }

    RawReplay(String vendor, OkHttpClient http, Map<String, String> props, Stubs.Captured create, Stubs.Captured get) {
        this.vendor = vendor;
        this.http = http;
        this.props = props;
        String token = switch (vendor) {
            case "wecom" -> wecomToken();
            case "zoom" -> zoomToken();
            default -> null;
        };
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            if (vendor.equals("tencentmeeting")) {
                mac.init(new SecretKeySpec(props.get("convene.tencentmeeting.secret-key").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        String base = baseOf(vendor, props);
        this.create = prepare(base, create, token);
        this.get = get == null ? null : prepare(base, get, token);
    }

    static OkHttpClient client(Config config, int maxRequestsPerHost) {
        return switch (config) {
            case OKHTTP_DEFAULTS -> withDispatcher(new OkHttpClient.Builder(), maxRequestsPerHost).build();
            case NO_TIMEOUTS -> withDispatcher(new OkHttpClient.Builder(), maxRequestsPerHost)
                    .readTimeout(Duration.ZERO).writeTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
            case LIKE_CONVENE -> withDispatcher(new OkHttpClient.Builder(), maxRequestsPerHost)
                    .connectionPool(new ConnectionPool(Math.max(5, maxRequestsPerHost), 50, TimeUnit.SECONDS))
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(30))
                    .writeTimeout(Duration.ofSeconds(30))
                    .callTimeout(Duration.ofSeconds(60))
                    .followRedirects(false)
                    .retryOnConnectionFailure(false)
                    .build();
        };
    }

    private static OkHttpClient.Builder withDispatcher(OkHttpClient.Builder b, int maxRequestsPerHost) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "raw-okhttp");
            t.setDaemon(true);
            return t;
        });
        Dispatcher d = new Dispatcher(executor);
        d.setMaxRequests(Math.max(256, maxRequestsPerHost));
        d.setMaxRequestsPerHost(maxRequestsPerHost);
        return b.dispatcher(d).connectionPool(new ConnectionPool(Math.max(5, maxRequestsPerHost), 5, TimeUnit.MINUTES));
    }

    private static String baseOf(String vendor, Map<String, String> props) {
        HttpUrl u = HttpUrl.get(props.get("convene." + vendor + ".base-url"));
        return u.scheme() + "://" + u.host() + ":" + u.port();
    }

    private Prepared prepare(String base, Stubs.Captured c, String token) {
        String query = c.rawQuery();
        if (vendor.equals("wecom")) {
            query = query.replaceAll("access_token=[^&]*", "access_token=" + token);
        }
        HttpUrl url = HttpUrl.get(base + c.rawPath() + (query.isEmpty() ? "" : "?" + query));
        Headers.Builder h = new Headers.Builder();
        for (String[] header : c.headers()) {
            String name = header[0].toLowerCase(java.util.Locale.ROOT);
            if ((OKHTTP_OWN.contains(name) && !(name.equals("content-type") && c.body().length == 0)) || name.startsWith("x-tc-timestamp") || name.startsWith("x-tc-nonce") || name.startsWith("x-tc-signature")) {
                continue;
            }
            h.add(header[0], name.equals("authorization") && vendor.equals("zoom") ? "Bearer " + token : header[1]);
        }
        String contentType = c.header("Content-Type");
        MediaType type = contentType == null ? null : MediaType.get(contentType);
        String rawUri = c.rawPath() + (c.rawQuery().isEmpty() ? "" : "?" + c.rawQuery());
        return new Prepared(c.method(), url, h.build(), c.body(), type, rawUri);
    }

    private Request request(Prepared p) {
        Request.Builder b = new Request.Builder().url(p.url()).headers(p.headers());
        if (vendor.equals("tencentmeeting")) {
            sign(b, p);
        }
        if (p.method().equals("GET")) {
            return b.get().build();
        }
        return b.method(p.method(), RequestBody.create(p.body(), p.type())).build();
    }

    /** Tencent's signature, fresh for every call: HMAC-SHA256 over method, key/nonce/timestamp, raw URI and the body bytes. */
    private void sign(Request.Builder b, Prepared p) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String nonce = Long.toString(1 + (random.nextLong() & (Long.MAX_VALUE - 1)));
        String secretId = props.get("convene.tencentmeeting.secret-id");
        String signature;
        synchronized (mac) {
            mac.update((p.method() + "\nX-TC-Key=" + secretId + "&X-TC-Nonce=" + nonce + "&X-TC-Timestamp=" + timestamp + "\n"
                    + p.rawUri() + "\n").getBytes(StandardCharsets.UTF_8));
            signature = Base64.getEncoder().encodeToString(HexFormat.of().formatHex(mac.doFinal(p.body())).getBytes(StandardCharsets.US_ASCII));
        }
        b.header("X-TC-Timestamp", timestamp).header("X-TC-Nonce", nonce).header("X-TC-Signature", signature);
    }

    byte[] create() {
        return execute(create);
    }

    byte[] get() {
        return execute(get);
    }

    CompletableFuture<byte[]> createAsync() {
        CompletableFuture<byte[]> f = new CompletableFuture<>();
        http.newCall(request(create)).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                f.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) {
                try (response) {
                    f.complete(check(response));
                } catch (IOException | RuntimeException e) {
                    f.completeExceptionally(e);
                }
            }
        });
        return f;
    }

    private byte[] execute(Prepared p) {
        try (Response response = http.newCall(request(p)).execute()) {
            return check(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] check(Response response) throws IOException {
        ResponseBody body = response.body();
        byte[] bytes = body == null ? new byte[0] : body.bytes();
        if (!response.isSuccessful()) {
            throw new IllegalStateException("raw call failed: " + response.code() + " " + new String(bytes, StandardCharsets.UTF_8));
        }
        return bytes;
    }

    private String wecomToken() {
        HttpUrl url = HttpUrl.get(props.get("convene.wecom.base-url")).newBuilder().addPathSegments("cgi-bin/gettoken")
                .addQueryParameter("corpid", props.get("convene.wecom.corp-id"))
                .addQueryParameter("corpsecret", props.get("convene.wecom.corp-secret")).build();
        return field(text(new Request.Builder().url(url).build()), "access_token");
    }

    private String zoomToken() {
        String basic = Base64.getEncoder().encodeToString((props.get("convene.zoom.client-id") + ":" + props.get("convene.zoom.client-secret"))
                .getBytes(StandardCharsets.UTF_8));
        Request r = new Request.Builder().url(props.get("convene.zoom.oauth-url")).header("Authorization", "Basic " + basic)
                .post(RequestBody.create("grant_type=account_credentials&account_id=" + props.get("convene.zoom.account-id"),
                        MediaType.get("application/x-www-form-urlencoded"))).build();
        return field(text(r), "access_token");
    }

    private String text(Request r) {
        try (Response response = http.newCall(r).execute()) {
            return response.body().string();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String json, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
