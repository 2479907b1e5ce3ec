package dev.convene.reliability.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.AuthenticationException;
import dev.convene.ConfigurationException;
import dev.convene.ListQuery;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionKind;
import dev.convene.SessionListener;
import dev.convene.SessionService;
import dev.convene.Tenants;
import dev.convene.internal.HttpRoot;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import dev.convene.spi.token.AccessToken;
import dev.convene.spi.token.TokenFetcher;
import dev.convene.spi.token.TokenKey;
import dev.convene.spi.token.TokenStore;
import dev.convene.spi.token.TokenStores;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 10,000 tenants, half on WeCom and half on Zoom, each with credentials of its own, against the simulators:
 * one token fetch per tenant's credentials, nothing crossing between tenants, idle tenants closed, one pool.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyTenantsTest {
    static final int TENANTS = 10_000;
    final SettableClock clock = new SettableClock(Instant.parse("2030-03-04T01:00:00Z"));
    VendorSimulator wecom;
    VendorSimulator zoom;
    /** tenant → its configuration, as an application's database would hold it */
    final Map<String, Map<String, String>> database = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> resolved = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();
    final CountingStore store = new CountingStore();
    Tenants tenants;

    /** The shared store, counting fetches per key, as a cache entry per tenant would show. */
    static final class CountingStore implements TokenStore {
        final TokenStore inner = TokenStores.inMemory();
        final Map<TokenKey, AtomicInteger> fetches = new ConcurrentHashMap<>();

        @Override
        public AccessToken obtain(TokenKey key, Instant validUntil, TokenFetcher fetcher) throws IOException {
            return inner.obtain(key, validUntil, () -> {
                fetches.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return fetcher.fetch();
            });
        }

        @Override
        public void invalidate(TokenKey key, AccessToken stale) {
            inner.invalidate(key, stale);
        }
    }

    @BeforeAll
    void start() {
        SimulatorOptions options = SimulatorOptions.defaults().withDailyLimits(false).withRecordLimit(4 * TENANTS);
        wecom = Simulators.start("wecom", options);
        zoom = Simulators.start("zoom", options);
        for (int i = 0; i < TENANTS; i++) {
            database.put(tenant(i), (i % 2 == 0 ? wecom : zoom).propertiesForNewCredentials());
        }
        tenants = open(store);
    }

    /** Tenants read from {@link #database}, counting resolves and what each tenant's listener hears. */
    Tenants open(TokenStore tokens) {
        return Tenants.builder(tenant -> {
                    resolved.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
                    return database.get(tenant);
                })
                .properties(Map.of()).systemProperties(false).environment(Map.of())
                .clock(clock).idleTimeout(Duration.ofMinutes(5)).tokenStore(tokens)
                .listener(tenant -> new SessionListener() {
                    @Override
                    public void onSuccess(SessionEvent event) {
                        heard.computeIfAbsent(tenant, t -> new AtomicInteger()).incrementAndGet();
                    }
                })
                .build();
    }

    @AfterAll
    void stop() {
        tenants.close();
        wecom.close();
        zoom.close();
    }

    static String tenant(int i) {
        return "tenant-" + i;
    }

    /** The credential a token request was made with: WeCom's corpsecret, Zoom's Basic client id. */
    static String credential(RecordedRequest r) {
        return r.query("corpsecret").orElseGet(() -> r.header("Authorization").orElse(""));
    }

    static <T> List<T> inParallel(int n, Function<Integer, T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tenThousandTenantsEachFetchOneTokenForTheirOwnCredentialsAndNothingCrosses() throws Exception {
        wecom.clearRequests();
        zoom.clearRequests();
        inParallel(TENANTS, i -> tenants.sessions(tenant(i)).list(ListQuery.of(SessionKind.MEETING)));

        assertThat(tenants.openTenants()).hasSize(TENANTS);
        assertThat(resolved.keySet().stream().filter(t -> t.startsWith("tenant-"))).hasSize(TENANTS);
        for (VendorSimulator sim : List.of(wecom, zoom)) {
            Map<String, Long> tokensPerCredential = sim.requests(Operation.TOKEN).stream()
                    .collect(Collectors.groupingBy(ManyTenantsTest::credential, Collectors.counting()));
            assertThat(tokensPerCredential).as(sim.vendor() + ": one token request per tenant's credentials").hasSize(TENANTS / 2);
            assertThat(tokensPerCredential.values()).containsOnly(1L);
        }
        assertThat(store.fetches).as("one token entry per tenant, each fetched once").hasSize(TENANTS);
        assertThat(store.fetches.values()).extracting(AtomicInteger::get).containsOnly(1);
        Map<String, Integer> ours = heard.entrySet().stream().filter(e -> e.getKey().startsWith("tenant-"))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        assertThat(ours).as("each tenant's listener heard its own call and no other").hasSize(TENANTS);
        assertThat(ours.values()).containsOnly(1);
        assertThat(resolved.entrySet().stream().filter(e -> e.getKey().startsWith("tenant-")).map(e -> e.getValue().get())).containsOnly(1);
        // one pool for all: far fewer connections than tenants (each tenant's own pool would keep one or more)
        assertThat(HttpRoot.client(HttpRoot.Settings.DEFAULT).connectionPool().connectionCount())
                .isPositive().isLessThanOrEqualTo(2 * HttpRoot.Settings.DEFAULT.maxRequestsPerHost());
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("convene-http-")).count())
                .isLessThanOrEqualTo(HttpRoot.Settings.DEFAULT.maxRequests());

        // a WeCom app sees only what it created: each tenant's list holds its own meeting alone
        List<Integer> some = List.of(0, 2, 4, 6);
        Map<Integer, Session> mine = new HashMap<>();
        for (int i : some) {
            mine.put(i, tenants.sessions(tenant(i)).create(SessionDraft.builder(SessionKind.MEETING).title("of " + tenant(i))
                    .start(ZonedDateTime.parse("2099-01-06T10:00+08:00[Asia/Shanghai]")).duration(Duration.ofMinutes(30)).build()));
        }
        for (int i : some) {
            assertThat(tenants.sessions(tenant(i)).listAll(ListQuery.of(SessionKind.MEETING)).map(Session::id).toList())
                    .containsExactly(mine.get(i).id());
        }

        // idle tenants are closed; the next call opens the tenant again with the token it still holds
        int tokensBefore = wecom.requests(Operation.TOKEN).size() + zoom.requests(Operation.TOKEN).size();
        clock.advance(Duration.ofMinutes(6));
        assertThat(tenants.openTenants()).isEmpty();
        tenants.sessions(tenant(1)).list(ListQuery.of(SessionKind.MEETING));
        assertThat(tenants.openTenants()).containsExactly(tenant(1));
        assertThat(resolved.get(tenant(1))).hasValue(2);
        assertThat(wecom.requests(Operation.TOKEN).size() + zoom.requests(Operation.TOKEN).size()).isEqualTo(tokensBefore);

        // changed credentials: after a refresh the tenant gets a token for the new ones, never its old token
        Map<String, String> rotated = zoom.propertiesForNewCredentials();
        database.put(tenant(1), rotated);
        tenants.refresh(tenant(1));
        tenants.sessions(tenant(1)).list(ListQuery.of(SessionKind.MEETING));
        String newCredential = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (rotated.get("convene.zoom.client-id") + ":" + rotated.get("convene.zoom.client-secret")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(zoom.requests(Operation.TOKEN)).filteredOn(r -> credential(r).equals(newCredential)).hasSize(1);
        RecordedRequest last = zoom.requests().get(zoom.requests().size() - 1);
        assertThat(last.operation()).isEqualTo(Operation.LIST);
    }

    @Test
    void aResolversFailureOrIncompleteAnswerNamesTheTenantAndTheKeysButNoValue() {
        Map<String, String> incomplete = new HashMap<>(wecom.propertiesForNewCredentials());
        incomplete.remove("convene.wecom.corp-secret");
        database.put("incomplete", incomplete);
        try (Tenants tenants = open(new CountingStore())) {
        assertThatThrownBy(() -> tenants.sessions("incomplete").list(ListQuery.all()))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.missingKeys()).containsExactly("convene.wecom.corp-secret"))
                .hasMessageStartingWith("tenant 'incomplete': missing configuration for wecom: convene.wecom.corp-secret")
                .satisfies(e -> incomplete.values().stream().filter(v -> v.length() > 8 && !v.startsWith("http"))
                        .forEach(v -> assertThat(e.getMessage()).doesNotContain(v)));
        assertThatThrownBy(() -> tenants.sessions("nobody").list(ListQuery.all()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("tenant 'nobody'");
        }
        Tenants throwing = Tenants.builder(t -> {
            throw new IllegalStateException("database down: password=hunter2");
        }).systemProperties(false).environment(Map.of()).build();
        try (throwing) {
            assertThatThrownBy(() -> throwing.sessions("acme").get(dev.convene.SessionId.parse("zoom:meeting:1")))
                    .isInstanceOf(ConfigurationException.class).hasMessage("tenant 'acme': the resolver failed (java.lang.IllegalStateException)");
        }
    }

    @Test
    void oneTenantsBadCredentialsLeaveTheOthersAlone() {
        Map<String, String> bad = new HashMap<>(zoom.propertiesForNewCredentials());
        bad.put("convene.zoom.client-secret", "not-the-secret");
        database.put("bad", bad);
        database.put("good", zoom.propertiesForNewCredentials());
        try (Tenants tenants = open(new CountingStore())) {
        SessionService badSessions = tenants.sessions("bad");
        assertThatThrownBy(() -> badSessions.list(ListQuery.all())).isInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("not-the-secret");
        assertThat(tenants.sessions("good").list(ListQuery.all()).items()).isNotNull();
        assertThatThrownBy(() -> badSessions.list(ListQuery.all())).isInstanceOf(AuthenticationException.class);
        }
    }
}
