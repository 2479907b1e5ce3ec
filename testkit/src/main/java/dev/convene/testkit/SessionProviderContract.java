package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.Access;
import dev.convene.AuthenticationException;
import dev.convene.Capabilities;
import dev.convene.Convene;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.KindCapabilities;
import dev.convene.Limits;
import dev.convene.ListQuery;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Operation;
import dev.convene.ProviderInfo;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.Violation;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.Simulators;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every provider keeps. A provider's test extends this class, names its provider and
 * the people its simulator knows, and inherits one test per claim its {@link Capabilities} make:
 *
 * <pre>{@code
 * class ZoomContractTest extends SessionProviderContract {
 *     protected String providerId() { return "zoom"; }
 *     protected List<String> knownUsers() { return List.of("alice@example.com", "bob@example.com", "carol@example.com"); }
 * }
 * }</pre>
 *
 * Each supported kind and operation gets a positive test, each declared feature a create → get
 * round trip, and each feature, operation and kind the provider does not declare a test that it is
 * refused with {@link UnsupportedFeatureException} before anything is sent. Everything runs over
 * HTTP against the vendor's simulator (by default {@link Simulators#start}), sharing one
 * {@link SettableClock} with the client, so nothing depends on the wall clock.
 */
public abstract class SessionProviderContract extends ProviderFixture {
    // ---- hooks -----------------------------------------------------------------------------

    /** At least three user ids (or e-mails) the vendor knows; the first is used as a host, the others as invitees. */
    protected abstract List<String> knownUsers();

    /** Completes a draft for vendor rules that tie one feature to another (e.g. replay needs cloud recording). */
    protected SessionDraft.Builder complete(SessionKind kind, Set<Feature> features, SessionDraft.Builder draft) {
        return draft;
    }

    /** How many sessions the paging test creates; more than one vendor page is best (default 5, listed 2 a page). */
    protected int sessionsToPage() {
        return 5;
    }

    /** A native id the vendor has never issued, in the vendor's format. */
    protected String unknownNativeId(SessionKind kind) {
        return "98765432101";
    }

    protected Capabilities capabilities() {
        return service.capabilities();
    }

    private List<SessionKind> kindsWith(Operation... operations) {
        return capabilities().supportedKinds().stream().sorted()
                .filter(k -> Stream.of(operations).allMatch(o -> capabilities().supports(k, o))).toList();
    }

    private int requestCount() {
        return simulator.requests().size();
    }

    // ---- discovery ----------------------------------------------------------------------------

    @Test
    void isFoundByIdThroughServiceLoader() {
        assertThat(Convene.providers()).extracting(ProviderInfo::id).contains(providerId());
        assertThat(service.provider()).isEqualTo(providerId());
    }

    @Test
    void capabilitiesAreSane() {
        Capabilities caps = capabilities();
        assertThat(caps.supportedKinds()).as("a provider supports at least one kind").isNotEmpty();
        caps.kinds().forEach((kind, k) -> {
            assertThat(k.operations()).as(kind + ": what can be created can be read").contains(Operation.GET);
            Limits l = k.limits();
            assertThat(l.minDuration()).as(kind + " duration range").isLessThanOrEqualTo(l.maxDuration());
            if (k.supports(Feature.PASSWORD)) {
                assertThat(l.passwordPattern()).as(kind + ": PASSWORD needs a password rule").isNotNull();
            }
            if (k.supports(Feature.OCCURRENCES)) {
                assertThat(k.features()).as(kind + ": OCCURRENCES needs RECURRENCE").contains(Feature.RECURRENCE);
            }
            if (k.supports(Feature.RECURRENCE)) {
                assertThat(l.maxOccurrences()).as(kind + " recurrence limit").isPositive();
            }
        });
    }

    // ---- positive paths ------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> createThenGetKeepsTheBasics() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            // A plain draft (title, start, duration) must work for every kind: vendor-required extras get sensible defaults.
            SessionDraft d = draft(kind).build();
            Session created = service.create(d);
            assertThat(created.id().provider()).isEqualTo(providerId());
            assertThat(created.kind()).isEqualTo(kind);
            Session got = service.get(created.id());
            for (Session s : List.of(created, got)) {
                assertThat(s.id()).isEqualTo(created.id());
                assertThat(s.title()).isEqualTo(d.title());
                assertThat(s.start()).isEqualTo(d.start());
                assertThat(s.duration()).isEqualTo(d.duration());
                assertThat(s.status()).isEqualTo(SessionStatus.SCHEDULED);
            }
            assertThat(SessionId.parse(got.id().toString())).isEqualTo(got.id());
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDeclaredFeatureSurvivesARoundTrip() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SessionKind kind : kindsWith(Operation.CREATE, Operation.GET)) {
            for (Feature feature : capabilities().of(kind).orElseThrow().features()) {
                if (feature == Feature.KEEPS_CANCELLED || feature == Feature.LISTS_CANCELLED) {
                    continue; // claims about cancelled sessions: NeutralBehaviourContract checks them
                }
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " " + feature, () -> roundTrip(kind, feature)));
            }
        }
        return tests.stream();
    }

    private void roundTrip(SessionKind kind, Feature feature) {
        KindCapabilities k = capabilities().of(kind).orElseThrow();
        List<String> users = knownUsers();
        assertThat(users).as("knownUsers() must name at least three users the simulator knows").hasSizeGreaterThanOrEqualTo(3);
        SessionDraft.Builder b = draft(kind);
        switch (feature) {
            case DESCRIPTION -> b.description("Agenda: contract checks");
            case PASSWORD -> b.password(password(k.limits()));
            case REGISTRATION -> b.access(Access.REGISTRATION);
            case HOSTS -> b.hosts(users.get(0));
            case INVITEES -> b.invitees(users.get(1), users.get(2));
            case RECURRENCE, OCCURRENCES -> b.recurrence(Recurrence.weekly(1).times(Math.min(4, k.limits().maxOccurrences())));
            case WAITING_ROOM -> b.media(MediaOptions.DEFAULTS.withWaitingRoom(true));
            case MUTE_ON_ENTRY -> b.media(MediaOptions.DEFAULTS.withMuteOnEntry(true));
            case JOIN_BEFORE_HOST -> b.media(MediaOptions.DEFAULTS.withJoinBeforeHost(false));
            case AUTO_RECORDING -> b.media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.CLOUD));
            case LIVE_PASSWORD -> b.live(new LiveOptions(password(k.limits()), null));
            case LIVE_REPLAY -> b.live(new LiveOptions(null, true));
            case TIME_ZONE -> b.timeZone(ZoneId.of("Europe/Berlin"));
        }
        SessionDraft d = complete(kind, Set.of(feature), b).build();
        Session s = service.get(service.create(d).id());
        switch (feature) {
            case DESCRIPTION -> assertThat(s.description()).isEqualTo(d.description());
            case PASSWORD -> {
                assertThat(s.password()).isEqualTo(d.password());
                assertThat(s.access()).isEqualTo(Access.PASSWORD);
            }
            case REGISTRATION -> assertThat(s.access()).isEqualTo(Access.REGISTRATION);
            case HOSTS -> assertThat(s.hosts()).contains(users.get(0));
            case INVITEES -> assertThat(s.invitees()).contains(users.get(1), users.get(2));
            case RECURRENCE -> {
                assertThat(s.recurrence()).as("recurrence").isNotNull();
                assertThat(occurrences(s.recurrence(), d)).isEqualTo(occurrences(d.recurrence(), d));
            }
            case OCCURRENCES -> assertThat(s.occurrences()).extracting(o -> o.start())
                    .isEqualTo(occurrences(d.recurrence(), d));
            case WAITING_ROOM -> assertThat(s.media().waitingRoom()).isTrue();
            case MUTE_ON_ENTRY -> assertThat(s.media().muteOnEntry()).isTrue();
            case JOIN_BEFORE_HOST -> assertThat(s.media().joinBeforeHost()).isFalse();
            case AUTO_RECORDING -> assertThat(s.media().autoRecording()).isEqualTo(MediaOptions.Recording.CLOUD);
            case LIVE_PASSWORD -> assertThat(s.live().password()).isEqualTo(d.live().password());
            case LIVE_REPLAY -> assertThat(s.live().replay()).isTrue();
            case TIME_ZONE -> assertThat(s.timeZone()).isEqualTo(d.timeZone());
            case REPORTS_ORGANIZER -> assertThat(s.organizer()).as("a get names the organizer").isNotBlank();
            default -> {
                // RECURRENCE_REMOVAL is asked for by an update: NeutralBehaviourContract removes a rule
            }
        }
    }

    /** Compares rules by what they do, since vendors spell equivalent rules differently. */
    private static List<Instant> occurrences(Recurrence r, SessionDraft d) {
        return occurrences(r, d.start().atZone(d.timeZone()));
    }

    private static List<Instant> occurrences(Recurrence r, ZonedDateTime first) {
        return r.occurrences(first).limit(10).map(ZonedDateTime::toInstant).toList();
    }

    /**
     * A session's password is masked in {@code toString()}, and so in the HTTP log at TRACE: with every line
     * captured while a session with a password (and a live password where offered) is created, read, changed
     * and listed, neither shows anywhere, though the HTTP bodies were logged and some of them masked.
     */
    @TestFactory
    Stream<DynamicTest> passwordsNeverReachTheLogEvenAtTrace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SessionKind kind : kindsWith(Operation.CREATE, Operation.GET)) {
            KindCapabilities k = capabilities().of(kind).orElseThrow();
            Set<Feature> used = EnumSet.noneOf(Feature.class);
            for (Feature f : List.of(Feature.PASSWORD, Feature.LIVE_PASSWORD)) {
                if (k.supports(f)) {
                    used.add(f);
                }
            }
            if (used.isEmpty()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(kind.wireName(), () -> {
                String password = sample(k.limits(), "739164", "7391", "Qz7391");
                String livePassword = sample(k.limits(), "582046", "5820", "Lv5820");
                String changed = sample(k.limits(), "284617", "2846", "Rw2846");
                SessionDraft.Builder b = draft(kind);
                if (used.contains(Feature.PASSWORD)) {
                    b.password(password);
                }
                if (used.contains(Feature.LIVE_PASSWORD)) {
                    b.live(new LiveOptions(livePassword, null));
                }
                SessionDraft d = complete(kind, used, b).build();
                try (SecretWitness witness = new SecretWitness()) {
                    Session created = service.create(d);
                    witness.saw(created);
                    witness.saw(service.get(created.id()));
                    if (used.contains(Feature.PASSWORD) && k.supports(Operation.UPDATE)) {
                        witness.saw(service.update(created.id(), SessionUpdate.builder().password(changed).build()));
                    }
                    if (k.supports(Operation.LIST)) {
                        witness.saw(service.list(ListQuery.of(kind)));
                    }
                    assertThat(witness.requestTraces()).as("HTTP bodies were logged at TRACE").isPositive();
                    assertThat(witness.maskedHttpLines()).as("and some were masked").isPositive();
                    for (String p : List.of(password, livePassword, changed)) {
                        assertThat(witness.linesShowing(p)).as("lines showing a password").isEmpty();
                    }
                }
            }));
        }
        return tests.stream();
    }

    private static String sample(Limits limits, String... candidates) {
        for (String candidate : candidates) {
            if (limits.passwordMatches(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("none of " + List.of(candidates) + " matches the declared password rule " + limits.passwordRule());
    }

    private static String password(Limits limits) {
        for (String candidate : List.of("123456", "1234", "Abc123", "abc123")) {
            if (limits.passwordMatches(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("none of the contract's sample passwords matches the declared rule " + limits.passwordRule());
    }

    /**
     * Vendors spell recurrence differently and support different subsets; each of these rules must
     * either come back meaning the same occurrences, or be refused before anything is sent — never
     * silently changed.
     */
    @TestFactory
    Stream<DynamicTest> recurrenceRulesRoundTripOrAreRefusedBeforeIo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SessionKind kind : kindsWith(Operation.CREATE, Operation.GET)) {
            if (!capabilities().supports(kind, Feature.RECURRENCE)) {
                continue;
            }
            int n = Math.min(3, capabilities().of(kind).orElseThrow().limits().maxOccurrences());
            List<Recurrence> rules = List.of(
                    Recurrence.daily(1).times(n),
                    Recurrence.daily(2).times(n),
                    Recurrence.weekdays().times(n),
                    Recurrence.weekly(1, java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.WEDNESDAY).times(n),
                    Recurrence.weekly(2).times(n),
                    Recurrence.monthlyOnDay(1, 15).times(n),
                    Recurrence.monthlyOnWeekday(1, 2, java.time.DayOfWeek.TUESDAY).times(n),
                    Recurrence.monthlyOnWeekday(1, -1, java.time.DayOfWeek.FRIDAY).times(n),
                    Recurrence.weekly(1).until(ZonedDateTime.ofInstant(clock.instant(), ZONE).toLocalDate().plusWeeks(3)));
            for (Recurrence rule : rules) {
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " " + rule.toRRule(), () -> {
                    SessionDraft d = complete(kind, Set.of(Feature.RECURRENCE), draft(kind).recurrence(rule)).build();
                    int before = requestCount();
                    Session created;
                    try {
                        created = service.create(d);
                    } catch (InvalidSessionException refused) {
                        assertThat(requestCount()).as("a refused rule sends nothing").isEqualTo(before);
                        return;
                    }
                    Session s = service.get(created.id());
                    assertThat(s.recurrence()).as("recurrence").isNotNull();
                    assertThat(occurrences(s.recurrence(), s.start().atZone(d.timeZone())))
                            .isEqualTo(occurrences(rule, d.start().atZone(d.timeZone())));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> updateChangesWhatItSays() {
        return kindsWith(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session created = service.create(complete(kind, Set.of(), draft(kind)).build());
            Instant newStart = created.start().plus(Duration.ofDays(1));
            SessionUpdate change = SessionUpdate.builder().title(created.title() + " moved").start(newStart)
                    .duration(Duration.ofMinutes(90)).build();
            Session updated = service.update(created.id(), change);
            assertThat(updated.id()).isEqualTo(created.id());
            Session got = service.get(created.id());
            for (Session s : List.of(updated, got)) {
                assertThat(s.title()).isEqualTo(created.title() + " moved");
                assertThat(s.start()).isEqualTo(newStart);
                assertThat(s.duration()).isEqualTo(Duration.ofMinutes(90));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> listPagesThroughEverything() {
        return kindsWith(Operation.CREATE, Operation.LIST).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Set<SessionId> created = new HashSet<>();
            for (int i = 0; i < sessionsToPage(); i++) {
                created.add(service.create(complete(kind, Set.of(), draft(kind)).build()).id());
            }
            List<SessionId> listed = service.listAll(ListQuery.of(kind).withPageSize(2)).map(Session::id).toList();
            assertThat(listed).as("no session listed twice").doesNotHaveDuplicates();
            assertThat(listed).as("every created session is listed").containsAll(created);
            assertThat(listed).allSatisfy(id -> assertThat(id.kind()).isEqualTo(kind));
        }));
    }

    // ---- refusals before I/O --------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> invalidDraftsAreRefusedWithEveryViolationAndNothingSent() {
        return kindsWith(Operation.CREATE).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Limits limits = capabilities().of(kind).orElseThrow().limits();
            SessionDraft.Builder b = draft(kind).title(longest(limits.title(), "x") + "x")
                    .start(clock.instant().minusSeconds(60)).duration(limits.maxDuration().plusMinutes(1));
            List<String> expected = new ArrayList<>(List.of("title", "start", "duration"));
            if (capabilities().supports(kind, Feature.PASSWORD)) {
                b.password("no way, not a password!");
                expected.add("password");
            }
            int before = requestCount();
            assertThatThrownBy(() -> service.create(b.build()))
                    .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                            .containsAll(expected));
            assertThat(requestCount()).as("nothing was sent").isEqualTo(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> undeclaredFeaturesAreRefusedBeforeIo() {
        List<DynamicTest> tests = new ArrayList<>();
        Set<Feature> askable = EnumSet.noneOf(Feature.class);
        Stream.of(Feature.values()).filter(Feature::askable).forEach(askable::add);
        for (SessionKind kind : kindsWith(Operation.CREATE)) {
            Set<Feature> missing = EnumSet.copyOf(askable);
            missing.removeAll(capabilities().of(kind).orElseThrow().features());
            // Only an update can ask for it; NeutralBehaviourContract checks that refusal.
            missing.remove(Feature.RECURRENCE_REMOVAL);
            for (Feature feature : missing) {
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " without " + feature, () -> {
                    SessionDraft.Builder b = draft(kind);
                    switch (feature) {
                        case DESCRIPTION -> b.description("d");
                        case PASSWORD -> b.password("123456");
                        case REGISTRATION -> b.access(Access.REGISTRATION);
                        case HOSTS -> b.hosts(knownUsers().get(0));
                        case INVITEES -> b.invitees(knownUsers().get(1));
                        case RECURRENCE -> b.recurrence(Recurrence.daily(1).times(2));
                        case WAITING_ROOM -> b.media(MediaOptions.DEFAULTS.withWaitingRoom(true));
                        case MUTE_ON_ENTRY -> b.media(MediaOptions.DEFAULTS.withMuteOnEntry(true));
                        case JOIN_BEFORE_HOST -> b.media(MediaOptions.DEFAULTS.withJoinBeforeHost(true));
                        case AUTO_RECORDING -> b.media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.CLOUD));
                        case LIVE_PASSWORD -> b.live(new LiveOptions("123456", null));
                        case LIVE_REPLAY -> b.live(new LiveOptions(null, true));
                        default -> throw new AssertionError(feature);
                    }
                    int before = requestCount();
                    assertThatThrownBy(() -> service.create(b.build())).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                            e -> assertThat(e.feature()).contains(feature.name()));
                    assertThat(requestCount()).isEqualTo(before);
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> undeclaredKindsAndOperationsAreRefusedBeforeIo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SessionKind kind : SessionKind.values()) {
            SessionId id = SessionId.of(providerId(), kind, unknownNativeId(kind));
            if (!capabilities().supports(kind)) {
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " is not offered", () -> {
                    int before = requestCount();
                    assertThatThrownBy(() -> service.create(draft(kind).build())).isInstanceOf(UnsupportedFeatureException.class);
                    assertThatThrownBy(() -> service.get(id)).isInstanceOf(UnsupportedFeatureException.class);
                    assertThat(requestCount()).isEqualTo(before);
                }));
                continue;
            }
            for (Operation op : EnumSet.complementOf(EnumSet.copyOf(capabilities().of(kind).orElseThrow().operations()))) {
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " without " + op, () -> {
                    int before = requestCount();
                    Throwable t = catchThrowable(() -> {
                        switch (op) {
                            case CREATE -> service.create(draft(kind).build());
                            case GET -> service.get(id);
                            case UPDATE -> service.update(id, SessionUpdate.builder().title("x").build());
                            case CANCEL -> service.cancel(id);
                            case LIST -> service.list(ListQuery.of(kind));
                        }
                    });
                    assertThat(t).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).contains(op.name()));
                    assertThat(requestCount()).isEqualTo(before);
                }));
            }
        }
        return tests.stream();
    }

    // ---- vendor errors ---------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> anUnknownSessionIsNotFound() {
        return kindsWith(Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () ->
                assertThatThrownBy(() -> service.get(SessionId.of(providerId(), kind, unknownNativeId(kind))))
                        .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
                            assertThat(e.provider()).isEqualTo(providerId());
                            assertThat(e.vendorCode()).as("the vendor's code is kept").isNotEmpty();
                        })));
    }

    @Test
    void badCredentialsAreAnAuthenticationErrorAndCreateNothing() {
        SessionKind kind = kindsWith(Operation.CREATE).get(0);
        int before = simulator.sessions().size();
        try (SessionService bad = open(simulator.propertiesWithBadCredentials())) {
            assertThatThrownBy(() -> bad.create(complete(kind, Set.of(), draft(kind)).build()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.provider()).isEqualTo(providerId());
                        assertThat(e.credentialKeys()).as("the keys to check").isNotEmpty();
                    });
        }
        assertThat(simulator.sessions()).hasSize(before);
    }

    @Test
    void credentialsAreCheckedWithoutCreatingOrChangingAnything() {
        int sessions = simulator.sessions().size();
        int before = requestCount();
        service.checkCredentials();
        service.checkCredentialsAsync().join();
        try (SessionService bad = open(simulator.propertiesWithBadCredentials())) {
            Set<String> secrets = new HashSet<>(SecretWitness.secretsOf(simulator, simulator.properties()));
            secrets.addAll(SecretWitness.secretsOf(simulator, simulator.propertiesWithBadCredentials()));
            for (Throwable refused : List.of(catchThrowable(bad::checkCredentials), catchThrowable(() -> bad.checkCredentialsAsync().join()).getCause())) {
                assertThat(refused).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.provider()).isEqualTo(providerId());
                    assertThat(e.credentialKeys()).isNotEmpty().allSatisfy(k -> assertThat(k).startsWith("convene." + providerId() + "."));
                    assertThat(e.getMessage()).as("names the keys to check").contains("(check convene." + providerId() + ".");
                    assertThat(secrets).as("no credential in the message").noneMatch(secret -> e.getMessage().contains(secret));
                });
            }
        }
        assertThat(simulator.sessions()).as("nothing created").hasSize(sessions);
        assertThat(simulator.requests().subList(before, requestCount())).as("only token requests and reads").isNotEmpty()
                .allSatisfy(r -> assertThat(r.operation()).isIn(dev.convene.simulator.Operation.TOKEN,
                        dev.convene.simulator.Operation.GET, dev.convene.simulator.Operation.LIST));
    }

    @Test
    void aRevokedTokenIsReplacedOnceAndTheCallSucceeds() {
        SessionKind kind = kindsWith(Operation.CREATE, Operation.GET).get(0);
        Session s = service.create(complete(kind, Set.of(), draft(kind)).build());
        int tokensBefore = simulator.requests(dev.convene.simulator.Operation.TOKEN).size();
        simulator.revokeTokens();
        assertThat(service.get(s.id()).id()).isEqualTo(s.id());
        int fetched = simulator.requests(dev.convene.simulator.Operation.TOKEN).size() - tokensBefore;
        assertThat(fetched).as("token requests after a revocation (0 for vendors without tokens)").isLessThanOrEqualTo(1);
        if (tokensBefore > 0) {
            assertThat(fetched).isEqualTo(1);
        }
    }
}
