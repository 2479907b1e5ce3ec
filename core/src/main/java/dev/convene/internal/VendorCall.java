package dev.convene.internal;

import dev.convene.Operation;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.spi.Exchange;
import java.util.function.Supplier;

/**
 * One vendor call with what is needed to run, retry and explain it. A credential check has no operation (and no
 * kind): it is no session operation, so listeners do not hear of it.
 */
record VendorCall<T>(Operation operation, SessionKind kind, Supplier<Exchange<T>> exchange, SessionDraft draft, SessionId target) {

    /** Creates and updates change the vendor's state and are never sent twice. */
    boolean write() {
        return operation == Operation.CREATE || operation == Operation.UPDATE;
    }

    /** Gets, lists and credential checks read; a cancel that already happened is reported as such by the vendor, so it is safe too. */
    boolean safeToRetry() {
        return operation == null || operation == Operation.GET || operation == Operation.LIST || operation == Operation.CANCEL;
    }

    boolean observed() {
        return operation != null;
    }
}
