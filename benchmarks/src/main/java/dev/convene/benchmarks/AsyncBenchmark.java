package dev.convene.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code createAsync} with 256 calls in flight against a stub that takes 20 ms per answer, against the raw
 * transport's {@code enqueue} with the same window. One operation issues one call once a slot is free, so
 * the score is calls completed per second. Both clients allow 256 requests per host
 * ({@code convene.http.max-requests-per-host=256}; Convene's default is 64).
 * {@code java -jar benchmarks/target/benchmarks.jar AsyncBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class AsyncBenchmark {
    private static final int IN_FLIGHT = 256;

    @Param({"wecom", "tencentmeeting", "zoom"})
    public String vendor;

    private Fixture fixture;
    private RawReplay raw;
    private final Semaphore window = new Semaphore(IN_FLIGHT);
    private final AtomicLong failures = new AtomicLong();

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.start(vendor, 20, 16, "convene.http.max-requests-per-host", "256", "convene.http.max-requests", "256");
        raw = fixture.raw(RawReplay.Config.LIKE_CONVENE, IN_FLIGHT);
    }

    @TearDown(Level.Iteration)
    public void drain() {
        window.acquireUninterruptibly(IN_FLIGHT);
        window.release(IN_FLIGHT);
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " calls failed");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public void convene() throws InterruptedException {
        window.acquire();
        track(fixture.convene.createAsync(fixture.draft));
    }

    @Benchmark
    public void raw() throws InterruptedException {
        window.acquire();
        track(raw.createAsync());
    }

    private void track(CompletableFuture<?> call) {
        call.whenComplete((v, e) -> {
            if (e != null) {
                failures.incrementAndGet();
            }
            window.release();
        });
    }
}
