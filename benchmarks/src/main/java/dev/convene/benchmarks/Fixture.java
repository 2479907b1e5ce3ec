package dev.convene.benchmarks;

import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionService;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import okhttp3.OkHttpClient;

/**
 * One vendor's benchmark setting: its stub in a second JVM, Convene opened on it, a session to read, and
 * the exact create and get requests Convene sent (captured at the stub after a warm-up) for the raw
 * transport to replay.
 */
final class Fixture implements AutoCloseable {
    /** Header values that must differ from call to call or client to client: the credentials. */
    private static final Set<String> VOLATILE = Set.of("x-tc-timestamp", "x-tc-nonce", "x-tc-signature", "authorization");

    final String vendor;
    final Stubs stub;
    final SessionService convene;
    final SessionDraft draft;
    final SessionId sessionId;
    final Stubs.Captured create;
    final Stubs.Captured get;

    private Fixture(String vendor, Stubs stub, SessionService convene) {
        this.vendor = vendor;
        this.stub = stub;
        this.convene = convene;
        this.draft = Workloads.draft(vendor);
        Session s = convene.create(draft);
        this.sessionId = s.id();
        convene.get(sessionId);
        this.create = stub.last("CREATE");
        this.get = stub.last("GET");
    }

    /** {@code conveneSettings} are extra {@code convene.*} key/value pairs, e.g. the per-host request limit. */
    static Fixture start(String vendor, long latencyMs, int recordLimit, String... conveneSettings) {
        Stubs stub = Stubs.start(vendor, latencyMs, recordLimit);
        try {
            return new Fixture(vendor, stub, Workloads.open(stub, false, conveneSettings));
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    RawReplay raw(OkHttpClient http) {
        return new RawReplay(vendor, http, stub.properties(), create, get);
    }

    RawReplay raw(RawReplay.Config config, int maxRequestsPerHost) {
        return raw(RawReplay.client(config, maxRequestsPerHost));
    }

    /** Sends one create and one get through {@code raw} and checks the stub received what Convene sent, credentials aside. */
    void verifyIdentical(RawReplay raw) {
        raw.create();
        same("create", create, stub.last("CREATE"));
        raw.get();
        same("get", get, stub.last("GET"));
    }

    private static void same(String what, Stubs.Captured convene, Stubs.Captured raw) {
        String a = describe(convene);
        String b = describe(raw);
        if (!a.equals(b)) {
            throw new IllegalStateException("the raw " + what + " differs from Convene's:\n convene: " + a + "\n raw:     " + b);
        }
    }

    private static String describe(Stubs.Captured c) {
        Map<String, String> headers = new TreeMap<>();
        for (String[] h : c.headers()) {
            String name = h[0].toLowerCase(Locale.ROOT);
            headers.put(name, VOLATILE.contains(name) ? "<credential>" : h[1]);
        }
        return c.method() + " " + c.rawPath() + "?" + c.rawQuery().replaceAll("access_token=[^&]*", "access_token=<token>")
                + " " + headers + " " + new String(c.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            convene.close();
        } finally {
            stub.close();
        }
    }
}
