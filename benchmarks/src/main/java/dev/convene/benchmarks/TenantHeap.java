package dev.convene.benchmarks;

import dev.convene.ListQuery;
import dev.convene.SessionKind;
import dev.convene.Tenants;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Heap per tenant, measured: {@code java -cp benchmarks.jar dev.convene.benchmarks.TenantHeap [tenants]} (default
 * 10,000; half on the WeCom simulator, half on Zoom's, each with credentials of its own). Opens every tenant with
 * one call (so its token is held too), then closes them all; prints the retained heap after a full GC with every
 * tenant open ({@code OPEN}) and after they were closed, their tokens still kept for their next use ({@code IDLE}),
 * against the baseline of the configurations alone.
 */
public final class TenantHeap {
    private TenantHeap() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        SimulatorOptions options = SimulatorOptions.defaults().withDailyLimits(false).withRecordLimit(0);
        try (VendorSimulator wecom = Simulators.start("wecom", options); VendorSimulator zoom = Simulators.start("zoom", options)) {
            Map<String, Map<String, String>> database = new HashMap<>();
            for (int i = 0; i < n; i++) {
                database.put("tenant-" + i, (i % 2 == 0 ? wecom : zoom).propertiesForNewCredentials());
            }
            Tenants tenants = Tenants.builder(database::get).systemProperties(false).environment(Map.of()).maxOpen(n).build();
            // one tenant first, so that classes, the shared pool and the simulators' first answers are not counted
            tenants.sessions("tenant-0").list(ListQuery.of(SessionKind.MEETING));
            long baseline = retained();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 1; i < n; i++) {
                String tenant = "tenant-" + i;
                calls.add(pool.submit(() -> tenants.sessions(tenant).list(ListQuery.of(SessionKind.MEETING))));
            }
            for (Future<?> f : calls) {
                f.get();
            }
            pool.shutdown();
            long open = retained();
            for (int i = 0; i < n; i++) {
                tenants.refresh("tenant-" + i);
            }
            long idle = retained();
            System.out.printf("tenants %d open %d%n", n, tenants.openTenants().size());
            System.out.printf("OPEN  %,d bytes per open tenant, %,.1f MB for %,d%n", (open - baseline) / (n - 1),
                    (open - baseline) * (double) n / (n - 1) / 1e6, n);
            System.out.printf("IDLE  %,d bytes per idle (closed) tenant, its tokens kept%n", (idle - baseline) / (n - 1));
            tenants.close();
        }
    }

    private static long retained() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
