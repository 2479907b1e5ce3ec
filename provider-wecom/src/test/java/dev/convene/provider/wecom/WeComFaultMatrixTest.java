package dev.convene.provider.wecom;

import dev.convene.testkit.FaultMatrixContract;

/** The testkit's faults × operations matrix against the WeCom simulator, with secret hygiene at TRACE. */
class WeComFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "wecom";
    }
}
