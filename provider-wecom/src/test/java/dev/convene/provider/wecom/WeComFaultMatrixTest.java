package dev.convene.provider.wecom;

import dev.convene.SessionKind;
import dev.convene.testkit.FaultMatrixContract;

/**
 * The testkit's faults × operations matrix against the WeCom simulator, on livings.
 *
 * <p>Livings rather than meetings because the matrix counts write requests and expects a write refused
 * for its token to be sent twice. A meeting update must read the meeting first (start and duration
 * travel together, the invitee list is resent whole), so a token fault is met, and repaired, by that
 * read, and the update itself goes out once: the right behaviour, but not the one the cell counts. The
 * meeting paths for create, get, cancel and list are the same code as the living ones; meeting updates
 * under token faults are covered in {@link WeComTokenTest}.
 */
class WeComFaultMatrixTest extends FaultMatrixContract {
    @Override
    protected String providerId() {
        return "wecom";
    }

    @Override
    protected SessionKind kind() {
        return SessionKind.LIVE_STREAM;
    }
}
