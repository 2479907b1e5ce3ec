package dev.convene.testkit;

/** The reference provider under every fault. */
class ToyFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "toy";
    }
}
