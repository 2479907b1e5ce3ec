package dev.convene.testing;

import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.spi.Exchange;
import dev.convene.spi.ProviderContext;
import dev.convene.spi.VendorClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers each operation from a script: queued failures first, then a plausible success. Counts every attempt. */
public final class ScriptedVendor implements VendorClient {
    volatile ProviderContext context;
    private final Map<Operation, Deque<Throwable>> failures = new EnumMap<>(Operation.class);
    private final Map<Operation, AtomicInteger> attempts = new EnumMap<>(Operation.class);
    private final List<List<Session>> pages = new ArrayList<>();
    private final Deque<Throwable> checkFailures = new ArrayDeque<>();
    private final AtomicInteger checks = new AtomicInteger();
    private volatile boolean checkable = true;
    private volatile Session getAnswer;
    private volatile boolean endless;
    private volatile boolean fresh;
    private volatile CompletableFuture<Void> gate;
    private final AtomicInteger hiddenLists = new AtomicInteger();

    ScriptedVendor() {
        for (Operation op : Operation.values()) {
            failures.put(op, new ArrayDeque<>());
            attempts.put(op, new AtomicInteger());
        }
    }

    public synchronized ScriptedVendor fail(Operation operation, Throwable... errors) {
        failures.get(operation).addAll(List.of(errors));
        return this;
    }

    public ScriptedVendor pages(List<List<Session>> pages) {
        this.pages.clear();
        this.pages.addAll(pages);
        return this;
    }

    /** Every list answers the first page with the second as its next, for ever (a vendor whose cursor leads back). */
    public ScriptedVendor endlessPages() {
        this.endless = true;
        return this;
    }

    /** Every get answers {@code session}, whatever was asked for ({@code null}: the session asked for). */
    public ScriptedVendor answerGets(Session session) {
        this.getAnswer = session;
        return this;
    }

    /** Asynchronous attempts wait for {@code gate} before they are answered ({@code null}: answered at once). */
    public ScriptedVendor holdAsync(CompletableFuture<Void> gate) {
        this.gate = gate;
        return this;
    }

    /** The next {@code lists} lists answer an empty last page, as a vendor that shows a session only some time after it made it. */
    public ScriptedVendor listLate(int lists) {
        hiddenLists.set(lists);
        return this;
    }

    /** Every list answers an empty page with a cursor never handed out before, for ever. */
    public ScriptedVendor freshEmptyPages() {
        this.fresh = true;
        return this;
    }

    public int attempts(Operation operation) {
        return attempts.get(operation).get();
    }

    /** The next credential checks fail with {@code errors}, in order. */
    public synchronized ScriptedVendor failChecks(Throwable... errors) {
        checkFailures.addAll(List.of(errors));
        return this;
    }

    /** Like a plugin that offers no credential check (the SPI's default). */
    public ScriptedVendor withoutCredentialCheck() {
        this.checkable = false;
        return this;
    }

    public int credentialChecks() {
        return checks.get();
    }

    /** Every call of every kind: what a closed service must never add to. */
    public int allAttempts() {
        return attempts.values().stream().mapToInt(AtomicInteger::get).sum() + checks.get();
    }

    public ProviderContext context() {
        return context;
    }

    public static Session session(SessionKind kind, String nativeId, String title) {
        return Session.builder().id(SessionId.of("scripted", kind, nativeId)).title(title)
                .start(Instant.parse("2030-01-01T10:00:00Z")).duration(Duration.ofHours(1)).build();
    }

    private <T> Exchange<T> scripted(Operation op, java.util.function.Supplier<T> success) {
        return scripted(failures.get(op), attempts.get(op), success);
    }

    private <T> Exchange<T> scripted(Deque<Throwable> queue, AtomicInteger counter, java.util.function.Supplier<T> success) {
        return new Exchange<>() {
            @Override
            public T execute() throws IOException {
                counter.incrementAndGet();
                Throwable t;
                synchronized (ScriptedVendor.this) {
                    t = queue.poll();
                }
                if (t instanceof IOException io) {
                    throw io;
                }
                if (t instanceof RuntimeException r) {
                    throw r;
                }
                return success.get();
            }

            @Override
            public CompletableFuture<T> enqueue() {
                CompletableFuture<Void> held = gate;
                if (held != null) {
                    counter.incrementAndGet();
                    return held.thenApply(ignored -> {
                        counter.decrementAndGet();
                        try {
                            return execute();
                        } catch (IOException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    });
                }
                return CompletableFuture.supplyAsync(() -> {
                    try {
                        return execute();
                    } catch (IOException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                });
            }
        };
    }

    @Override
    public Exchange<Session> create(SessionDraft draft) {
        return scripted(Operation.CREATE, () -> Session.builder().id(SessionId.of("scripted", draft.kind(), "n1")).title(draft.title())
                .start(draft.start()).duration(draft.duration()).organizer(draft.organizer()).build());
    }

    @Override
    public Exchange<Session> get(SessionId id) {
        return scripted(Operation.GET, () -> getAnswer != null ? getAnswer : session(id.kind(), id.nativeId(), "got"));
    }

    @Override
    public Exchange<Session> update(SessionId id, SessionUpdate update) {
        return scripted(Operation.UPDATE, () -> session(id.kind(), id.nativeId(), update.title() == null ? "updated" : update.title()));
    }

    @Override
    public Exchange<Void> cancel(SessionId id) {
        return scripted(Operation.CANCEL, () -> null);
    }

    @Override
    public Exchange<Page<Session>> list(SessionKind kind, ListQuery query) {
        return scripted(Operation.LIST, () -> {
            List<List<Session>> mine = pages.stream().filter(p -> p.isEmpty() || p.get(0).kind() == kind).toList();
            int index = query.cursor() == null ? 0 : Integer.parseInt(query.cursor());
            if (fresh) {
                return new Page<>(List.of(), Integer.toString(attempts.get(Operation.LIST).get()));
            }
            if (mine.isEmpty() || hiddenLists.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return Page.last(List.of());
            }
            if (endless) {
                return new Page<>(mine.get(0), "1");
            }
            return new Page<>(mine.get(index), index + 1 < mine.size() ? Integer.toString(index + 1) : null);
        });
    }

    @Override
    public Exchange<Void> checkCredentials() {
        return checkable ? scripted(checkFailures, checks, () -> null) : VendorClient.super.checkCredentials();
    }

    @Override
    public String defaultOrganizer() {
        return "organizer@example.com";
    }
}
