package dev.convene.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.ConveneException;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.VendorException;
import dev.convene.spi.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each provider's response decoding: real answers of the simulators to the provider's own get, list and
 * create calls, mutated on the way back by a {@link MutatingProxy} (fields dropped, JSON types changed,
 * nulls, huge numbers, wrong enums, odd dates, truncation, garbage, empty bodies, deep nesting, other
 * statuses and Retry-After headers, connections cut mid-body). Whatever comes back, only Convene's own
 * exceptions come out (a read's failure is a {@link VendorException}; a create whose answer is
 * unreadable is a {@link SessionOutcomeUnknownException}), what succeeds is a sane session, and no call
 * hangs. Blocking and asynchronous calls alike.
 */
class ResponseFuzzTest {
    static final Duration CALL = Duration.ofSeconds(20);
    enum Op { GET, LIST, CREATE }

    static Vendors vendors;
    static final Map<String, MutatingProxy> proxies = new HashMap<>();
    /** Two sessions of each kind per vendor, created through the proxy while it changed nothing. */
    static final Map<String, List<SessionId>> existing = new HashMap<>();
    static final AtomicInteger titles = new AtomicInteger();

    @BeforeAll
    static void start() {
        vendors = Vendors.start((id, sim) -> {
            MutatingProxy proxy = new MutatingProxy(sim.baseUrl());
            proxies.put(id, proxy);
            Map<String, String> p = new HashMap<>();
            String simBase = sim.baseUrl().toString();
            sim.properties().forEach((k, v) -> p.put(k, v.replace(simBase, proxy.baseUrl())));
            return p;
        });
        for (Vendors.Vendor v : vendors.all()) {
            for (SessionKind kind : v.kinds()) {
                for (int i = 0; i < 2; i++) {
                    existing.computeIfAbsent(v.id() + ":" + kind, k -> new ArrayList<>()).add(v.service().create(draft(kind)).id());
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        if (vendors != null) {
            vendors.close();
        }
        proxies.values().forEach(MutatingProxy::close);
    }

    static SessionDraft draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("Fuzz " + titles.incrementAndGet()).start(Vendors.NOW.plus(Duration.ofDays(3)).plusSeconds(60L * titles.get()))
                .duration(Duration.ofHours(1)).timeZone(ZoneId.of("Asia/Shanghai")).build();
    }

    @Test
    void wecomAnswers() {
        answers("wecom");
    }

    @Test
    void tencentMeetingAnswers() {
        answers("tencentmeeting");
    }

    @Test
    void zoomAnswers() {
        answers("zoom");
    }

    record Case(String vendor, Op op, SessionKind kind, boolean async, int index, Mutation mutation) {
        @Override
        public String toString() {
            // The corpus line: what was called, and what the proxy did to which answer.
            return vendor + " " + op + " " + kind + (async ? " async" : "") + " #" + index + " " + mutation;
        }
    }

    private static void answers(String vendor) {
        Vendors.Vendor v = vendors.byId.get(vendor);
        List<SessionKind> listable = v.kinds().stream().filter(k -> v.service().capabilities().supports(k, dev.convene.Operation.LIST)).toList();
        Fuzz.forAll("response." + vendor, 500, r -> {
            Op op = Fuzz.pick(r, Op.values());
            SessionKind kind = op == Op.LIST ? Fuzz.pick(r, listable) : Fuzz.pick(r, v.kinds());
            return new Case(vendor, op, kind, r.nextInt(4) == 0, r.nextInt(op == Op.LIST ? 4 : 2), Mutation.random(r));
        }, ResponseFuzzTest::check);
    }

    /**
     * Arbitrary list queries, the answers left alone: forged or foreign cursors (also a real kind with a garbage
     * provider cursor), odd organizers, page sizes and time bounds give a page or a Convene exception, never hang.
     */
    @Test
    void anyListQueryGivesAPageOrAConveneException() {
        Fuzz.forAll("listQuery", 300, r -> {
            Vendors.Vendor v = Fuzz.pick(r, vendors.all());
            SessionKind kind = r.nextInt(5) == 0 ? null : Fuzz.pick(r, SessionKind.values());
            String cursor = switch (r.nextInt(5)) {
                case 0 -> null;
                case 1 -> Fuzz.oddString(r);
                case 2 -> dev.convene.internal.Cursors.encode(Fuzz.pick(r, SessionKind.values()), r.nextBoolean() ? null : Fuzz.oddString(r));
                case 3 -> java.util.Base64.getUrlEncoder().encodeToString(Fuzz.oddString(r).getBytes(StandardCharsets.UTF_8));
                default -> dev.convene.internal.Cursors.encode(Fuzz.pick(r, SessionKind.values()),
                        Fuzz.pick(r, "0", "-1", "99999999999999999999", "{}", "eyJ4Ijp9", "1:2:3", "\u0000"));
            };
            java.time.Instant from = r.nextInt(3) == 0 ? null : Fuzz.pick(r, java.time.Instant.EPOCH, Vendors.NOW, Vendors.NOW.plus(Duration.ofDays(3)),
                    java.time.Instant.parse("9999-12-31T00:00:00Z"), java.time.Instant.MIN);
            java.time.Instant to = from == null || r.nextInt(3) == 0 ? null
                    : from == java.time.Instant.MIN ? java.time.Instant.MAX : from.plus(Duration.ofDays(Fuzz.pick(r, 0, 1, 181, 200_000)));
            String organizer = r.nextInt(3) == 0 ? Fuzz.oddString(r) : null;
            return new QueryCase(v.id(), ListQuery.builder().kind(kind).organizer(organizer).from(from).to(to)
                    .pageSize(Fuzz.pick(r, 0, 1, 3, 300, 301, Integer.MAX_VALUE)).cursor(cursor).build());
        }, q -> {
            Vendors.Vendor v = vendors.byId.get(q.vendor());
            try {
                Page<Session> page = Fuzz.within(CALL, () -> v.service().list(q.query()));
                for (Session s : page.items()) {
                    DraftFuzzTest.sane(s);
                }
            } catch (ConveneException e) {
                assertThat(e.getClass()).as("classified: " + e).isNotEqualTo(ConveneException.class);
            }
        });
    }

    record QueryCase(String vendor, ListQuery query) {
    }

    /**
     * A vendor that answers every page with the same next-page cursor, or one that never ends: walking all
     * pages must end (with what was read, or a {@link VendorException}), not loop for ever.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("endlessPages")
    void anEndlessListingEnds(String vendor, SessionKind kind, String mutation) throws Exception {
        Vendors.Vendor v = vendors.byId.get(vendor);
        MutatingProxy proxy = proxies.get(vendor);
        proxy.arm(Mutation.parse(mutation), 0, true);
        try {
            Fuzz.within(CALL, () -> {
                try (Stream<Session> all = v.service().listAll(ListQuery.of(kind).withPageSize(1))) {
                    long n = all.limit(100_000).count();
                    if (n >= 100_000) {
                        throw new AssertionError("the listing did not end: 100,000 sessions from a vendor that holds a handful");
                    }
                    return n;
                } catch (VendorException expected) {
                    return -1L;
                }
            });
        } finally {
            proxy.arm(null, 0);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> endlessPages() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("zoom", SessionKind.MEETING, "again"),
                org.junit.jupiter.params.provider.Arguments.of("zoom", SessionKind.WEBINAR, "again"),
                org.junit.jupiter.params.provider.Arguments.of("wecom", SessionKind.MEETING, "again"),
                org.junit.jupiter.params.provider.Arguments.of("wecom", SessionKind.LIVE_STREAM, "again"),
                org.junit.jupiter.params.provider.Arguments.of("tencentmeeting", SessionKind.MEETING, "again"),
                org.junit.jupiter.params.provider.Arguments.of("tencentmeeting", SessionKind.LIVE_STREAM, "again"));
    }

    /** The corpus: {@code vendor OP KIND [async] #index mutation}, one a line, in {@code fuzz/responses.txt}. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void corpusCase(String line) throws Exception {
        String[] p = line.split(" ", 6);
        boolean async = p[3].equals("async");
        int at = async ? 4 : 3;
        String[] rest = line.split(" ", at + 2);
        check(new Case(p[0], Op.valueOf(p[1]), SessionKind.valueOf(p[2]), async, Integer.parseInt(rest[at].substring(1)), Mutation.parse(rest[at + 1])));
    }

    /** Lines are read as they are: {@code set} takes JSON text (with JSON's own escapes); {@code body} and {@code status} unescape themselves. */
    static Stream<String> corpus() {
        try (InputStream in = ResponseFuzzTest.class.getResourceAsStream("/fuzz/responses.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void check(Case c) throws Exception {
        Vendors.Vendor v = vendors.byId.get(c.vendor());
        MutatingProxy proxy = proxies.get(c.vendor());
        List<SessionId> ids = existing.get(c.vendor() + ":" + c.kind());
        SessionId id = ids.get(0);
        proxy.arm(c.mutation(), c.index());
        Object result = null;
        Throwable failure = null;
        List<String> applied;
        try {
            result = Fuzz.within(CALL, () -> call(v, c, id));
        } catch (AssertionError hang) {
            throw new AssertionError(hang.getMessage() + "; the proxy did " + proxy.applied(), hang);
        } catch (Throwable t) {
            failure = Exchange.unwrap(t);
        } finally {
            applied = proxy.applied();
            proxy.arm(null, 0);
        }
        String what = "after " + applied + ": ";
        if (failure != null) {
            if (!(failure instanceof ConveneException)) {
                throw new AssertionError(what + c.op() + " let " + failure + " escape", failure);
            }
            if (failure.getClass() == ConveneException.class) {
                throw new AssertionError(what + c.op() + " failed unclassified: " + failure, failure);
            }
            if (c.op() == Op.CREATE) {
                if (!(failure instanceof SessionOutcomeUnknownException) && !(failure instanceof VendorException)) {
                    throw new AssertionError(what + "a create failed with " + failure, failure);
                }
                if (definitelyUnreadable(applied) && !(failure instanceof SessionOutcomeUnknownException)) {
                    throw new AssertionError(what + "an unreadable answer to a create must leave its outcome unknown, was " + failure, failure);
                }
            } else if (!(failure instanceof VendorException)) {
                throw new AssertionError(what + "a " + c.op() + " failed with " + failure, failure);
            }
            return;
        }
        try {
            switch (c.op()) {
                case GET -> {
                    Session s = (Session) result;
                    DraftFuzzTest.sane(s);
                    assertThat(s.id()).as("the session asked for").isEqualTo(id);
                }
                case CREATE -> {
                    Session s = (Session) result;
                    DraftFuzzTest.sane(s);
                    assertThat(s.kind()).isEqualTo(c.kind());
                }
                case LIST -> {
                    @SuppressWarnings("unchecked")
                    Page<Session> page = (Page<Session>) result;
                    assertThat(page).isNotNull();
                    for (Session s : page.items()) {
                        DraftFuzzTest.sane(s);
                        assertThat(s.kind()).isEqualTo(c.kind());
                    }
                }
            }
        } catch (AssertionError e) {
            throw new AssertionError(what + e.getMessage(), e);
        }
    }

    /** The mutated answer cannot be read at all: cut short, or not JSON with a 2xx status. */
    private static boolean definitelyUnreadable(List<String> applied) {
        return applied.stream().anyMatch(a -> a.contains(": cut ") || a.contains(": truncate "));
    }

    private static Object call(Vendors.Vendor v, Case c, SessionId id) throws Exception {
        ListQuery query = ListQuery.of(c.kind()).withPageSize(3);
        if (c.async()) {
            return switch (c.op()) {
                case GET -> v.service().getAsync(id).get(CALL.toSeconds(), TimeUnit.SECONDS);
                case LIST -> v.service().listAsync(query).get(CALL.toSeconds(), TimeUnit.SECONDS);
                case CREATE -> v.service().createAsync(draft(c.kind())).get(CALL.toSeconds(), TimeUnit.SECONDS);
            };
        }
        return switch (c.op()) {
            case GET -> v.service().get(id);
            case LIST -> v.service().list(query);
            case CREATE -> v.service().create(draft(c.kind()));
        };
    }
}
