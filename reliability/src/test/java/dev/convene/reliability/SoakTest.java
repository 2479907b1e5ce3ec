package dev.convene.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.AlreadyCancelledException;
import dev.convene.Convene;
import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Operation;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * 20,000 mixed operations across every provider's simulator, 32 callers at once, 5 % of vendor calls
 * faulted at random (seeded). Afterwards the simulators' own state is compared with what callers were
 * told: no session exists twice, none that a caller was told exists is missing, none exists that a
 * caller was told was not created, every reported cancel happened; the connection pool and dispatcher
 * are idle again and the heap did not grow.
 */
class SoakTest {
    static final int OPERATIONS = 20_000;
    static final int CALLERS = 32;
    static final double FAULT_RATE = 0.05;
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
    final Map<String, SessionId> createdIds = new ConcurrentHashMap<>();
    final Map<String, String> providerOf = new ConcurrentHashMap<>();
    final Map<SessionId, Boolean> cancelled = new ConcurrentHashMap<>();
    final List<SessionId> live = Collections.synchronizedList(new ArrayList<>());
    final Map<Operation, AtomicInteger> done = new EnumMap<>(Operation.class);
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final AtomicLong sequence = new AtomicLong();

    @Test
    void twentyThousandFaultedOperationsLoseAndDuplicateNothing() throws Exception {
        for (Operation op : Operation.values()) {
            done.put(op, new AtomicInteger());
        }
        List<Vendor> vendors = start();
        try {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<Long> heap = new ArrayList<>();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
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

            int total = done.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf("soak: %d operations %s; failures %s; heap after each quarter %s MB%n", total, done, failures,
                    heap.stream().map(b -> b / (1024 * 1024)).toList());
            assertThat(total).isEqualTo(OPERATIONS);

            for (Vendor v : vendors) {
                verifyState(v);
            }
            verifyIdle();
            assertThat(heap.get(3)).as("heap after the last quarter vs the first (flat within 64 MB)")
                    .isLessThan(heap.get(0) + 64L * 1024 * 1024);
        } finally {
            vendors.forEach(v -> {
                v.service().close();
                v.simulator().close();
            });
        }
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
            try {
                call(v, kind, op, target);
            } catch (ConveneException e) {
                failures.computeIfAbsent(op + " " + e.getClass().getSimpleName(), k -> new AtomicInteger()).incrementAndGet();
            }
            done.get(op).incrementAndGet();
        }
    }

    private SessionId pick(Vendor v, SessionKind kind, Random rng) {
        synchronized (live) {
            List<SessionId> mine = live.stream().filter(id -> id.provider().equals(v.id()) && id.kind() == kind).toList();
            return mine.isEmpty() ? null : mine.get(rng.nextInt(mine.size()));
        }
    }

    private void call(Vendor v, SessionKind kind, Operation op, SessionId target) {
        switch (op) {
            case CREATE -> {
                String title = "Soak " + sequence.incrementAndGet();
                ZonedDateTime start = ZonedDateTime.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).plusDays(3)
                        .plusMinutes(sequence.get() % 10_000);
                SessionDraft draft = SessionDraft.builder(kind).title(title).start(start).duration(Duration.ofHours(1)).build();
                told.put(title, Told.NOT_CREATED);
                providerOf.put(title, v.id());
                try {
                    Session s = v.service().create(draft);
                    told.put(title, Told.CREATED);
                    createdIds.put(title, s.id());
                    live.add(s.id());
                } catch (SessionOutcomeUnknownException e) {
                    told.put(title, Told.MAYBE);
                    throw e;
                }
            }
            case GET -> assertThat(v.service().get(target).id()).isEqualTo(target);
            case UPDATE -> v.service().update(target, SessionUpdate.builder().duration(Duration.ofMinutes(30 + rng(target))).build());
            case CANCEL -> {
                try {
                    v.service().cancel(target);
                    cancelled.put(target, true);
                    live.remove(target);
                } catch (AlreadyCancelledException | SessionNotFoundException e) {
                    live.remove(target);
                    throw e;
                }
            }
            case LIST -> {
                // One page, as an app showing a calendar would; the full walk is the fault matrix's and the contract's job.
                List<SessionId> ids = v.service().list(ListQuery.of(kind).withPageSize(20)).items().stream().map(Session::id).toList();
                assertThat(ids).doesNotHaveDuplicates();
            }
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

    private void verifyIdle() throws InterruptedException {
        OkHttpClient root = HttpRoot.client(HttpRoot.Settings.DEFAULT);
        for (int i = 0; i < 50 && root.dispatcher().runningCallsCount() > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(root.dispatcher().runningCallsCount()).as("calls still running").isZero();
        assertThat(root.dispatcher().queuedCallsCount()).as("calls still queued").isZero();
        assertThat(root.connectionPool().connectionCount()).as("pooled connections bounded by the pool size")
                .isLessThanOrEqualTo(Math.max(5, HttpRoot.Settings.DEFAULT.maxRequestsPerHost()) + CALLERS);
        long convene = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("convene-http")).count();
        assertThat(convene).as("dispatcher threads bounded").isLessThanOrEqualTo(HttpRoot.Settings.DEFAULT.maxRequests());
    }
}
