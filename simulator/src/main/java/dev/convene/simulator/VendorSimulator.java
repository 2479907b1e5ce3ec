package dev.convene.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The vendor-neutral control surface of one running fake: where it listens, how to configure a
 * client for it, how to make it misbehave, and what it has seen and stored.
 */
public interface VendorSimulator extends AutoCloseable {

    /** {@code wecom}, {@code tencentmeeting} or {@code zoom}: the same id as the provider's. */
    String vendor();

    /** Where the fake listens, e.g. {@code http://127.0.0.1:41234}. */
    URI baseUrl();

    /** The {@code convene.<vendor>.*} keys (credentials, base URLs, organizer) that point a client at this fake. */
    Map<String, String> properties();

    /** The same keys, but with a credential the vendor does not accept, to provoke authentication errors. */
    Map<String, String> propertiesWithBadCredentials();

    /**
     * The keys of a further credential the fake accepts, distinct from every other it hands out (a new app of
     * the same corp or account, with tokens of its own): what a test of many tenants gives each tenant.
     *
     * @throws UnsupportedOperationException where the fake has only its own credential
     */
    default Map<String, String> propertiesForNewCredentials() {
        throw new UnsupportedOperationException(vendor() + " simulator: only its own credential");
    }

    /** The transport and gateway faults: drops, delays, 5xx, busy and rate-limit answers, broken bodies (see {@link FaultKind}). */
    Faults faults();

    /**
     * The next {@code times} requests of the given operations (any but token requests when none given) get the
     * vendor's own error answer for {@code error} instead of being handled, state untouched: e.g. WeCom's
     * {@code VendorError.code(45033)}, Tencent Meeting's {@code VendorError.code(9003, "MEETING NOT EXIST")}, Zoom's
     * {@code VendorError.of(401, 124, "Invalid access token.")}.
     */
    void failNext(VendorError error, int times, Operation... on);

    /** The next {@code times} requests of the given operations (any but token requests when none given) are held {@code delay} first. */
    default void delayNext(Duration delay, int times, Operation... on) {
        faults().inject(Fault.delay(delay), times, on);
    }

    /** The next {@code times} requests of the given operations (any but token requests when none given) lose their connection unread. */
    default void dropNext(int times, Operation... on) {
        faults().inject(FaultKind.DROP_BEFORE_READ, times, on);
    }

    /** Switches the vendor's per-day quotas on or off from now on ({@link SimulatorOptions#dailyLimits()} sets them at start). */
    void dailyLimits(boolean on);

    /** Every request received so far (up to the record limit), oldest first. */
    List<RecordedRequest> requests();

    /** Requests of one operation, oldest first. */
    default List<RecordedRequest> requests(Operation operation) {
        return requests().stream().filter(r -> r.operation() == operation).toList();
    }

    void clearRequests();

    /** Everything created so far, cancelled ones included. */
    List<StoredSession> sessions();

    /** Every token issued so far stops working now, as if the vendor revoked it early. */
    void revokeTokens();

    /** Every token issued so far is past its lifetime now. */
    void expireTokens();

    // ---- what a host does in the vendor's own app, not through the API (each pushes its event, see events())

    /** The host starts the session now: it is live until {@link #hostEnds}. */
    void hostStarts(String nativeId);

    /** The host ends the session now. */
    void hostEnds(String nativeId);

    /** The host cancels the session. */
    void hostCancels(String nativeId);

    /** The host moves the session to start at {@code start}, keeping its length. */
    void hostMoves(String nativeId, Instant start);

    /** Someone joins the session (it counts as attended when it ends). */
    void participantJoins(String nativeId, String participant);

    /**
     * Where the simulator pushes its vendor's events (signed, and for WeCom encrypted, as events.md describes) for every
     * change of its state, through the API or by {@link #hostStarts the host in the app}: register a URL, read what was
     * pushed, wait for deliveries.
     */
    EventPush events();

    @Override
    void close();
}
