package dev.convene.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.AlreadyCancelledException;
import dev.convene.Convene;
import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.ProviderInfo;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.internal.HttpRoot;
import dev.convene.spi.Exchange;
import dev.convene.simulator.Fault;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.StoredSession;
import dev.convene.simulator.VendorSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * 20,000 mixed operations across every provider's simulator, 32 callers at once, a quarter of the
 * operations through the async API, 5 % of vendor calls faulted at random (seeded). Afterwards the
 * simulators' own state is compared with what callers were told: no session exists twice, none that a
 * caller was told exists is missing, none exists that a caller was told was not created, every reported
 * cancel happened. The connection pool and dispatcher are idle again with no connection left in use,
 * thread counts are within what the callers can explain against a baseline taken before the soak (again
 * after every service and simulator is closed), and the heap grew no more than the simulators' own
 * state explains.
 */
class SoakTest {
    static final int OPERATIONS = 20_000;
    static final int CALLERS = 32;
    static final double FAULT_RATE = 0.05;
    /** The share of operations that go through the {@code *Async} API (dispatcher threads, callbacks, async retries). */
    static final double ASYNC_SHARE = 0.25;
    /**
     * How much the heap may grow from the first quarter to the last. The simulators keep every session
     * created (about 6,700) and the last 1,000 requests each, which measured about 16 MB; twice that
     * leaves room for GC timing without hiding a leak of a few bytes per operation (20,000 × 2 KB = 40 MB).
     */
    static final long HEAP_GROWTH_LIMIT = 32L * 1024 * 1024;
    static final long SEED = 20301121L;
    static final List<Fault> FAULTS = List.of(Fault.of(FaultKind.SERVER_ERROR), Fault.of(FaultKind.BUSY), Fault.of(FaultKind.RATE_LIMITED),
            Fault.of(FaultKind.DROP_BEFORE_READ), Fault.of(FaultKind.DROP_AFTER_APPLY), Fault.of(FaultKind.MALFORMED_JSON),
            Fault.of(FaultKind.TRUNCATED_JSON));

    /** What callers were told about each create, by title (titles are unique per create). */
    enum Told { CREATED, MAYBE, NOT_CREATED }

    record Vendor(String id, VendorSimulator simulator, SessionService service, List<SessionKind> kinds) {
    }

    final SettableClock clock = new SettableClock(Instant.parse("2030-03-04T01:00:00Z"));
    final Map<String, Told> told = new ConcurrentHashMap<>();
    final Map<String, String> providerOf = new ConcurrentHashMap<>();
    final Map<SessionId, Boolean> cancelled = new ConcurrentHashMap<>();
    final List<SessionId> live = Collections.synchronizedList(new ArrayList<>());
    /** Operations done and failures, by provider and operation (and exception), sorted for the report. */
    final Map<String, AtomicInteger> done = new ConcurrentSkipListMap<>();
    final Map<String, AtomicInteger> failures = new ConcurrentSkipListMap<>();
    final AtomicLong sequence = new AtomicLong();
    final AtomicInteger asyncCalls = new AtomicInteger();
    final AtomicInteger callerThreads = new AtomicInteger();
    static final String CALLER_THREAD = "soak-caller-";

    @Test
    void twentyThousandFaultedOperationsLoseAndDuplicateNothing() throws Exception {
        OkHttpClient root = HttpRoot.client(HttpRoot.Settings.DEFAULT);
        Threads baseline = Threads.now();
        List<Vendor> vendors = start();
        try {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> heap = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS, r -> new Thread(r, CALLER_THREAD + callerThreads.incrementAndGet()));
            int batch = OPERATIONS / 4;
            for (int quarter = 0; quarter < 4; quarter++) {
                List<Future<?>> work = new ArrayList<>();
                for (int c = 0; c < CALLERS; c++) {
                    int caller = quarter * CALLERS + c;
                    int share = batch / CALLERS + (c < batch % CALLERS ? 1 : 0);
                    work.add(callers.submit(() -> run(vendors, new Random(SEED + caller), share)));
                }
                for (Future<?> f : work) {
                    f.get(5, TimeUnit.MINUTES);
                }
                System.gc();
                heap.add(memory.getHeapMemoryUsage().getUsed());
            }
            callers.shutdown();
            assertThat(callers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

            int total = done.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf("soak: %d operations %s (%d async); failures %s; heap after each quarter %s MB; threads before %s, after %s;"
                            + " pooled connections %d%n", total, done, asyncCalls.get(), failures,
                    heap.stream().map(b -> b / (1024 * 1024)).toList(), baseline, Threads.now(), root.connectionPool().connectionCount());
            assertThat(total).isEqualTo(OPERATIONS);
            assertThat(asyncCalls.get()).as("operations through the async API").isBetween((int) (OPERATIONS * ASYNC_SHARE * 0.9),
                    (int) (OPERATIONS * ASYNC_SHARE * 1.1));

            for (Vendor v : vendors) {
                verifyState(v);
            }
            verifyIdle(root);
            verifyThreads(baseline, "after the soak");
            assertThat(heap.get(3) - heap.get(0)).as("heap growth from the first quarter to the last (bytes)").isLessThan(HEAP_GROWTH_LIMIT);
        } finally {
            vendors.forEach(v -> {
                v.service().close();
                v.simulator().close();
            });
        }
        verifyIdle(root);
        awaitAtMost(baseline.simulator(), Threads::simulatorThreads, "the simulators' threads after close()");
        verifyThreads(baseline, "after close()");
        System.out.printf("soak: threads after close %s%n", Threads.now());
    }

    private List<Vendor> start() {
        List<Vendor> vendors = new ArrayList<>();
        for (ProviderInfo p : Convene.providers()) {
            if (!Simulators.vendors().contains(p.id())) {
                continue;
            }
            SimulatorOptions options = SimulatorOptions.defaults().withClock(clock).withRecordLimit(1_000)
                    .with("user-daily-write-limit", "0");
            VendorSimulator sim = Simulators.start(p.id(), options);
            sim.faults().randomly(FAULT_RATE, SEED ^ p.id().hashCode(), FAULTS);
            SessionService service = Convene.builder().properties(sim.properties()).environment(Map.of()).systemProperties(false)
                    .clock(clock).retryPolicy(new RetryPolicy(3, Duration.ofMillis(2), Duration.ofMillis(10), 0.5, Duration.ofSeconds(2)))
                    .build();
            List<SessionKind> kinds = p.capabilities().supportedKinds().stream().sorted().toList();
            vendors.add(new Vendor(p.id(), sim, service, kinds));
        }
        assertThat(vendors).extracting(Vendor::id).as("every provider with a simulator takes part").isNotEmpty();
        return vendors;
    }

    private void run(List<Vendor> vendors, Random rng, int operations) {
        for (int i = 0; i < operations; i++) {
            Vendor v = vendors.get(rng.nextInt(vendors.size()));
            SessionKind kind = v.kinds().get(rng.nextInt(v.kinds().size()));
            double dice = rng.nextDouble();
            Operation op = dice < 0.30 ? Operation.CREATE : dice < 0.60 ? Operation.GET : dice < 0.75 ? Operation.UPDATE
                    : dice < 0.85 ? Operation.CANCEL : Operation.LIST;
            if (!v.service().capabilities().supports(kind, op)) {
                op = Operation.CREATE;
            }
            SessionId target = op == Operation.CREATE || op == Operation.LIST ? null : pick(v, kind, rng);
            if (target == null && op != Operation.LIST) {
                op = Operation.CREATE;
            }
            boolean async = rng.nextDouble() < ASYNC_SHARE;
            if (async) {
                asyncCalls.incrementAndGet();
            }
            try {
                call(v, kind, op, target, async);
            } catch (ConveneException e) {
                failures.computeIfAbsent(v.id() + " " + op + " " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
            done.computeIfAbsent(v.id() + " " + op, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    private SessionId pick(Vendor v, SessionKind kind, Random rng) {
        synchronized (live) {
            List<SessionId> mine = live.stream().filter(id -> id.provider().equals(v.id()) && id.kind() == kind).toList();
            return mine.isEmpty() ? null : mine.get(rng.nextInt(mine.size()));
        }
    }

    /** One operation, blocking or through the async API and waited for: both must keep the same promises. */
    private void call(Vendor v, SessionKind kind, Operation op, SessionId target, boolean async) {
        SessionService service = v.service();
        switch (op) {
            case CREATE -> {
                String title = "Soak " + sequence.incrementAndGet();
                ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).plusDays(3)
                        .plusMinutes(sequence.get() % 10_000);
                SessionDraft draft = SessionDraft.builder(kind).title(title).start(start).duration(Duration.ofHours(1)).build();
                told.put(title, Told.NOT_CREATED);
                providerOf.put(title, v.id());
                try {
                    Session s = async ? await(service.createAsync(draft)) : service.create(draft);
                    told.put(title, Told.CREATED);
                    live.add(s.id());
                } catch (SessionOutcomeUnknownException e) {
                    told.put(title, Told.MAYBE);
                    throw e;
                }
            }
            case GET -> assertThat(async ? await(service.getAsync(target)).id() : service.get(target).id()).isEqualTo(target);
            case UPDATE -> {
                SessionUpdate update = SessionUpdate.builder().duration(Duration.ofMinutes(30 + rng(target))).build();
                Session updated = async ? await(service.updateAsync(target, update)) : service.update(target, update);
                assertThat(updated.id()).isEqualTo(target);
            }
            case CANCEL -> {
                try {
                    if (async) {
                        await(service.cancelAsync(target));
                    } else {
                        service.cancel(target);
                    }
                    cancelled.put(target, true);
                    live.remove(target);
                } catch (AlreadyCancelledException | SessionNotFoundException e) {
                    live.remove(target);
                    throw e;
                }
            }
            case LIST -> {
                // One page, as an app showing a calendar would; walks of several pages under faults are the fault matrix's job.
                ListQuery query = ListQuery.of(kind).withPageSize(20);
                Page<Session> page = async ? await(service.listAsync(query)) : service.list(query);
                assertThat(page.items().stream().map(Session::id).toList()).doesNotHaveDuplicates();
            }
        }
    }

    /** The future's result, or the Convene exception it failed with (anything else fails the soak). */
    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(1, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            if (Exchange.unwrap(e) instanceof ConveneException convene) {
                throw convene;
            }
            throw new AssertionError("an async call failed with something other than a ConveneException", Exchange.unwrap(e));
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("an async call did not complete", e);
        }
    }

    /** A duration change in 5-minute steps that every vendor accepts. */
    private static long rng(SessionId id) {
        return 5L * Math.floorMod(id.nativeId().hashCode(), 12);
    }

    private void verifyState(Vendor v) {
        List<StoredSession> stored = v.simulator().sessions().stream().filter(s -> s.title() != null && s.title().startsWith("Soak ")).toList();
        Map<String, Long> perTitle = stored.stream().collect(Collectors.groupingBy(StoredSession::title, Collectors.counting()));
        assertThat(perTitle.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as(v.id() + ": sessions created twice").isEmpty();
        Map<String, StoredSession> byTitle = new HashMap<>();
        stored.forEach(s -> byTitle.put(s.title(), s));
        told.forEach((title, what) -> {
            if (!providerOf.get(title).equals(v.id())) {
                return;
            }
            if (what == Told.CREATED) {
                assertThat(byTitle).as(v.id() + ": a create reported done is at the vendor: " + title).containsKey(title);
            }
        });
        for (StoredSession s : stored) {
            assertThat(told.get(s.title())).as(v.id() + ": the vendor holds " + s.title() + "; callers were told")
                    .isIn(Told.CREATED, Told.MAYBE);
            assertThat(providerOf.get(s.title())).isEqualTo(v.id());
        }
        cancelled.keySet().stream().filter(id -> id.provider().equals(v.id())).forEach(id -> {
            StoredSession s = stored.stream().filter(x -> x.nativeId().equals(id.nativeId())).findFirst().orElse(null);
            if (s != null) {
                assertThat(s.cancelled()).as(v.id() + ": reported cancelled: " + id).isTrue();
            }
        });
        System.out.printf("soak: %s holds %d soak sessions, %d duplicates, %d told created, %d outcome unknown%n", v.id(), stored.size(),
                perTitle.values().stream().filter(n -> n > 1).count(),
                count(v, Told.CREATED), count(v, Told.MAYBE));
    }

    private long count(Vendor v, Told what) {
        return told.entrySet().stream().filter(e -> e.getValue() == what && providerOf.get(e.getKey()).equals(v.id())).count();
    }

    /**
     * No call running or queued, and every pooled connection idle: a call that never released its
     * connection (a body left open, a lost callback) shows as one in use. (How many there are says
     * little: OkHttp itself trims idle connections to 64.)
     */
    private static void verifyIdle(OkHttpClient root) throws InterruptedException {
        awaitAtMost(0, () -> root.dispatcher().runningCallsCount(), "calls still running");
        assertThat(root.dispatcher().queuedCallsCount()).as("calls still queued").isZero();
        assertThat(root.connectionPool().idleConnectionCount()).as("pooled connections that are idle, of " + root.connectionPool().connectionCount())
                .isEqualTo(root.connectionPool().connectionCount());
    }

    /**
     * Threads against the baseline taken before the simulators and services started: every dispatcher
     * thread back in its pool, no more of them than {@link #DISPATCHER_THREADS_LIMIT}, and no other new
     * thread beyond the JDK's and OkHttp's shared helpers.
     */
    private static void verifyThreads(Threads baseline, String when) throws InterruptedException {
        awaitAtMost(0, Threads::busyDispatcherThreads, "dispatcher threads still running a task " + when);
        Threads now = Threads.now();
        assertThat(now.dispatcher()).as("dispatcher threads " + when + " (baseline " + baseline.dispatcher() + ")")
                .isLessThanOrEqualTo(baseline.dispatcher() + DISPATCHER_THREADS_LIMIT);
        assertThat(now.others()).as("other threads " + when + " (baseline " + baseline.others() + ")")
                .isLessThanOrEqualTo(baseline.others() + OTHER_THREADS_SLACK);
        assertThat(now.callers()).as("the soak's own callers " + when).isZero();
    }

    /**
     * New dispatcher threads the soak may leave (idle ones live on for a minute). Each caller has at most
     * one operation in flight, but an async WeCom list page fans out into one get per session (up to 20),
     * and the pool starts a new thread when work arrives while a finishing one is still on its way back:
     * 58 to 66 measured. Twice that still fails for a thread kept per call (5,000 async calls) or a pool
     * per service.
     */
    static final int DISPATCHER_THREADS_LIMIT = 128;

    /**
     * Other new threads allowed: the JDK's delayed-execution scheduler and common-pool workers (async
     * retries are scheduled there), Okio's watchdog and OkHttp's task runner (up to 5 seen), none per call.
     */
    static final int OTHER_THREADS_SLACK = 10;

    /** Waits up to 5 s for {@code count} to fall to {@code most}, then checks it did. */
    private static void awaitAtMost(long most, LongSupplier count, String what) throws InterruptedException {
        for (int i = 0; i < 100 && count.getAsLong() > most; i++) {
            Thread.sleep(50);
        }
        assertThat(count.getAsLong()).as(what).isLessThanOrEqualTo(most);
    }

    /** Live threads by who owns them: the library's dispatcher, the simulators, the soak's own callers, and the rest. */
    record Threads(long dispatcher, long simulator, long callers, long others) {
        /** The JDK HttpServer's own threads, which the simulators run on besides their workers. */
        private static final Set<String> HTTP_SERVER_THREADS = Set.of("HTTP-Dispatcher", "idle-timeout-task");

        static Threads now() {
            Set<Thread> all = Thread.getAllStackTraces().keySet();
            long dispatcher = all.stream().filter(Threads::isDispatcher).count();
            long simulator = all.stream().filter(Threads::isSimulator).count();
            long callers = all.stream().filter(t -> t.getName().startsWith(CALLER_THREAD)).count();
            return new Threads(dispatcher, simulator, callers, all.size() - dispatcher - simulator - callers);
        }

        static long simulatorThreads() {
            return Thread.getAllStackTraces().keySet().stream().filter(Threads::isSimulator).count();
        }

        /** Dispatcher threads not parked in their pool waiting for work. */
        static long busyDispatcherThreads() {
            return Thread.getAllStackTraces().entrySet().stream().filter(e -> isDispatcher(e.getKey()))
                    .filter(e -> Stream.of(e.getValue()).noneMatch(f -> f.getMethodName().equals("getTask")
                            && f.getClassName().equals(ThreadPoolExecutor.class.getName())))
                    .count();
        }

        private static boolean isDispatcher(Thread t) {
            return t.getName().startsWith("convene-http-");
        }

        private static boolean isSimulator(Thread t) {
            return t.getName().contains("-simulator-") || HTTP_SERVER_THREADS.contains(t.getName());
        }
    }
}
