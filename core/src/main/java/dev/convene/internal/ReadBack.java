package dev.convene.internal;

import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.spi.http.Redactor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a create or update return the session as a get right after it would: when the provider's answer names
 * parts it lacks ({@link Session#missing()}), one read fills them. The read is the service's own get (checked,
 * retried when safe, heard by listeners); the write is never sent again. A read that fails leaves the write a
 * success: the caller gets what the write's answer held, with the parts it lacked still named.
 */
final class ReadBack {
    private static final Logger LOG = LoggerFactory.getLogger(ReadBack.class);

    private final Function<SessionId, Session> get;
    private final Function<SessionId, CompletableFuture<Session>> getAsync;
    private final Redactor redactor;

    ReadBack(Function<SessionId, Session> get, Function<SessionId, CompletableFuture<Session>> getAsync, Redactor redactor) {
        this.get = get;
        this.getAsync = getAsync;
        this.redactor = redactor;
    }

    Session complete(Session written) {
        if (written == null || written.isComplete()) {
            return written;
        }
        try {
            return merged(written, get.apply(written.id()));
        } catch (RuntimeException e) {
            return unconfirmed(written, e);
        }
    }

    /**
     * {@code write}'s session, completed as {@link #complete} does. Cancelling the result gives the write up as its
     * own future allows; once the write is done, the read after it is not given up.
     */
    CompletableFuture<Session> completeAsync(CompletableFuture<Session> write) {
        StepFuture<Session> out = new StepFuture<>();
        out.step(write);
        write.whenComplete((written, error) -> {
            out.step(null);
            if (error != null) {
                out.completeExceptionally(dev.convene.spi.Exchange.unwrap(error));
            } else {
                out.follow(read(written));
            }
        });
        return out;
    }

    private CompletableFuture<Session> read(Session written) {
        if (written == null || written.isComplete()) {
            return CompletableFuture.completedFuture(written);
        }
        CompletableFuture<Session> read;
        try {
            read = getAsync.apply(written.id());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unconfirmed(written, e));
        }
        return read.handle((got, e) -> e == null ? merged(written, got) : unconfirmed(written, e));
    }

    /**
     * The get wins, being what the vendor holds now, except where it cannot tell who organizes the session (the
     * kind lacks {@link dev.convene.Feature#REPORTS_ORGANIZER}): the organizer the write sent is still known.
     */
    private static Session merged(Session written, Session got) {
        return got.organizer() == null && written.organizer() != null ? got.toBuilder().organizer(written.organizer()).build() : got;
    }

    /** A failed read leaves the write's answer, its gaps named. */
    private Session unconfirmed(Session written, Throwable e) {
        LOG.warn("{} was written, but reading it back failed, so {} stay unconfirmed: {}", written.id(), written.missing(),
                redactor.redact(String.valueOf(e)));
        return written;
    }
}
