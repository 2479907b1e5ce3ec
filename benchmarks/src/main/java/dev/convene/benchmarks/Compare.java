package dev.convene.benchmarks;

import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A short version of every benchmark in one go, one line per figure ({@code name value unit}) and one per
 * ratio ({@code ratio name value}), so anyone can reproduce the table in a few minutes:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.convene.benchmarks.Compare [section …]} with sections
 * {@code latency throughput async singleflight coldstart paging} (default: all).
 *
 * <p>Latency and allocation are measured on the calling thread in alternating rounds (every client once per
 * round, so drift of the shared machine hits all alike) and reported as the median round; the stub vendor
 * runs in its own JVM ({@link StubServer}).
 */
public final class Compare {
    private static final List<String> ALL = List.of("latency", "throughput", "async", "singleflight", "coldstart", "paging");
    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sections = args.length == 0 ? ALL : Arrays.asList(args);
        System.out.println("# Convene benchmarks, short run: " + Runtime.getRuntime().availableProcessors() + " cpus, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", load "
                + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        for (String section : sections) {
            // "latency:zoom" runs one vendor's part of a section.
            String s = section.split(":")[0];
            List<String> vendors = section.contains(":") ? List.of(section.split(":")[1]) : Workloads.VENDORS;
            switch (s) {
                case "latency" -> vendors.forEach(Compare::latency);
                case "throughput" -> vendors.forEach(Compare::throughput);
                case "async" -> vendors.forEach(Compare::async);
                case "singleflight" -> vendors.stream().filter(v -> !v.equals("tencentmeeting")).forEach(Compare::singleFlight);
                case "coldstart" -> coldStart();
                case "paging" -> paging();
                default -> throw new IllegalArgumentException("unknown section " + s + "; known: " + ALL);
            }
        }
    }

    // ---- single-threaded latency and allocation ---------------------------------------------------

    /** Per call: wall-clock µs, bytes allocated and CPU µs of the calling thread (the last barely moves with the machine's load). */
    private record Result(double micros, double bytes, double cpuMicros) {
    }

    static void latency(String vendor) {
        try (Fixture f = Fixture.start(vendor, 0, 16)) {
            RawReplay raw = f.raw(RawReplay.Config.LIKE_CONVENE, 64);
            f.verifyIdentical(raw);
            RawReplay rawDefaults = f.raw(RawReplay.Config.OKHTTP_DEFAULTS, 64);
            RawReplay rawBare = f.raw(RawReplay.Config.NO_TIMEOUTS, 64);
            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("create.convene", () -> f.convene.create(f.draft));
            ops.put("create.raw", raw::create);
            ops.put("create.raw-okhttp-defaults", rawDefaults::create);
            ops.put("create.raw-no-timeouts", rawBare::create);
            if (vendor.equals("wecom")) {
                WxJava wx = new WxJava(f.stub.properties(), false);
                WxJava wxOk = new WxJava(f.stub.properties(), true);
                ops.put("create.wxjava", wx::create);
                ops.put("create.wxjava-okhttp", wxOk::create);
            }
            ops.put("get.convene", () -> f.convene.get(f.sessionId));
            ops.put("get.raw", raw::get);
            ops.put("get.raw-no-timeouts", rawBare::get);
            Map<String, Result> r = rounds(ops, 8_000, 7, 1_000);
            r.forEach((name, res) -> {
                line("latency." + vendor + "." + name, res.micros(), "us/op");
                line("alloc." + vendor + "." + name, res.bytes() / 1024, "KB/op");
                line("cpu." + vendor + "." + name, res.cpuMicros(), "us/op");
            });
            ratio("latency." + vendor + ".create.convene/raw", r.get("create.convene").micros() / r.get("create.raw").micros());
            ratio("latency." + vendor + ".create.convene/raw-no-timeouts", r.get("create.convene").micros() / r.get("create.raw-no-timeouts").micros());
            ratio("latency." + vendor + ".get.convene/raw", r.get("get.convene").micros() / r.get("get.raw").micros());
            ratio("cpu." + vendor + ".create.convene/raw", r.get("create.convene").cpuMicros() / r.get("create.raw").cpuMicros());
            if (vendor.equals("wecom")) {
                ratio("latency.wecom.create.convene/wxjava", r.get("create.convene").micros() / r.get("create.wxjava").micros());
                ratio("alloc.wecom.create.convene/wxjava", r.get("create.convene").bytes() / r.get("create.wxjava").bytes());
                ratio("cpu.wecom.create.convene/wxjava", r.get("create.convene").cpuMicros() / r.get("create.wxjava").cpuMicros());
            }
        }
    }

    /** Warm-up, then {@code rounds} rounds in which every op runs {@code batch} times; the median round per op. */
    static Map<String, Result> rounds(Map<String, Runnable> ops, int warmup, int rounds, int batch) {
        for (int i = 0; i < warmup; i += 200) {
            ops.values().forEach(op -> {
                for (int k = 0; k < 200; k++) {
                    op.run();
                }
            });
        }
        Map<String, double[]> times = new LinkedHashMap<>();
        Map<String, double[]> bytes = new LinkedHashMap<>();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        ops.keySet().forEach(k -> {
            times.put(k, new double[rounds]);
            bytes.put(k, new double[rounds]);
            cpu.put(k, new double[rounds]);
        });
        long thread = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Runnable> e : ops.entrySet()) {
                Runnable op = e.getValue();
                long a0 = THREADS.getThreadAllocatedBytes(thread);
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                for (int k = 0; k < batch; k++) {
                    op.run();
                }
                long t1 = System.nanoTime();
                long c1 = THREADS.getCurrentThreadCpuTime();
                long a1 = THREADS.getThreadAllocatedBytes(thread);
                times.get(e.getKey())[round] = (t1 - t0) / 1000.0 / batch;
                bytes.get(e.getKey())[round] = (double) (a1 - a0) / batch;
                cpu.get(e.getKey())[round] = (c1 - c0) / 1000.0 / batch;
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        ops.keySet().forEach(k -> out.put(k, new Result(median(times.get(k)), median(bytes.get(k)), median(cpu.get(k)))));
        return out;
    }

    // ---- 16 blocking callers at 20 ms --------------------------------------------------------------

    static void throughput(String vendor) {
        try (Fixture f = Fixture.start(vendor, 20, 16)) {
            RawReplay raw = f.raw(RawReplay.Config.LIKE_CONVENE, 64);
            Map<String, Runnable> ops = new LinkedHashMap<>();
            ops.put("convene", () -> f.convene.create(f.draft));
            ops.put("raw", raw::create);
            if (vendor.equals("wecom")) {
                WxJava wx = new WxJava(f.stub.properties(), false);
                ops.put("wxjava", wx::create);
            }
            // Every client warms the stub and itself first (whoever ran first on a cold stub would lose),
            // then the clients take turns, twice; the better of each client's two rounds is reported.
            ops.forEach((name, op) -> closedLoop(16, op, 0, 2_000));
            Map<String, Double> rates = new LinkedHashMap<>();
            for (int round = 0; round < 2; round++) {
                ops.forEach((name, op) -> rates.merge(name, closedLoop(16, op, 300, 2_500), Math::max));
            }
            rates.forEach((name, rate) -> line("throughput16." + vendor + "." + name, rate, "calls/s"));
            ratio("throughput16." + vendor + ".convene/ideal800", rates.get("convene") / 800.0);
            ratio("throughput16." + vendor + ".raw/ideal800", rates.get("raw") / 800.0);
            if (vendor.equals("wecom")) {
                ratio("throughput16.wecom.wxjava/ideal800", rates.get("wxjava") / 800.0);
            }
        }
    }

    /** {@code threads} callers each calling {@code op} back to back; completed calls per second in the measured window. */
    static double closedLoop(int threads, Runnable op, long warmupMs, long measureMs) {
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failures = new AtomicLong();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        op.run();
                        done.incrementAndGet();
                    } catch (RuntimeException e) {
                        if (failures.incrementAndGet() == 1) {
                            e.printStackTrace();
                        }
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        sleep(warmupMs);
        long c0 = done.get();
        long t0 = System.nanoTime();
        sleep(measureMs);
        long c1 = done.get();
        long t1 = System.nanoTime();
        stop.set(true);
        workers.forEach(Compare::join);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls failed");
        }
        return (c1 - c0) * 1e9 / (t1 - t0);
    }

    // ---- 256 asynchronous calls in flight at 20 ms -------------------------------------------------

    static void async(String vendor) {
        try (Fixture f = Fixture.start(vendor, 20, 16, "convene.http.max-requests-per-host", "256", "convene.http.max-requests", "256")) {
            RawReplay raw = f.raw(RawReplay.Config.LIKE_CONVENE, 256);
            Supplier<CompletableFuture<?>> conveneOp = () -> f.convene.createAsync(f.draft);
            Supplier<CompletableFuture<?>> rawOp = raw::createAsync;
            double[] cpu = new double[1];
            // Both warm up first, then take turns twice; the better round of each is reported.
            inFlight(256, conveneOp, 0, 2_000, cpu);
            inFlight(256, rawOp, 0, 2_000, cpu);
            double convene = 0;
            double rawRate = 0;
            double conveneCpu = Double.MAX_VALUE;
            double rawCpu = Double.MAX_VALUE;
            for (int round = 0; round < 2; round++) {
                convene = Math.max(convene, inFlight(256, conveneOp, 300, 2_500, cpu));
                conveneCpu = Math.min(conveneCpu, cpu[0]);
                rawRate = Math.max(rawRate, inFlight(256, rawOp, 300, 2_500, cpu));
                rawCpu = Math.min(rawCpu, cpu[0]);
            }
            line("async256." + vendor + ".convene", convene, "calls/s");
            line("async256." + vendor + ".raw", rawRate, "calls/s");
            line("async256." + vendor + ".convene.process-cpu", conveneCpu, "us/call");
            line("async256." + vendor + ".raw.process-cpu", rawCpu, "us/call");
            ratio("async256." + vendor + ".convene/raw", convene / rawRate);
        }
        try (Fixture f = Fixture.start(vendor, 20, 16)) {
            inFlight(256, () -> f.convene.createAsync(f.draft), 0, 2_000, new double[1]);
            line("async256." + vendor + ".convene-default-limit64", inFlight(256, () -> f.convene.createAsync(f.draft), 300, 2_500, new double[1]), "calls/s");
        }
    }

    /** Keeps {@code permits} calls in flight; completions per second in the measured window. */
    static double inFlight(int permits, Supplier<CompletableFuture<?>> op, long warmupMs, long measureMs, double[] cpuPerCall) {
        Semaphore window = new Semaphore(permits);
        AtomicLong done = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread feeder = new Thread(() -> {
            while (!stop.get()) {
                try {
                    window.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                op.get().whenComplete((v, e) -> {
                    if (e == null) {
                        done.incrementAndGet();
                    } else if (failures.incrementAndGet() == 1) {
                        e.printStackTrace();
                    }
                    window.release();
                });
            }
        });
        feeder.start();
        sleep(warmupMs);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long p0 = os.getProcessCpuTime();
        long c0 = done.get();
        long t0 = System.nanoTime();
        sleep(measureMs);
        long c1 = done.get();
        long t1 = System.nanoTime();
        long p1 = os.getProcessCpuTime();
        cpuPerCall[0] = (p1 - p0) / 1000.0 / Math.max(1, c1 - c0);
        stop.set(true);
        join(feeder);
        window.acquireUninterruptibly(permits);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls failed");
        }
        return (c1 - c0) * 1e9 / (t1 - t0);
    }

    // ---- token single flight ------------------------------------------------------------------------

    static void singleFlight(String vendor) {
        try (Stubs stub = Stubs.start(vendor, 20, 100_000)) {
            for (String mode : List.of("blocking", "async")) {
                stub.clear();
                try (SessionService s = Workloads.open(stub, true, "convene.http.max-requests-per-host", "256")) {
                    var draft = Workloads.draft(vendor);
                    int callers = 1_000;
                    CountDownLatch ready = new CountDownLatch(callers);
                    CountDownLatch go = new CountDownLatch(1);
                    AtomicLong failed = new AtomicLong();
                    long t0 = System.nanoTime();
                    if (mode.equals("blocking")) {
                        List<Thread> threads = new ArrayList<>();
                        for (int i = 0; i < callers; i++) {
                            Thread t = new Thread(() -> {
                                ready.countDown();
                                await(go);
                                try {
                                    s.create(draft);
                                } catch (RuntimeException e) {
                                    if (failed.incrementAndGet() == 1) {
                                        e.printStackTrace();
                                    }
                                }
                            });
                            t.start();
                            threads.add(t);
                        }
                        await(ready);
                        t0 = System.nanoTime();
                        go.countDown();
                        threads.forEach(Compare::join);
                    } else {
                        List<CompletableFuture<Session>> all = new ArrayList<>();
                        for (int i = 0; i < callers; i++) {
                            all.add(s.createAsync(draft));
                        }
                        for (CompletableFuture<Session> c : all) {
                            try {
                                c.join();
                            } catch (RuntimeException e) {
                                failed.incrementAndGet();
                            }
                        }
                    }
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    line("singleflight." + vendor + "." + mode + ".token-requests", stub.count("TOKEN"), "requests");
                    line("singleflight." + vendor + "." + mode + ".failed", failed.get(), "calls");
                    line("singleflight." + vendor + "." + mode + ".creates", stub.count("CREATE"), "requests");
                    line("singleflight." + vendor + "." + mode + ".time", ms, "ms");
                }
            }
        }
    }

    // ---- cold start ---------------------------------------------------------------------------------

    static void coldStart() throws Exception {
        try (Stubs stub = Stubs.start("wecom", 0, 0)) {
            List<String> props = stub.properties().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
            int runs = Integer.getInteger("compare.coldstart.runs", 5);
            Map<String, double[]> main = new LinkedHashMap<>();
            Map<String, double[]> process = new LinkedHashMap<>();
            for (String lib : List.of("convene", "wxjava")) {
                main.put(lib, new double[runs]);
                process.put(lib, new double[runs]);
            }
            for (int i = 0; i < runs; i++) {
                for (String lib : main.keySet()) {
                    List<String> cmd = new ArrayList<>(List.of(Stubs.java(), "-cp", Stubs.classPath(), ColdStart.class.getName(), lib));
                    cmd.addAll(props);
                    long t0 = System.nanoTime();
                    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                    String result = null;
                    StringBuilder all = new StringBuilder();
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            all.append(line).append('\n');
                            if (line.startsWith("COLD ")) {
                                result = line.substring(5);
                            }
                        }
                    }
                    p.waitFor();
                    if (result == null) {
                        throw new IllegalStateException(lib + " cold start failed:\n" + all);
                    }
                    main.get(lib)[i] = Double.parseDouble(result);
                    process.get(lib)[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            for (String lib : main.keySet()) {
                line("coldstart." + lib + ".main-to-first-create", median(main.get(lib)), "ms");
                line("coldstart." + lib + ".process", median(process.get(lib)), "ms");
            }
            ratio("coldstart.convene/wxjava", median(main.get("convene")) / median(main.get("wxjava")));
        }
    }

    // ---- auto-paging over 100,000 sessions ------------------------------------------------------------

    static void paging() {
        int count = Integer.getInteger("compare.paging.sessions", 100_000);
        try (Stubs stub = Stubs.start("zoom", 0, 0)) {
            long seedMs = stub.seed(count);
            line("paging.zoom.seed", seedMs, "ms");
            try (SessionService s = Workloads.open(stub, false)) {
                ListQuery query = ListQuery.of(SessionKind.MEETING).withPageSize(300);
                // Warm once, then time a full pass.
                long seen;
                try (Stream<Session> all = s.listAll(query)) {
                    seen = all.count();
                }
                if (seen < count) {
                    throw new IllegalStateException("listed " + seen + " of " + count);
                }
                long t0 = System.nanoTime();
                try (Stream<Session> all = s.listAll(query)) {
                    seen = all.count();
                }
                long ms = (System.nanoTime() - t0) / 1_000_000;
                line("paging.zoom.sessions", seen, "sessions");
                line("paging.zoom.time", ms, "ms");

                MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                long base = retained(memory);
                Page<Session> one = s.list(query);
                long onePage = retained(memory) - base;
                if (one.items().isEmpty()) {
                    throw new IllegalStateException("empty page");
                }
                one = null;
                base = retained(memory);
                long peak = 0;
                long n = 0;
                try (Stream<Session> all = s.listAll(query)) {
                    Iterator<Session> it = all.iterator();
                    while (it.hasNext()) {
                        it.next();
                        if (++n % 3_000 == 150) {
                            peak = Math.max(peak, retained(memory) - base);
                        }
                    }
                }
                line("paging.zoom.one-page-retained", onePage / 1024.0, "KB");
                line("paging.zoom.peak-retained", peak / 1024.0, "KB");
                ratio("paging.zoom.peak-retained/one-page", (double) peak / onePage);
            }
        }
    }

    private static long retained(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    // ---- output and small helpers -------------------------------------------------------------------

    static void line(String name, double value, String unit) {
        System.out.println(name + " " + format(value) + " " + unit);
    }

    static void ratio(String name, double value) {
        System.out.println("ratio " + name + " " + String.format(Locale.ROOT, "%.3f", value));
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e12 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
