package dev.convene.provider.zoom;

import dev.convene.testkit.FaultMatrixContract;

/** Zoom under every fault of the matrix, with secret hygiene at TRACE. */
class ZoomFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "zoom";
    }
}
