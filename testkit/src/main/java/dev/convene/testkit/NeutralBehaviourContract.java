package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.Capabilities;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.JoinInfo;
import dev.convene.Limits;
import dev.convene.ListQuery;
import dev.convene.Operation;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.TextLimit;
import dev.convene.UnsupportedFeatureException;
import dev.convene.Violation;
import dev.convene.simulator.StoredSession;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Neutral behaviour: the same program gets the same outcome on every provider, and where a vendor cannot
 * do what the neutral rule asks, {@link Capabilities} says so. Every provider's test module (and a
 * third-party plugin's) extends this class next to {@link SessionProviderContract}:
 *
 * <pre>{@code
 * class ZoomNeutralBehaviourTest extends NeutralBehaviourContract {
 *     protected String providerId() { return "zoom"; }
 * }
 * }</pre>
 *
 * Each rule is checked against the vendor's simulator, capability claims included: a provider that declares
 * {@link Feature#KEEPS_CANCELLED} while its vendor deletes cancelled sessions fails, and so does one that
 * keeps quiet about a vendor that keeps them.
 *
 * <ul>
 *   <li>Cancel is idempotent where the vendor keeps cancelled sessions; where it deletes them, a second
 *       cancel and a get raise {@link SessionNotFoundException} saying the session may have been cancelled.</li>
 *   <li>Lists leave cancelled sessions out unless asked; asking for them needs {@link Feature#LISTS_CANCELLED},
 *       else {@link UnsupportedFeatureException} before anything is sent.</li>
 *   <li>{@link Limits} are true in characters and in UTF-8 bytes: the longest title (and description) of Latin
 *       letters and of Chinese characters the declared {@link TextLimit} allows is accepted by the vendor and read
 *       back unchanged, one more is refused before anything is sent; every broken rule is reported in one pass,
 *       and {@link SessionService#validate} reports the same without sending anything.</li>
 *   <li>A start with only an offset ({@code 2030-01-07T10:00+08:00}) and a start in a region zone both work, at
 *       the exact instant; a session reports the zone its vendor keeps it in, the same from create as from get,
 *       and a provider declaring {@link Feature#TIME_ZONE} keeps the region.</li>
 *   <li>{@code joinUrl} is the link an attendee opens: the same from create as from get, never the host's or a
 *       panelist's link, and for a webinar the audience's.</li>
 *   <li>A closed service refuses every call, blocking and async, with {@link IllegalStateException}, and sends nothing.</li>
 * </ul>
 */
public abstract class NeutralBehaviourContract extends ProviderFixture {

    protected Capabilities capabilities() {
        return service.capabilities();
    }

    protected List<SessionKind> kindsWith(Operation... operations) {
        return capabilities().supportedKinds().stream().sorted()
                .filter(k -> Stream.of(operations).allMatch(o -> capabilities().supports(k, o))).toList();
    }

    private boolean keepsCancelled(SessionKind kind) {
        return capabilities().supports(kind, Feature.KEEPS_CANCELLED);
    }

    /** A new session of {@code kind} from a plain draft, already cancelled. */
    private Session cancelled(SessionKind kind) {
        Session s = service.create(draft(kind).build());
        service.cancel(s.id());
        assertThat(stored(s.id()).cancelled()).as("the vendor holds " + s.id() + " as cancelled").isTrue();
        return s;
    }

    private StoredSession stored(SessionId id) {
        return simulator.sessions().stream().filter(s -> s.nativeId().equals(id.nativeId())).findFirst()
                .orElseThrow(() -> new AssertionError("the simulator holds no session " + id.nativeId()));
    }

    private static void mayHaveBeenCancelled(Throwable t, SessionId id) {
        assertThat(t).as("reading or cancelling cancelled " + id + " where the vendor deletes what it cancels")
                .isInstanceOfSatisfying(SessionNotFoundException.class, e -> assertThat(e.mayHaveBeenCancelled()).isTrue())
                .hasMessageContaining("may have been cancelled");
    }

    // ---- cancel ----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> cancellingTwiceSucceedsWhereTheVendorKeepsCancelledSessions() {
        return kindsWith(Operation.CREATE, Operation.CANCEL).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = cancelled(kind);
            Throwable again = catchThrowable(() -> service.cancel(s.id()));
            if (keepsCancelled(kind)) {
                assertThat(again).as("a second cancel of " + s.id() + " (KEEPS_CANCELLED: cancel is idempotent)").isNull();
            } else {
                mayHaveBeenCancelled(again, s.id());
            }
            assertThat(stored(s.id()).cancelled()).isTrue();
        }));
    }

    @TestFactory
    Stream<DynamicTest> aCancelledSessionReadsAsCancelledOrIsGoneAsDeclared() {
        return kindsWith(Operation.CREATE, Operation.CANCEL, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = cancelled(kind);
            Session[] got = new Session[1];
            Throwable t = catchThrowable(() -> got[0] = service.get(s.id()));
            if (keepsCancelled(kind)) {
                assertThat(t).as("get of cancelled " + s.id() + " where the provider declares KEEPS_CANCELLED").isNull();
                assertThat(got[0].status()).isEqualTo(SessionStatus.CANCELLED);
            } else {
                assertThat(t).as("the vendor still answers for cancelled " + s.id() + ": declare KEEPS_CANCELLED").isNotNull();
                mayHaveBeenCancelled(t, s.id());
            }
        }));
    }

    // ---- lists -----------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> listsLeaveCancelledSessionsOutUnlessAsked() {
        return kindsWith(Operation.CREATE, Operation.CANCEL, Operation.LIST).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionId kept = service.create(draft(kind).build()).id();
            SessionId gone = cancelled(kind).id();
            ListQuery query = ListQuery.of(kind);
            List<Session> listed = service.listAll(query).toList();
            assertThat(listed).extracting(Session::id).as("listed by default").contains(kept).doesNotContain(gone);
            assertThat(listed).extracting(Session::status).doesNotContain(SessionStatus.CANCELLED);
            if (capabilities().supports(kind, Feature.LISTS_CANCELLED)) {
                assertThat(service.listAll(query.includingCancelled()).map(Session::id)).as("listed including cancelled").contains(kept, gone);
                List<Session> onlyCancelled = service.listAll(query.withStatus(SessionStatus.CANCELLED)).toList();
                assertThat(onlyCancelled).extracting(Session::id).as("listed cancelled only").contains(gone).doesNotContain(kept);
                assertThat(onlyCancelled).extracting(Session::status).containsOnly(SessionStatus.CANCELLED);
            } else {
                int before = simulator.requests().size();
                for (ListQuery cancelledToo : List.of(query.includingCancelled(), query.withStatus(SessionStatus.CANCELLED))) {
                    assertThatThrownBy(() -> service.listAll(cancelledToo).toList()).as(kind + " lists without LISTS_CANCELLED")
                            .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).contains("LISTS_CANCELLED"));
                }
                assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
            }
        }));
    }

    // ---- limits and validation -------------------------------------------------------------------

    /** Latin letters count one byte in UTF-8, Chinese characters three: each binds a different limit. */
    private static final List<String> UNITS = List.of("T", "会");

    private Limits limits(SessionKind kind) {
        return capabilities().of(kind).orElseThrow().limits();
    }

    @TestFactory
    Stream<DynamicTest> textLimitsAreTrueInCharactersAndBytes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (SessionKind kind : kindsWith(Operation.CREATE, Operation.GET)) {
            for (String unit : UNITS) {
                tests.add(DynamicTest.dynamicTest(kind.wireName() + " title of " + unit, () -> {
                    String title = longest(limits(kind).title(), unit);
                    Session s = service.create(draft(kind).title(title).build());
                    assertThat(service.get(s.id()).title()).as("the longest title the declared limit allows, read back").isEqualTo(title);
                    refusedBeforeIo(draft(kind).title(title + unit).build(), "title");
                }));
                if (capabilities().supports(kind, Feature.DESCRIPTION)) {
                    tests.add(DynamicTest.dynamicTest(kind.wireName() + " description of " + unit, () -> {
                        String description = longest(limits(kind).description(), unit);
                        Session s = service.create(draft(kind).description(description).build());
                        assertThat(service.get(s.id()).description()).as("the longest description the declared limit allows, read back")
                                .isEqualTo(description);
                        refusedBeforeIo(draft(kind).description(description + unit).build(), "description");
                    }));
                }
            }
        }
        return tests.stream();
    }

    private void refusedBeforeIo(SessionDraft draft, String field) {
        int before = simulator.requests().size();
        assertThat(service.validate(draft)).extracting(Violation::field).as("validate").contains(field);
        assertThatThrownBy(() -> service.create(draft)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains(field));
        assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
    }

    /**
     * A text that breaks every rule of {@code limit} at once: too many characters and too many bytes. With
     * {@code either}, both must be broken for the text to be refused at all.
     */
    private static String breaksEveryRule(TextLimit limit) {
        return longest(limit, "会") + "会".repeat(limit.maxCharacters() == Limits.UNLIMITED ? 1 : limit.maxCharacters() + 1);
    }

    /** How many violations a text that breaks every rule of {@code limit} earns: one per limit, one for an either-or rule. */
    private static int rules(TextLimit limit) {
        return limit.eitherSuffices() ? 1 : (limit.maxCharacters() == Limits.UNLIMITED ? 0 : 1) + (limit.maxBytes() == Limits.UNLIMITED ? 0 : 1);
    }

    @TestFactory
    Stream<DynamicTest> everyBrokenRuleIsReportedInOnePassAndValidateSendsNothing() {
        return kindsWith(Operation.CREATE).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Limits limits = limits(kind);
            SessionDraft.Builder b = draft(kind).title(breaksEveryRule(limits.title()))
                    .start(clock.instant().minusSeconds(60)).duration(limits.maxDuration().plusMinutes(1));
            List<String> fields = new ArrayList<>(List.of("start", "duration"));
            if (capabilities().supports(kind, Feature.DESCRIPTION)) {
                b.description(breaksEveryRule(limits.description()));
            }
            SessionDraft bad = b.build();
            int before = simulator.requests().size();
            List<Violation> found = service.validate(bad);
            assertThat(found).extracting(Violation::field).containsAll(fields);
            assertThat(found).filteredOn(v -> v.field().equals("title")).as("every rule of " + limits.title() + " the title breaks")
                    .hasSize(rules(limits.title()));
            if (bad.description() != null) {
                assertThat(found).filteredOn(v -> v.field().equals("description")).as("every rule of " + limits.description())
                        .hasSize(rules(limits.description()));
            }
            assertThatThrownBy(() -> service.create(bad)).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).as("create refuses with what validate found").containsExactlyInAnyOrderElementsOf(found));
            assertThat(service.validate(draft(kind).build())).as("a plain draft is valid").isEmpty();
            assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> validateAnUpdateReportsEveryBrokenRuleAndSendsNothing() {
        return kindsWith(Operation.CREATE, Operation.UPDATE).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Limits limits = limits(kind);
            Session s = service.create(draft(kind).build());
            SessionUpdate bad = SessionUpdate.builder().title(breaksEveryRule(limits.title())).start(clock.instant().minusSeconds(60)).build();
            int before = simulator.requests().size();
            List<Violation> found = service.validate(s.id(), bad);
            assertThat(found).extracting(Violation::field).contains("start");
            assertThat(found).filteredOn(v -> v.field().equals("title")).hasSize(rules(limits.title()));
            assertThatThrownBy(() -> service.update(s.id(), bad)).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).containsExactlyInAnyOrderElementsOf(found));
            assertThat(service.validate(s.id(), SessionUpdate.builder().title(longest(limits.title(), "会")).build()))
                    .as("the longest Chinese title is a valid update").isEmpty();
            assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
        }));
    }

    // ---- times -----------------------------------------------------------------------------------

    /** The draft's start, two days ahead at 10:00, with only the offset +08:00: the contract's own example. */
    private SessionDraft.Builder offsetOnly(SessionKind kind) {
        SessionDraft.Builder b = draft(kind);
        Instant at = b.build().start();
        return b.start(at.atOffset(ZoneOffset.ofHours(8)).toZonedDateTime());
    }

    @TestFactory
    Stream<DynamicTest> aStartWithOnlyAnOffsetWorks() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionDraft draft = offsetOnly(kind).build();
            assertThat(draft.timeZone()).isInstanceOf(ZoneOffset.class);
            Session created = service.create(draft);
            Session got = service.get(created.id());
            assertThat(created.start()).as("the instant asked for").isEqualTo(draft.start());
            assertThat(got.start()).isEqualTo(draft.start());
            assertThat(created.timeZone()).as("create reports the zone a get reports").isEqualTo(got.timeZone());
        }));
    }

    @TestFactory
    Stream<DynamicTest> aStartInARegionZoneWorks() {
        ZoneId newYork = ZoneId.of("America/New_York");
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionDraft.Builder b = draft(kind);
            SessionDraft draft = b.start(b.build().start().atZone(newYork)).build();
            Session created = service.create(draft);
            Session got = service.get(created.id());
            assertThat(got.start()).isEqualTo(draft.start());
            assertThat(created.timeZone()).as("create reports the zone a get reports").isEqualTo(got.timeZone());
            if (capabilities().supports(kind, Feature.TIME_ZONE)) {
                assertThat(got.timeZone()).as(kind + " declares TIME_ZONE").isEqualTo(newYork);
            }
        }));
    }

    // ---- join links ------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> joinUrlIsTheAttendeesLink() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session created = service.create(draft(kind).build());
            JoinInfo join = service.get(created.id()).join();
            if (created.join().joinUrl() != null) {
                assertThat(join.joinUrl()).as("joinUrl from create and from get").isEqualTo(created.join().joinUrl());
            }
            if (join.joinUrl() != null) {
                assertThat(join.joinUrl()).as("an attendee's link, not the host's").isNotEqualTo(join.hostUrl());
                assertThat(join.joinUrl()).as("an attendee's link, not a panelist's").isNotEqualTo(join.panelistUrl());
            }
            if (kind == SessionKind.WEBINAR && join.audienceUrl() != null) {
                assertThat(join.joinUrl()).as("a webinar's attendees are its audience").isEqualTo(join.audienceUrl());
            }
        }));
    }

    // ---- closing ---------------------------------------------------------------------------------

    /** Proven with the simulator's record of requests: after {@code close()}, every call throws at once and nothing reaches the vendor. */
    @Test
    void aClosedServiceRefusesEveryCallAndSendsNothing() {
        SessionKind kind = kindsWith(Operation.CREATE).get(0);
        SessionService closed = open(simulator.properties());
        SessionDraft d = draft(kind).build();
        SessionId id = closed.create(d).id();
        Stream<Session> openedBefore = closed.listAll(ListQuery.of(kind));
        closed.close();
        closed.close();
        int before = simulator.requests().size();
        ListQuery query = ListQuery.of(kind);
        List<ThrowingCallable> calls = List.of(
                () -> closed.create(d), () -> closed.get(id), () -> closed.update(id, SessionUpdate.builder().title("t").build()),
                () -> closed.cancel(id), () -> closed.list(query), () -> closed.listAll(query), () -> closed.findCreated(d),
                closed::checkCredentials, () -> closed.validate(d), () -> closed.validate(id, SessionUpdate.builder().title("t").build()),
                () -> closed.createAsync(d), () -> closed.getAsync(id), () -> closed.updateAsync(id, SessionUpdate.builder().title("t").build()),
                () -> closed.cancelAsync(id), () -> closed.listAsync(query), () -> closed.listAllAsync(query), () -> closed.findCreatedAsync(d),
                closed::checkCredentialsAsync, () -> openedBefore.iterator().hasNext());
        for (var call : calls) {
            assertThatThrownBy(call).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }
        assertThat(simulator.requests().size()).as("requests after close()").isEqualTo(before);
        assertThat(closed.provider()).isEqualTo(providerId());
    }
}
