package dev.convene.testkit;

import java.util.Optional;

/** The reference provider under every fault. */
class ToyFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "toy";
    }

    /** The toy simulator answers 5xx and busy with {@code "error":"unavailable"}, its rate limit with {@code "rate_limited"}. */
    @Override
    protected Optional<String> vendorCode(MatrixFault fault) {
        return switch (fault) {
            case SERVER_ERROR, BUSY -> Optional.of("unavailable");
            case RATE_LIMITED -> Optional.of("rate_limited");
            default -> Optional.empty();
        };
    }
}
