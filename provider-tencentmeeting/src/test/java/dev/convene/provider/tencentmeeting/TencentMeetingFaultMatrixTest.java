package dev.convene.provider.tencentmeeting;

import dev.convene.testkit.FaultMatrixContract;

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
}
