package dev.convene.benchmarks;

import dev.convene.simulator.VendorSimulator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Fills a Zoom stub with meetings through its own HTTP API (in the stub's JVM, over loopback), so the
 * paging benchmark has a large listing without touching the simulator's internals. OkHttp's default client
 * (which retries a request on a pooled connection the server has closed) rather than the JDK's, whose pool
 * closed connections under the seeding threads now and then ("header parser received no bytes").
 */
final class ZoomSeeder {
    private static final MediaType JSON = MediaType.get("application/json");

    private ZoomSeeder() {
    }

    static int seed(VendorSimulator sim, int count) throws Exception {
        Map<String, String> p = sim.properties();
        OkHttpClient http = new OkHttpClient();
        String access;
        Request tokenRequest = new Request.Builder().url(p.get("convene.zoom.oauth-url"))
                .header("Authorization", Credentials.basic(p.get("convene.zoom.client-id"), p.get("convene.zoom.client-secret")))
                .post(new FormBody.Builder().add("grant_type", "account_credentials").add("account_id", p.get("convene.zoom.account-id")).build())
                .build();
        try (Response token = http.newCall(tokenRequest).execute()) {
            access = RawReplay.field(token.body().string(), "access_token");
        }
        HttpUrl create = HttpUrl.get(p.get("convene.zoom.base-url")).newBuilder()
                .addPathSegment("users").addPathSegment(p.get("convene.zoom.organizer")).addPathSegment("meetings").build();
        Instant first = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger created = new AtomicInteger();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = "{\"topic\":\"Seeded meeting " + i + "\",\"type\":2,\"start_time\":\""
                                + first.plus(i, ChronoUnit.MINUTES) + "\",\"duration\":30,\"timezone\":\"Asia/Shanghai\","
                                + "\"agenda\":\"Paging benchmark session number " + i + "\"}";
                        Request r = new Request.Builder().url(create).header("Authorization", "Bearer " + access)
                                .post(RequestBody.create(body, JSON)).build();
                        try (Response answer = http.newCall(r).execute()) {
                            if (answer.code() != 201) {
                                throw new IllegalStateException("seeding failed: " + answer.code() + " " + answer.body().string());
                            }
                        }
                        created.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
        return created.get();
    }
}
