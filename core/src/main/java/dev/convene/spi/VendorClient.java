package dev.convene.spi;

import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import java.util.List;

/**
 * The narrow operations a provider implements; everything around them (validation against the
 * declared capabilities, retries, listeners, paging, async) is core's, written once.
 *
 * <p>Core calls an operation only for kinds and operations the provider declared, after the generic
 * checks passed. Each returns an {@link Exchange} that core runs blocking or non-blocking and may run
 * again (for safe retries), so building one must not send anything.
 */
public interface VendorClient extends AutoCloseable {

    /** Vendor rules the generic {@link dev.convene.Limits} cannot express; empty when all is well. */
    default List<Violation> validate(SessionDraft draft) {
        return List.of();
    }

    /** Vendor rules for an update of {@code id}; empty when all is well. */
    default List<Violation> validate(SessionId id, SessionUpdate update) {
        return List.of();
    }

    /**
     * Creates the session. The answer is the session as the vendor's answer tells it, the draft filling what the
     * answer leaves out; every part it leaves out that a get would tell is named in {@link Session#missing()}.
     * Core then reads the session once (its own get, retried when safe) and returns that, so the caller gets what a
     * get right after would; when that read fails the create still succeeds with this session, its gaps named.
     * Never read back here: a failed read must not look like a failed create.
     */
    Exchange<Session> create(SessionDraft draft);

    Exchange<Session> get(SessionId id);

    /**
     * Sends the change. The answer is the session as the write leaves it as far as the provider knows (the
     * session as it was read before, with the change applied, or the vendor's answer), with every part the
     * vendor's answer did not confirm named in {@link Session#missing()}: core reads those back as after a create.
     */
    Exchange<Session> update(SessionId id, SessionUpdate update);

    Exchange<Void> cancel(SessionId id);

    /**
     * One page of sessions of {@code kind}. {@code query.cursor()} is this provider's own cursor from a
     * previous page (core keeps the cross-kind bookkeeping) and {@code query.kind()} equals {@code kind}.
     */
    Exchange<Page<Session>> list(SessionKind kind, ListQuery query);

    /**
     * The cheapest call that proves the vendor accepts the configured credentials and creates or changes
     * nothing, e.g. obtaining an access token ({@link dev.convene.spi.token.TokenCache#obtain}) or a signed
     * read. Core runs it for {@link dev.convene.SessionService#checkCredentials()} like a read (retried
     * when safe). The default throws {@link UnsupportedOperationException}, which core reports as an
     * {@link dev.convene.UnsupportedFeatureException}.
     */
    default Exchange<Void> checkCredentials() {
        throw new UnsupportedOperationException("checking credentials");
    }

    /** The organizer used when a draft or query names none. */
    String defaultOrganizer();

    @Override
    default void close() {
    }
}
