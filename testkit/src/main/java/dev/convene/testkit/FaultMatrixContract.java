package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.RateLimitedException;
import dev.convene.RetryPolicy;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import dev.convene.simulator.Fault;
import dev.convene.simulator.FaultKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Faults × operations against the vendor's simulator, each cell with its outcome written down in
 * {@link #expected} and checked — including the simulator's own state afterwards (sessions created,
 * requests received) — then a check that nothing a user could see during the whole matrix (log lines
 * at TRACE, exception messages, toStrings) contains a secret.
 *
 * <p>The promise it checks: whatever the network and the vendor do, a create is never applied twice,
 * nothing is reported done that was not, and every failure is a typed {@link ConveneException}.
 */
public abstract class FaultMatrixContract extends ProviderFixture {

    /** What can go wrong. */
    public enum MatrixFault {
        SERVER_ERROR, BUSY, RATE_LIMITED, RESET_BEFORE_READ, DROPPED_AFTER_APPLY, READ_TIMEOUT, MALFORMED_JSON,
        TRUNCATED_JSON, TOKEN_EXPIRED, TOKEN_REVOKED, CLOCK_SKEW
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

    /** How long the simulator holds a request for {@link MatrixFault#READ_TIMEOUT}: longer than the client's read timeout. */
    protected static final Duration HOLD = Duration.ofMillis(1200);

    /** True for vendors that sign requests with a timestamp the vendor checks (Tencent's 5-minute window). */
    protected boolean checksRequestTime() {
        return false;
    }

    /** The kind the matrix runs on: the first that can be created and read. */
    protected SessionKind kind() {
        return service.capabilities().supportedKinds().stream().sorted()
                .filter(k -> service.capabilities().supports(k, Operation.CREATE) && service.capabilities().supports(k, Operation.GET))
                .findFirst().orElseThrow();
    }

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> p = new HashMap<>(super.extraProperties());
        p.put("convene.http.read-timeout", "PT0.5S");
        return p;
    }

    @Override
    protected RetryPolicy retryPolicy() {
        return new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(20), 0.5, Duration.ofSeconds(2));
    }

    /**
     * The written-down outcome of each cell. Reads, lists and cancels are safe to repeat, so every
     * transient fault is retried away (a rate limit only when the vendor's hint is within the policy's
     * limit, checked separately). Creates and updates are never repeated: a vendor that said "busy" or
     * "slow down" gets that error back to the caller, and anything that may have reached the vendor
     * without a readable answer is {@link Outcome#OUTCOME_UNKNOWN}. Token trouble is always repaired by
     * one refresh and one replay, which is safe because a vendor that rejects a token did nothing.
     */
    public static Outcome expected(Operation operation, MatrixFault fault) {
        boolean write = operation == Operation.CREATE || operation == Operation.UPDATE;
        return switch (fault) {
            case TOKEN_EXPIRED, TOKEN_REVOKED -> Outcome.SUCCEEDS;
            case CLOCK_SKEW -> Outcome.REFUSED;
            case SERVER_ERROR, BUSY -> write ? Outcome.UNAVAILABLE : Outcome.SUCCEEDS;
            case RATE_LIMITED -> write ? Outcome.RATE_LIMITED : Outcome.SUCCEEDS;
            case RESET_BEFORE_READ, DROPPED_AFTER_APPLY, READ_TIMEOUT, MALFORMED_JSON, TRUNCATED_JSON ->
                    write ? Outcome.OUTCOME_UNKNOWN : Outcome.SUCCEEDS;
        };
    }

    /** Whether the vendor acted on a write that met {@code fault} (its answer may still have been lost). */
    public static boolean applied(MatrixFault fault) {
        return switch (fault) {
            case DROPPED_AFTER_APPLY, READ_TIMEOUT, TRUNCATED_JSON, TOKEN_EXPIRED, TOKEN_REVOKED -> true;
            default -> false;
        };
    }

    private final SecretWitness witness = new SecretWitness();
    private int cells;

    @TestFactory
    Stream<DynamicTest> faultsTimesOperations() {
        List<DynamicTest> tests = new ArrayList<>();
        SessionKind kind = kind();
        List<Operation> operations = Stream.of(Operation.values()).filter(o -> service.capabilities().supports(kind, o)).toList();
        for (MatrixFault fault : MatrixFault.values()) {
            if (fault == MatrixFault.CLOCK_SKEW && !checksRequestTime()) {
                continue;
            }
            for (Operation op : operations) {
                tests.add(DynamicTest.dynamicTest(op + " under " + fault + " → " + expected(op, fault), () -> {
                    cells++;
                    try {
                        cell(kind, op, fault);
                    } finally {
                        simulator.faults().clear();
                        skewClientClock(Duration.ZERO);
                    }
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("no secret in any log line, message or toString of the whole matrix", () -> {
            try {
                Set<String> secrets = SecretWitness.secretsOf(simulator, simulator.properties());
                assertThat(cells).as("the matrix ran first").isGreaterThan(0);
                assertThat(secrets).as("secrets known to the check").isNotEmpty();
                assertThat(witness.linesSeen()).as("lines captured at TRACE").isGreaterThan(cells);
                assertThat(witness.leaks(secrets)).isEmpty();
            } finally {
                witness.close();
            }
        }));
        return tests.stream();
    }

    private void cell(SessionKind kind, Operation op, MatrixFault fault) {
        Session existing = op == Operation.CREATE ? null : service.create(draft(kind).build());
        SessionDraft draft = draft(kind).build();
        String newTitle = existing == null ? null : existing.title() + " v2";
        int sessionsBefore = simulator.sessions().size();
        dev.convene.simulator.Operation simOp = dev.convene.simulator.Operation.valueOf(op.name());
        int requestsBefore = simulator.requests(simOp).size();

        inject(fault, simOp);
        Object[] result = new Object[1];
        Throwable failure = catchThrowable(() -> result[0] = switch (op) {
            case CREATE -> service.create(draft);
            case GET -> service.get(existing.id());
            case UPDATE -> service.update(existing.id(), SessionUpdate.builder().title(newTitle).build());
            case CANCEL -> {
                service.cancel(existing.id());
                yield "cancelled";
            }
            case LIST -> service.listAll(ListQuery.of(kind).withPageSize(50)).toList();
        });
        if (failure != null) {
            witness.saw(failure);
        } else {
            witness.saw(result[0]);
        }
        skewClientClock(Duration.ZERO);
        simulator.faults().clear();
        if (fault == MatrixFault.READ_TIMEOUT) {
            pause(HOLD); // let the held request finish at the vendor before looking at its state
        }

        Outcome outcome = expected(op, fault);
        if (outcome == Outcome.OUTCOME_UNKNOWN && fault == MatrixFault.TRUNCATED_JSON && failure == null) {
            // The vendor answers this write with no body (204), so there was nothing to cut: a success, checked below.
            outcome = Outcome.SUCCEEDS;
        }
        if (outcome == Outcome.SUCCEEDS && failure instanceof RateLimitedException limited && fault == MatrixFault.RATE_LIMITED) {
            assertThat(limited.retryAfter()).as("a read gives up on a rate limit only when the vendor's wait exceeds the policy's limit")
                    .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(retryPolicy().maxRetryAfter()));
            return;
        }
        switch (outcome) {
            case SUCCEEDS -> assertThat(failure).as("the call succeeds").isNull();
            case UNAVAILABLE -> assertThat(failure).isInstanceOf(VendorUnavailableException.class);
            case RATE_LIMITED -> assertThat(failure).isInstanceOf(RateLimitedException.class);
            case OUTCOME_UNKNOWN -> assertThat(failure).isInstanceOf(SessionOutcomeUnknownException.class);
            case REFUSED -> assertThat(failure).isInstanceOfSatisfying(VendorException.class,
                    e -> assertThat(e.vendorCode()).as("the vendor's code is kept").isNotEmpty());
        }
        if (failure != null) {
            assertThat(failure).as("only Convene's own exceptions come out").isInstanceOf(ConveneException.class);
        }

        int writes = simulator.requests(simOp).size() - requestsBefore;
        boolean tokenFault = fault == MatrixFault.TOKEN_EXPIRED || fault == MatrixFault.TOKEN_REVOKED;
        if (op == Operation.CREATE || op == Operation.UPDATE) {
            // Never more than once, except the one replay after a token refusal. A provider that reads before it
            // writes may repair the token (or meet the clock skew) on the read, so the write then goes once (or never).
            int most = tokenFault && usesTokens() ? 2 : 1;
            int least = fault == MatrixFault.CLOCK_SKEW || (tokenFault && op == Operation.UPDATE) ? 0 : 1;
            assertThat(writes).as("times the write reached the vendor").isBetween(least, most);
        }
        switch (op) {
            case CREATE -> {
                int created = simulator.sessions().size() - sessionsBefore;
                boolean happened = outcome == Outcome.SUCCEEDS || (outcome == Outcome.OUTCOME_UNKNOWN && applied(fault));
                assertThat(created).as("sessions created at the vendor").isEqualTo(happened ? 1 : 0);
                if (outcome == Outcome.OUTCOME_UNKNOWN && service.capabilities().supports(kind, Operation.LIST)) {
                    assertThat(service.findCreated(draft)).as("findCreated tells whether the create happened").hasSize(created);
                }
            }
            case UPDATE -> {
                boolean happened = outcome == Outcome.SUCCEEDS || (outcome == Outcome.OUTCOME_UNKNOWN && applied(fault));
                assertThat(service.get(existing.id()).title()).isEqualTo(happened ? newTitle : existing.title());
            }
            case CANCEL -> {
                if (outcome == Outcome.SUCCEEDS) {
                    Throwable after = catchThrowable(() -> assertThat(service.get(existing.id()).status()).isEqualTo(SessionStatus.CANCELLED));
                    if (after != null) {
                        assertThat(after).isInstanceOf(dev.convene.SessionNotFoundException.class);
                    }
                }
            }
            default -> {
                if (outcome == Outcome.SUCCEEDS && op == Operation.LIST) {
                    @SuppressWarnings("unchecked")
                    List<Session> listed = (List<Session>) result[0];
                    assertThat(listed).extracting(Session::id).contains(existing.id()).doesNotHaveDuplicates();
                }
                if (outcome == Outcome.SUCCEEDS && op == Operation.GET) {
                    assertThat(((Session) result[0]).id()).isEqualTo(existing.id());
                }
            }
        }
    }

    private boolean usesTokens() {
        return !simulator.requests(dev.convene.simulator.Operation.TOKEN).isEmpty();
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
            case TOKEN_EXPIRED -> simulator.expireTokens();
            case TOKEN_REVOKED -> simulator.revokeTokens();
            case CLOCK_SKEW -> skewClientClock(Duration.ofMinutes(6));
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
