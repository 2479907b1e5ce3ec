package dev.convene.provider.wecom;

import dev.convene.testkit.FaultMatrixContract;
import java.util.Optional;

/** The testkit's faults × operations matrix against the WeCom simulator, with secret hygiene at TRACE. */
class WeComFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "wecom";
    }

    /** WeCom's errcodes (wecom.md §5): -1 system busy, 45009 frequency limit; its 5xx is an HTML page without one. */
    @Override
    protected Optional<String> vendorCode(MatrixFault fault) {
        return switch (fault) {
            case SERVER_ERROR -> Optional.of("");
            case BUSY -> Optional.of("-1");
            case RATE_LIMITED -> Optional.of("45009");
            default -> Optional.empty();
        };
    }
}
