package dev.convene.benchmarks;

import dev.convene.ListQuery;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * {@code listAll} over 100,000 Zoom meetings (300 a page, full objects), seeded into the stub through its
 * own API. The heap bound is checked by {@link Compare} ({@code paging} section); run this one with a small
 * heap to see it hold: {@code java -jar benchmarks/target/benchmarks.jar PagingBenchmark -jvmArgs -Xmx64m}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class PagingBenchmark {
    private Stubs stub;
    private SessionService convene;

    @Setup(Level.Trial)
    public void setUp() {
        stub = Stubs.start("zoom", 0, 0);
        stub.seed(100_000);
        convene = Workloads.open(stub, false);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        convene.close();
        stub.close();
    }

    @Benchmark
    public long listAll() {
        try (Stream<?> all = convene.listAll(ListQuery.of(SessionKind.MEETING).withPageSize(300))) {
            return all.count();
        }
    }
}
