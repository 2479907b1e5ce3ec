package dev.convene.provider.zoom;

import dev.convene.testkit.FaultMatrixContract;
import java.util.Optional;

/** Zoom under every fault of the matrix, with secret hygiene at TRACE. */
class ZoomFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "zoom";
    }

    /** The codes in the Zoom simulator's error bodies for these faults: 500 internal error, 503 unavailable, 429 rate limit (zoom.md §5.1). */
    @Override
    protected Optional<String> vendorCode(MatrixFault fault) {
        return switch (fault) {
            case SERVER_ERROR -> Optional.of("500");
            case BUSY -> Optional.of("503");
            case RATE_LIMITED -> Optional.of("429");
            default -> Optional.empty();
        };
    }
}
