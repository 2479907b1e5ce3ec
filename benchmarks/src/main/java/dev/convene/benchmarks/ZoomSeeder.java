package dev.convene.benchmarks;

import dev.convene.simulator.VendorSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fills a Zoom stub with meetings through its own HTTP API (in the stub's JVM, over loopback), so the
 * paging benchmark has a large listing without touching the simulator's internals.
 */
final class ZoomSeeder {
    private ZoomSeeder() {
    }

    static int seed(VendorSimulator sim, int count) throws Exception {
        Map<String, String> p = sim.properties();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String basic = Base64.getEncoder().encodeToString((p.get("convene.zoom.client-id") + ":" + p.get("convene.zoom.client-secret"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(p.get("convene.zoom.oauth-url")))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=account_credentials&account_id=" + p.get("convene.zoom.account-id")))
                .build(), HttpResponse.BodyHandlers.ofString());
        String access = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        URI create = URI.create(p.get("convene.zoom.base-url") + "/users/" + p.get("convene.zoom.organizer") + "/meetings");
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
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(create)
                                .header("Authorization", "Bearer " + access)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            throw new IllegalStateException("seeding failed: " + r.statusCode() + " " + r.body());
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
        }
        return created.get();
    }
}
