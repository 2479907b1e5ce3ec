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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The WeCom meeting create side by side: Convene, the raw transport with Convene's bytes, and WxJava 4.6.0
 * (default Apache HttpClient service and its OkHttp variant), all against one stub in a second JVM.
 * {@code java -jar benchmarks/target/benchmarks.jar WeComCreateBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WeComCreateBenchmark {
    private Fixture fixture;
    private RawReplay raw;
    private WxJava wxjava;
    private WxJava wxjavaOkHttp;

    @Setup(Level.Trial)
    public void setUp() {
        fixture = Fixture.start("wecom", 0, 16);
        raw = fixture.raw(RawReplay.Config.LIKE_CONVENE, 64);
        fixture.verifyIdentical(raw);
        wxjava = new WxJava(fixture.stub.properties(), false);
        wxjavaOkHttp = new WxJava(fixture.stub.properties(), true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        fixture.close();
    }

    @Benchmark
    public Session convene() {
        return fixture.convene.create(fixture.draft);
    }

    @Benchmark
    public byte[] raw() {
        return raw.create();
    }

    @Benchmark
    public String wxjava() {
        return wxjava.create();
    }

    @Benchmark
    public String wxjavaOkHttp() {
        return wxjavaOkHttp.create();
    }
}
