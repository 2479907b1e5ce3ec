package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.RateLimitedException;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import dev.convene.simulator.Fault;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Faults × operations against the vendor's simulator, each cell with its outcome written down in
 * {@link #expected} and checked — including the vendor's code when the vendor's refusal reaches the
 * caller, and the simulator's own state afterwards (sessions created, requests received) — plus a
 * listing whose later page meets each fault, then a check that nothing a user could see during the
 * whole matrix (log lines at TRACE, exception messages, toStrings) contains a secret.
 *
 * <p>The promise it checks: whatever the network and the vendor do, a create is never applied twice,
 * nothing is reported done that was not, no page of a listing is lost, and every failure is a typed
 * {@link ConveneException}.
 */
public abstract class FaultMatrixContract extends ProviderFixture {

    /** What can go wrong. */
    public enum MatrixFault {
        SERVER_ERROR, BUSY, RATE_LIMITED, RESET_BEFORE_READ, DROPPED_AFTER_APPLY, READ_TIMEOUT, MALFORMED_JSON,
        TRUNCATED_JSON, TOKEN_EXPIRED, TOKEN_REVOKED, CLOCK_SKEW,
        /** The vendor applied the request, then answered its own 5xx error. */
        APPLIED_THEN_SERVER_ERROR,
        /** The vendor applied the request, then answered its "busy" answer (WeCom -1). */
        APPLIED_THEN_BUSY,
        /** The vendor applied the request, and a gateway answered its 502 HTML page. */
        APPLIED_THEN_GATEWAY_PAGE,
        /** The vendor applied the request, and a gateway answered an empty 504. */
        APPLIED_THEN_EMPTY_504,
        /** A 200 answer {@code {}}, without the vendor's fields, state untouched (reads: gets and list pages). */
        EMPTY_OBJECT
    }

    /** How a call ends under a fault. */
    public enum Outcome {
        /** Retried (or its token refreshed) and succeeded. */
        SUCCEEDS,
        /** {@link VendorUnavailableException}, not retried. */
        UNAVAILABLE,
        /** {@link RateLimitedException}, not retried. */
        RATE_LIMITED,
        /** {@link SessionOutcomeUnknownException}: the write may have happened and was not replayed. */
        OUTCOME_UNKNOWN,
        /** A {@link VendorException} carrying the vendor's code: the vendor refuses and retrying cannot help. */
        REFUSED
    }

    /**
     * The read timeout of the one call that meets {@link MatrixFault#READ_TIMEOUT}. Every other call (set-up,
     * checks, the other cells) runs on the fixture's service with the library's default timeout, so that a
     * stall of a loaded machine cannot turn an ordinary call into a timeout.
     */
    protected static final Duration IMPATIENT_READ_TIMEOUT = Duration.ofSeconds(1);

    /**
     * How long the simulator holds a request for {@link MatrixFault#READ_TIMEOUT}: well past
     * {@link #IMPATIENT_READ_TIMEOUT}, so that the client gives up first even when its timer fires late.
     */
    protected static final Duration HOLD = Duration.ofMillis(2500);

    /** The later-page cells list with this page size, over a listing of at least {@link #PAGES} pages. */
    static final int PAGE_SIZE = 5;
    static final int PAGES = 3;

    /**
     * The day the later-page cells' sessions start on, and list: where the vendor filters by time their
     * listing holds only these, so that it stays short (WeCom reads every listed session one by one).
     */
    private static final Instant LISTED_DAY = EPOCH.plus(Duration.ofDays(20));

    /** True for vendors that sign requests with a timestamp the vendor checks (Tencent's 5-minute window). */
    protected boolean checksRequestTime() {
        return false;
    }

    /**
     * Whether the provider's calls carry an access token the vendor issued and can expire or revoke. A
     * provider that signs every request instead (Tencent Meeting) returns false: for it the token cells
     * would test nothing, so they are left out of the matrix rather than counted.
     */
    protected boolean usesTokens() {
        return true;
    }

    /**
     * The vendor's code in the answer its simulator gives for {@code fault} (busy, 5xx, rate limit, clock
     * skew), checked exactly wherever that answer reaches the caller as a {@link VendorException}. The default,
     * empty, checks only the exception's kind: for providers whose simulator's codes the testkit does not know.
     */
    protected Optional<String> vendorCode(MatrixFault fault) {
        return Optional.empty();
    }

    /** The kind the matrix runs on: the first that can be created and read. */
    protected SessionKind kind() {
        return service.capabilities().supportedKinds().stream().sorted()
                .filter(k -> service.capabilities().supports(k, Operation.CREATE) && service.capabilities().supports(k, Operation.GET))
                .findFirst().orElseThrow();
    }

    @Override
    protected RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2));
    }

    /**
     * The written-down outcome of each cell. Reads, lists and cancels are safe to repeat, so every
     * transient fault is retried away (a rate limit only when the vendor's hint is within the policy's
     * limit, checked separately). Creates and updates are never repeated: a vendor that said "slow down"
     * refused, and gets that error back to the caller; anything else that may have reached the vendor
     * without an answer proving it was refused (a 5xx, a "busy" answer, no readable answer) is
     * {@link Outcome#OUTCOME_UNKNOWN}. Token trouble is always repaired by
     * one refresh and one replay, which is safe because a vendor that rejects a token did nothing.
     */
    public static Outcome expected(Operation operation, MatrixFault fault) {
        boolean write = operation == Operation.CREATE || operation == Operation.UPDATE;
        return switch (fault) {
            case TOKEN_EXPIRED, TOKEN_REVOKED -> Outcome.SUCCEEDS;
            case CLOCK_SKEW -> Outcome.REFUSED;
            // a 5xx or busy answer does not prove that the write was refused before it was applied
            case SERVER_ERROR, BUSY, APPLIED_THEN_SERVER_ERROR, APPLIED_THEN_BUSY, APPLIED_THEN_GATEWAY_PAGE, APPLIED_THEN_EMPTY_504 ->
                    write ? Outcome.OUTCOME_UNKNOWN : Outcome.SUCCEEDS;
            case EMPTY_OBJECT -> write ? Outcome.OUTCOME_UNKNOWN : Outcome.SUCCEEDS;
            case RATE_LIMITED -> write ? Outcome.RATE_LIMITED : Outcome.SUCCEEDS;
            case RESET_BEFORE_READ, DROPPED_AFTER_APPLY, READ_TIMEOUT, MALFORMED_JSON, TRUNCATED_JSON ->
                    write ? Outcome.OUTCOME_UNKNOWN : Outcome.SUCCEEDS;
        };
    }

    /** Whether the vendor acted on a write that met {@code fault} (its answer may still have been lost). */
    public static boolean applied(MatrixFault fault) {
        return switch (fault) {
            case DROPPED_AFTER_APPLY, READ_TIMEOUT, TRUNCATED_JSON, TOKEN_EXPIRED, TOKEN_REVOKED, APPLIED_THEN_SERVER_ERROR,
                 APPLIED_THEN_BUSY, APPLIED_THEN_GATEWAY_PAGE, APPLIED_THEN_EMPTY_504 -> true;
            default -> false;
        };
    }

    private final SecretWitness witness = new SecretWitness();
    private SessionService impatient;
    private int cells;
    private int listedSessions;
    /** What an undisturbed walk of the later-page cells' listing returns. */
    private List<SessionId> listing;

    @TestFactory
    Stream<DynamicTest> faultsTimesOperations() {
        List<DynamicTest> tests = new ArrayList<>();
        SessionKind kind = kind();
        List<Operation> operations = Stream.of(Operation.values()).filter(o -> service.capabilities().supports(kind, o)).toList();
        List<MatrixFault> faults = Stream.of(MatrixFault.values()).filter(this::applies).toList();
        for (MatrixFault fault : faults) {
            for (Operation op : operations) {
                if (fault == MatrixFault.EMPTY_OBJECT && op != Operation.GET && op != Operation.LIST) {
                    // a bare {} is a plausible success of a write or cancel for some vendors (Zoom's, Tencent's): read cells only
                    continue;
                }
                tests.add(counted(op + " under " + fault + " → " + expected(op, fault), () -> cell(kind, op, fault)));
            }
        }
        if (operations.contains(Operation.LIST)) {
            for (MatrixFault fault : faults) {
                tests.add(counted("LIST whose later page meets " + fault + " → " + expected(Operation.LIST, fault),
                        () -> laterPageCell(kind, fault)));
            }
        }
        tests.add(DynamicTest.dynamicTest("no secret in any log line, message or toString of the whole matrix", () -> {
            try {
                Set<String> secrets = SecretWitness.secretsOf(simulator, simulator.properties());
                assertThat(cells).as("the matrix ran first").isGreaterThan(0);
                assertThat(secrets).as("secrets known to the check").isNotEmpty();
                assertThat(witness.requestTraces()).as("HTTP request lines captured at TRACE (at least one per cell)")
                        .isGreaterThanOrEqualTo(cells);
                assertThat(witness.maskedHttpLines()).as("HTTP log lines in which a secret was masked").isPositive();
                assertThat(witness.leaks(secrets)).isEmpty();
            } finally {
                witness.close();
            }
        }));
        return tests.stream();
    }

    @AfterAll
    void closeImpatient() {
        if (impatient != null) {
            impatient.close();
        }
    }

    /** Clock skew only for vendors that check request times; token faults only for providers with tokens. */
    private boolean applies(MatrixFault fault) {
        return switch (fault) {
            case CLOCK_SKEW -> checksRequestTime();
            case TOKEN_EXPIRED, TOKEN_REVOKED -> usesTokens();
            default -> true;
        };
    }

    /** A cell of the matrix: counted, and run with client and simulator put back to normal afterwards whatever happens. */
    private DynamicTest counted(String name, Runnable body) {
        return DynamicTest.dynamicTest(name, () -> {
            cells++;
            try {
                body.run();
            } finally {
                simulator.faults().clear();
                skewClientClock(Duration.ZERO);
            }
        });
    }

    private void cell(SessionKind kind, Operation op, MatrixFault fault) {
        Session existing = op == Operation.CREATE ? null : service.create(draft(kind).build());
        SessionDraft draft = draft(kind).build();
        String newTitle = existing == null ? null : existing.title() + " v2";
        int sessionsBefore = simulator.sessions().size();
        dev.convene.simulator.Operation simOp = dev.convene.simulator.Operation.valueOf(op.name());
        int requestsBefore = simulator.requests(simOp).size();
        int tokensBefore = tokenRequests();
        SessionService caller = callerFor(fault);

        inject(fault, simOp);
        Object[] result = new Object[1];
        Throwable failure = catchThrowable(() -> result[0] = switch (op) {
            case CREATE -> caller.create(draft);
            case GET -> caller.get(existing.id());
            case UPDATE -> caller.update(existing.id(), SessionUpdate.builder().title(newTitle).build());
            case CANCEL -> {
                caller.cancel(existing.id());
                yield "cancelled";
            }
            case LIST -> caller.listAll(ListQuery.of(kind).withPageSize(50)).toList();
        });
        faultMet(fault, failure == null ? result[0] : failure, tokensBefore);
        Outcome outcome = checkOutcome(op, fault, failure);

        boolean happened = outcome == Outcome.SUCCEEDS || (outcome == Outcome.OUTCOME_UNKNOWN && applied(fault));
        List<Session> found = null;
        if (op == Operation.CREATE && outcome == Outcome.OUTCOME_UNKNOWN && service.capabilities().supports(kind, Operation.LIST)) {
            // Right away: a held create is applied when the simulator's hold ends, after the client gave up on it,
            // and findCreated looks again for its settle time before it answers that there is nothing.
            found = service.findCreated(draft);
        }
        if (fault == MatrixFault.READ_TIMEOUT && happened) {
            // the held write is applied when the simulator's hold ends, after the client gave up on it
            switch (op) {
                case CREATE -> awaitVendor("the held create", () -> simulator.sessions().size() > sessionsBefore);
                case UPDATE -> awaitVendor("the held update", () -> newTitle.equals(stored(existing.id()).title()));
                default -> {
                    // reads and cancels were retried, and their held request changes nothing
                }
            }
        }

        int writes = simulator.requests(simOp).size() - requestsBefore;
        boolean tokenFault = fault == MatrixFault.TOKEN_EXPIRED || fault == MatrixFault.TOKEN_REVOKED;
        if (op == Operation.CREATE || op == Operation.UPDATE) {
            // Never more than once, except the one replay after a token refusal. A provider that reads before it
            // writes may repair the token (or meet the clock skew) on the read, so the write then goes once (or never).
            int most = tokenFault ? 2 : 1;
            int least = fault == MatrixFault.CLOCK_SKEW || (tokenFault && op == Operation.UPDATE) ? 0 : 1;
            assertThat(writes).as("times the write reached the vendor").isBetween(least, most);
        }
        switch (op) {
            case CREATE -> {
                int created = simulator.sessions().size() - sessionsBefore;
                assertThat(created).as("sessions created at the vendor").isEqualTo(happened ? 1 : 0);
                if (found != null) {
                    assertThat(found).as("findCreated, asked at once, tells whether the create happened").hasSize(created);
                }
            }
            case UPDATE -> assertThat(service.get(existing.id()).title()).isEqualTo(happened ? newTitle : existing.title());
            case CANCEL -> {
                if (outcome == Outcome.SUCCEEDS) {
                    Throwable after = catchThrowable(() -> assertThat(service.get(existing.id()).status()).isEqualTo(SessionStatus.CANCELLED));
                    if (after != null) {
                        assertThat(after).isInstanceOf(dev.convene.SessionNotFoundException.class);
                    }
                }
            }
            case LIST -> {
                if (outcome == Outcome.SUCCEEDS) {
                    @SuppressWarnings("unchecked")
                    List<Session> listed = (List<Session>) result[0];
                    assertThat(listed).extracting(Session::id).contains(existing.id()).doesNotHaveDuplicates();
                }
            }
            case GET -> {
                if (outcome == Outcome.SUCCEEDS) {
                    assertThat(((Session) result[0]).id()).isEqualTo(existing.id());
                }
            }
        }
    }

    /**
     * A listing of several pages whose later page meets {@code fault}: the first page with a session is
     * read undisturbed, then the fault is set up for the next page. The walk either returns every session exactly once (the
     * same ones an undisturbed walk returns) or fails with the written-down error, never short.
     */
    private void laterPageCell(SessionKind kind, MatrixFault fault) {
        ListQuery query = ListQuery.of(kind).withPageSize(PAGE_SIZE).between(LISTED_DAY, LISTED_DAY.plus(Duration.ofDays(1)));
        if (listing == null) {
            // Once for all these cells: none of them changes what is listed.
            listing = severalPages(kind, query);
        }
        List<SessionId> everything = listing;
        int tokensBefore = tokenRequests();
        SessionService caller = callerFor(fault);

        List<SessionId> listed = new ArrayList<>();
        Throwable failure = catchThrowable(() -> {
            try (Stream<Session> all = caller.listAll(query)) {
                Iterator<Session> walk = all.iterator();
                // The first item fetches the first page that has one, and nothing more is fetched until that page is used up.
                listed.add(walk.next().id());
                inject(fault, dev.convene.simulator.Operation.LIST);
                walk.forEachRemaining(s -> listed.add(s.id()));
            }
        });
        faultMet(fault, failure == null ? listed : failure, tokensBefore);
        if (checkOutcome(Operation.LIST, fault, failure) == Outcome.SUCCEEDS) {
            assertThat(listed).as("every session exactly once, the ones an undisturbed walk lists").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(everything);
        }
    }

    /**
     * An undisturbed walk of {@code query}, after creating sessions until it takes at least {@link #PAGES} pages
     * and holds more than would fit in the pages before the last.
     */
    private List<SessionId> severalPages(SessionKind kind, ListQuery query) {
        while (true) {
            int before = simulator.requests(dev.convene.simulator.Operation.LIST).size();
            List<SessionId> all;
            try (Stream<Session> walk = service.listAll(query)) {
                all = walk.map(Session::id).toList();
            }
            int pages = simulator.requests(dev.convene.simulator.Operation.LIST).size() - before;
            // Pages as the vendor serves them; a provider that filters by time itself (Zoom) may serve many with nothing in the day.
            if (pages >= PAGES && all.size() > (PAGES - 1) * PAGE_SIZE) {
                return all;
            }
            if (listedSessions > 200) {
                fail("the vendor lists " + all.size() + " sessions in " + pages + " pages of " + PAGE_SIZE + "; the later-page cells need "
                        + PAGES + " pages");
            }
            // doubling, so that a vendor with a large fixed page size (Tencent: 20) is reached in a few rounds
            for (int i = Math.max(PAGE_SIZE, all.size()); i > 0; i--) {
                service.create(draft(kind).start(ZonedDateTime.ofInstant(LISTED_DAY, ZONE).plusMinutes(++listedSessions)).build());
            }
        }
    }

    /**
     * Records what the user saw of the faulted call, puts client and simulator back to normal, and checks
     * that the fault really met the call: a scripted fault was taken by a request, and a token fault was
     * repaired by exactly one token fetch.
     */
    private void faultMet(MatrixFault fault, Object seen, int tokensBefore) {
        if (seen instanceof Throwable t) {
            witness.saw(t);
        } else {
            witness.saw(seen);
        }
        skewClientClock(Duration.ZERO);
        assertThat(simulator.faults().pending()).as("injected faults no request met").isZero();
        simulator.faults().clear();
        if (fault == MatrixFault.TOKEN_EXPIRED || fault == MatrixFault.TOKEN_REVOKED) {
            assertThat(tokenRequests() - tokensBefore).as("token fetches after the vendor stopped taking the token").isEqualTo(1);
        }
    }

    /** Checks how the faulted call ended against the written-down outcome; returns the outcome it stands for. */
    private Outcome checkOutcome(Operation op, MatrixFault fault, Throwable failure) {
        Outcome outcome = expected(op, fault);
        if (outcome == Outcome.OUTCOME_UNKNOWN && fault == MatrixFault.TRUNCATED_JSON && failure == null) {
            // The vendor answers this write with no body (204), so there was nothing to cut: a success, checked by the caller.
            outcome = Outcome.SUCCEEDS;
        }
        if (outcome == Outcome.SUCCEEDS && failure instanceof RateLimitedException limited && fault == MatrixFault.RATE_LIMITED) {
            assertThat(limited.retryAfter()).as("a read gives up on a rate limit only when the vendor's wait exceeds the policy's limit")
                    .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(retryPolicy().maxRetryAfter()));
            outcome = Outcome.RATE_LIMITED;
        }
        switch (outcome) {
            case SUCCEEDS -> assertThat(failure).as("the call succeeds").isNull();
            case UNAVAILABLE -> assertThat(failure).isInstanceOf(VendorUnavailableException.class);
            case RATE_LIMITED -> assertThat(failure).isInstanceOf(RateLimitedException.class);
            case OUTCOME_UNKNOWN -> assertThat(failure).isInstanceOf(SessionOutcomeUnknownException.class);
            case REFUSED -> assertThat(failure).isInstanceOfSatisfying(VendorException.class,
                    e -> assertThat(e.vendorCode()).as("the vendor's code is kept").isNotEmpty());
        }
        MatrixFault coded = switch (fault) {
            case APPLIED_THEN_SERVER_ERROR -> MatrixFault.SERVER_ERROR;
            case APPLIED_THEN_BUSY -> MatrixFault.BUSY;
            default -> fault;
        };
        if (failure instanceof VendorException refused) {
            vendorCode(coded).ifPresent(code -> assertThat(refused.vendorCode()).as("the code the simulator answered " + fault + " with")
                    .isEqualTo(code));
        }
        if (failure instanceof SessionOutcomeUnknownException unknown && unknown.vendorError().isPresent()) {
            vendorCode(coded).ifPresent(code -> assertThat(unknown.vendorError().get().code())
                    .as("the code the simulator answered " + fault + " with, kept in the outcome-unknown error").isEqualTo(code));
        }
        if (failure != null) {
            assertThat(failure).as("only Convene's own exceptions come out").isInstanceOf(ConveneException.class);
        }
        return outcome;
    }

    /** The service for the faulted call: the impatient one for a read timeout, the fixture's otherwise. */
    private SessionService callerFor(MatrixFault fault) {
        if (fault != MatrixFault.READ_TIMEOUT) {
            return service;
        }
        if (impatient == null) {
            Map<String, String> properties = new HashMap<>(simulator.properties());
            properties.put("convene.http.read-timeout", IMPATIENT_READ_TIMEOUT.toString());
            impatient = open(properties);
        }
        return impatient;
    }

    private int tokenRequests() {
        return simulator.requests(dev.convene.simulator.Operation.TOKEN).size();
    }

    private StoredSession stored(SessionId id) {
        return simulator.sessions().stream().filter(s -> s.nativeId().equals(id.nativeId())).findFirst().orElseThrow();
    }

    /** Waits until the simulator shows what a held request did; it has the hold and a generous margin to get there. */
    private static void awaitVendor(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + HOLD.plusSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail(what + " never reached the simulator's state");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
    }

    private void inject(MatrixFault fault, dev.convene.simulator.Operation op) {
        switch (fault) {
            case SERVER_ERROR -> simulator.faults().inject(FaultKind.SERVER_ERROR, 1, op);
            case BUSY -> simulator.faults().inject(FaultKind.BUSY, 1, op);
            case RATE_LIMITED -> simulator.faults().inject(FaultKind.RATE_LIMITED, 1, op);
            case RESET_BEFORE_READ -> simulator.faults().inject(FaultKind.DROP_BEFORE_READ, 1, op);
            case DROPPED_AFTER_APPLY -> simulator.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, op);
            case READ_TIMEOUT -> simulator.faults().inject(Fault.delay(HOLD), 1, op);
            case MALFORMED_JSON -> simulator.faults().inject(FaultKind.MALFORMED_JSON, 1, op);
            case TRUNCATED_JSON -> simulator.faults().inject(FaultKind.TRUNCATED_JSON, 1, op);
            case APPLIED_THEN_SERVER_ERROR -> simulator.faults().inject(FaultKind.APPLY_THEN_SERVER_ERROR, 1, op);
            case APPLIED_THEN_BUSY -> simulator.faults().inject(FaultKind.APPLY_THEN_BUSY, 1, op);
            case APPLIED_THEN_GATEWAY_PAGE -> simulator.faults().inject(FaultKind.APPLY_THEN_GATEWAY_PAGE, 1, op);
            case APPLIED_THEN_EMPTY_504 -> simulator.faults().inject(FaultKind.APPLY_THEN_EMPTY_504, 1, op);
            case EMPTY_OBJECT -> simulator.faults().inject(Fault.answer(200, "{}"), 1, op);
            case TOKEN_EXPIRED -> simulator.expireTokens();
            case TOKEN_REVOKED -> simulator.revokeTokens();
            case CLOCK_SKEW -> skewClientClock(Duration.ofMinutes(6));
        }
    }
}
