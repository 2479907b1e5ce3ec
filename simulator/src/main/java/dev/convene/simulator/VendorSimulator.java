package dev.convene.simulator;

import java.net.URI;
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

    Faults faults();

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

    @Override
    void close();
}
