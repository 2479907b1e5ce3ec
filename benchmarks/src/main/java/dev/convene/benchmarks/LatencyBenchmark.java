package dev.convene.benchmarks;

import dev.convene.Session;
import java.util.concurrent.TimeUnit;
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
 * Single-threaded create and get, Convene against the raw transport it uses (OkHttp 4.12, configured as
 * Convene's root client) sending the bytes Convene sent; the stub answers at once from a second JVM.
 * {@code java -jar benchmarks/target/benchmarks.jar LatencyBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LatencyBenchmark {
    @Param({"wecom", "tencentmeeting", "zoom"})
    public String vendor;

    private Fixture fixture;
    private RawReplay raw;
    private RawReplay rawNoTimeouts;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.start(vendor, 0, 16);
        raw = fixture.raw(RawReplay.Config.LIKE_CONVENE, 64);
        fixture.verifyIdentical(raw);
        rawNoTimeouts = fixture.raw(RawReplay.Config.NO_TIMEOUTS, 64);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Session conveneCreate() {
        return fixture.convene.create(fixture.draft);
    }

    @Benchmark
    public byte[] rawCreate() {
        return raw.create();
    }

    @Benchmark
    public byte[] rawCreateNoTimeouts() {
        return rawNoTimeouts.create();
    }

    @Benchmark
    public Session conveneGet() {
        return fixture.convene.get(fixture.sessionId);
    }

    @Benchmark
    public byte[] rawGet() {
        return raw.get();
    }
}
