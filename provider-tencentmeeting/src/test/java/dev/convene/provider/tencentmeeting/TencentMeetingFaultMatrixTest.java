package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.FaultMatrixContract;
import java.util.Optional;

/** The testkit's faults × operations matrix against the Tencent Meeting simulator, clock skew included. */
class TencentMeetingFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "tencentmeeting";
    }

    /** Every request carries X-TC-Timestamp, and the vendor refuses one more than 5 minutes off (190300). */
    @Override
    protected boolean checksRequestTime() {
        return true;
    }

    /** Every request is signed with the app's SecretKey: there is no token to expire or revoke. */
    @Override
    protected boolean usesTokens() {
        return false;
    }

    /** Tencent's codes (tencentmeeting.md §2, §5): 5108 internal error, 960000 busy, 190310 per-minute limit, 190300 timestamp window. */
    @Override
    protected Optional<String> vendorCode(MatrixFault fault) {
        return switch (fault) {
            case SERVER_ERROR -> Optional.of("5108");
            case BUSY -> Optional.of("960000");
            case RATE_LIMITED -> Optional.of("190310");
            case CLOCK_SKEW -> Optional.of("190300");
            default -> Optional.empty();
        };
    }
}
