package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.Capabilities;
import dev.convene.Convene;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.JoinInfo;
import dev.convene.KindCapabilities;
import dev.convene.LiveOptions;
import dev.convene.Limits;
import dev.convene.ListQuery;
import dev.convene.MediaOptions;
import dev.convene.Operation;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionEvent;
import dev.convene.SessionListener;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.TextLimit;
import dev.convene.UnsupportedFeatureException;
import dev.convene.Violation;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.StoredSession;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>{@code create} and {@code update} return the session as a {@code get} right after returns it, every part of
 *       it, for a draft using every feature the kind declares; when the read that completes a write's answer fails,
 *       the write still succeeds once, and the parts it could not confirm are named in {@link Session#missing()}.</li>
 *   <li>The organizer is the one Convene sent, or the one the vendor names; a {@code get} names it where the kind
 *       declares {@link Feature#REPORTS_ORGANIZER}.</li>
 *   <li>A recurring session starts on a day its rule contains: a draft or an update that would start a series
 *       elsewhere is refused naming {@code start}, before anything is sent, unless the update gives the new rule;
 *       {@link SessionUpdate.Builder#removeRecurrence()} makes a series a one-off session where the kind declares
 *       {@link Feature#RECURRENCE_REMOVAL}, and is an {@link UnsupportedFeatureException} before anything is sent elsewhere.</li>
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

    // ---- what create and update return -----------------------------------------------------------

    private KindCapabilities kindCapabilities(SessionKind kind) {
        return capabilities().of(kind).orElseThrow();
    }

    private static String samplePassword(Limits limits) {
        for (String candidate : List.of("123456", "1234", "Abc123", "abc123")) {
            if (limits.passwordMatches(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("none of the contract's sample passwords matches the declared rule " + limits.passwordRule());
    }

    /**
     * Users the vendor knows, for the drafts that use every feature: the first a host, the next two invitees. None
     * by default, and hosts and invitees then stay out of those drafts.
     */
    protected List<String> knownUsers() {
        return List.of();
    }

    /**
     * A draft using every askable feature {@code kind} declares (hosts and invitees when {@link #knownUsers()} names
     * them): a Chinese title, a weekly rule on the start's day.
     */
    protected SessionDraft.Builder everything(SessionKind kind) {
        KindCapabilities k = kindCapabilities(kind);
        SessionDraft.Builder b = draft(kind);
        SessionDraft plain = b.build();
        b.title("周会 " + plain.title());
        List<String> users = knownUsers();
        if (k.supports(Feature.HOSTS) && !users.isEmpty()) b.hosts(users.get(0));
        if (k.supports(Feature.INVITEES) && users.size() >= 3) b.invitees(users.get(1), users.get(2));
        if (k.supports(Feature.DESCRIPTION)) b.description("议程：中立行为");
        if (k.supports(Feature.PASSWORD)) b.password(samplePassword(k.limits()));
        if (k.supports(Feature.RECURRENCE)) {
            b.recurrence(Recurrence.weekly(1, plain.start().atZone(ZONE).getDayOfWeek()).times(Math.min(3, k.limits().maxOccurrences())));
        }
        MediaOptions media = MediaOptions.DEFAULTS;
        if (k.supports(Feature.WAITING_ROOM)) media = media.withWaitingRoom(true);
        if (k.supports(Feature.MUTE_ON_ENTRY)) media = media.withMuteOnEntry(true);
        if (k.supports(Feature.AUTO_RECORDING)) media = media.withAutoRecording(MediaOptions.Recording.CLOUD);
        b.media(media);
        String livePassword = k.supports(Feature.LIVE_PASSWORD) ? samplePassword(k.limits()) : null;
        Boolean replay = k.supports(Feature.LIVE_REPLAY) && k.supports(Feature.AUTO_RECORDING) ? Boolean.TRUE : null;
        if (livePassword != null || replay != null) b.live(new LiveOptions(livePassword, replay));
        return b;
    }

    /** What a get names as organizer: the vendor's word where the kind reports it, else nothing. */
    private void sameButOrganizer(Session written, Session got, SessionKind kind, String what) {
        assertThat(written.missing()).as(what + " is complete").isEmpty();
        Session compared = written;
        if (!capabilities().supports(kind, Feature.REPORTS_ORGANIZER)) {
            assertThat(got.organizer()).as("the get of a kind without REPORTS_ORGANIZER names no organizer").isNull();
            compared = written.toBuilder().organizer(null).build();
        }
        assertThat(compared).as(what + " equals the get right after it, every part (but the organizer Convene sent where a get names none)")
                .usingRecursiveComparison().isEqualTo(got);
        assertThat(compared).isEqualTo(got);
    }

    @TestFactory
    Stream<DynamicTest> createReturnsWhatAGetRightAfterItReturns() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session created = service.create(everything(kind).build());
            sameButOrganizer(created, service.get(created.id()), kind, "create's answer");
        }));
    }

    @TestFactory
    Stream<DynamicTest> updateReturnsWhatAGetRightAfterItReturns() {
        return kindsWith(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            KindCapabilities k = kindCapabilities(kind);
            Session created = service.create(everything(kind).build());
            // A week later keeps a weekly series on its day; the title, length and description change too.
            SessionUpdate.Builder change = SessionUpdate.builder().title("改期 " + created.title().substring(0, 2))
                    .start(created.start().plus(Duration.ofDays(7))).duration(Duration.ofMinutes(45));
            if (k.supports(Feature.DESCRIPTION)) change.description("新议程");
            Session updated = service.update(created.id(), change.build());
            Session got = service.get(created.id());
            assertThat(got.start()).isEqualTo(created.start().plus(Duration.ofDays(7)));
            sameButOrganizer(updated, got, kind, "update's answer");
        }));
    }

    @TestFactory
    Stream<DynamicTest> aFailedReadAfterACreateStillReturnsTheSessionNamingWhatIsMissing() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionDraft d = everything(kind).build();
            int sessions = simulator.sessions().size();
            int creates = simulator.requests(dev.convene.simulator.Operation.CREATE).size();
            int gets = simulator.requests(dev.convene.simulator.Operation.GET).size();
            // Every attempt of the one read after the create fails; nothing else is failed.
            simulator.faults().inject(FaultKind.SERVER_ERROR, retryPolicy().maxAttempts(), dev.convene.simulator.Operation.GET);
            Session created;
            try {
                created = service.create(d);
            } finally {
                simulator.faults().clear();
            }
            assertThat(simulator.requests(dev.convene.simulator.Operation.CREATE)).as("one create was sent, never again").hasSize(creates + 1);
            assertThat(simulator.sessions()).as("exactly one session was made").hasSize(sessions + 1);
            assertThat(created.title()).isEqualTo(d.title());
            assertThat(created.start()).isEqualTo(d.start());
            assertThat(created.duration()).isEqualTo(d.duration());
            int read = simulator.requests(dev.convene.simulator.Operation.GET).size() - gets;
            Session got = service.get(created.id());
            if (created.missing().isEmpty()) {
                assertThat(read).as("a complete answer is not read back").isZero();
                sameButOrganizer(created, got, kind, "create's complete answer");
            } else {
                assertThat(read).as("the parts missing were read for, as a get is tried").isEqualTo(retryPolicy().maxAttempts());
                agreesButForMissing(created, got, kind, "create's answer");
            }
        }));
    }

    /**
     * A read the vendor cannot answer never makes an update report failure after its change was written: either the
     * update fails and the vendor holds the session unchanged (nothing written), or it succeeds.
     */
    @TestFactory
    Stream<DynamicTest> anUpdateThatCannotReadFailsWithoutWritingOrSucceeds() {
        return kindsWith(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = service.create(draft(kind).build());
            String renamed = "改 " + s.title();
            int updates = simulator.requests(dev.convene.simulator.Operation.UPDATE).size();
            simulator.faults().inject(FaultKind.SERVER_ERROR, retryPolicy().maxAttempts(), dev.convene.simulator.Operation.GET);
            Session[] updated = new Session[1];
            Throwable failure;
            try {
                failure = catchThrowable(() -> updated[0] = service.update(s.id(), SessionUpdate.builder().title(renamed).build()));
            } finally {
                simulator.faults().clear();
            }
            String held = stored(s.id()).title();
            if (failure != null) {
                assertThat(held).as("an update that failed (" + failure + ") changed nothing at the vendor").isEqualTo(s.title());
                assertThat(simulator.requests(dev.convene.simulator.Operation.UPDATE)).as("no update was sent").hasSize(updates);
            } else {
                assertThat(held).isEqualTo(renamed);
                assertThat(updated[0].title()).isEqualTo(renamed);
            }
        }));
    }

    /** The read after an update fails: the update is still a success, its unconfirmed parts named. */
    @TestFactory
    Stream<DynamicTest> aFailedReadAfterAnUpdateStillReturnsTheUpdatedSession() {
        return kindsWith(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Map<String, String> properties = new HashMap<>(simulator.properties());
            properties.putAll(extraProperties());
            // Once the vendor took the update, every attempt of the read after it fails.
            SessionListener failReads = new SessionListener() {
                @Override
                public void onSuccess(SessionEvent event) {
                    if (event.operation() == Operation.UPDATE) {
                        simulator.faults().inject(FaultKind.SERVER_ERROR, retryPolicy().maxAttempts(), dev.convene.simulator.Operation.GET);
                    }
                }
            };
            try (SessionService failing = Convene.builder().properties(properties).environment(Map.of()).systemProperties(false)
                    .clock(clientClock).retryPolicy(retryPolicy()).listener(failReads).build()) {
                Session s = failing.create(draft(kind).build());
                String renamed = "改 " + s.title();
                int updates = simulator.requests(dev.convene.simulator.Operation.UPDATE).size();
                Session updated;
                try {
                    updated = failing.update(s.id(), SessionUpdate.builder().title(renamed).build());
                } finally {
                    simulator.faults().clear();
                }
                assertThat(simulator.requests(dev.convene.simulator.Operation.UPDATE)).as("one update, never sent again").hasSize(updates + 1);
                assertThat(stored(s.id()).title()).isEqualTo(renamed);
                assertThat(updated.title()).isEqualTo(renamed);
                assertThat(updated.start()).isEqualTo(s.start());
                Session got = failing.get(s.id());
                if (updated.missing().isEmpty()) {
                    sameButOrganizer(updated, got, kind, "update's complete answer");
                } else {
                    agreesButForMissing(updated, got, kind, "update's answer");
                }
            }
        }));
    }

    /** What a write's answer did hold agrees with a later get; only the parts it names missing may differ. */
    private void agreesButForMissing(Session written, Session got, SessionKind kind, String what) {
        assertThat(got.missing()).isEmpty();
        Session.Builder filled = written.toBuilder().missing(null);
        for (Session.Part part : written.missing()) {
            copy(part, got, filled);
        }
        if (!capabilities().supports(kind, Feature.REPORTS_ORGANIZER)) {
            filled.organizer(null);
        }
        assertThat(filled.build()).as(what + ", its missing parts " + written.missing() + " taken from a later get")
                .usingRecursiveComparison().isEqualTo(got);
    }

    private static void copy(Session.Part part, Session from, Session.Builder to) {
        switch (part) {
            case DESCRIPTION -> to.description(from.description());
            case ORGANIZER -> to.organizer(from.organizer());
            case HOSTS -> to.hosts(from.hosts());
            case INVITEES -> to.invitees(from.invitees());
            case ACCESS -> to.access(from.access()).password(from.password());
            case MEDIA -> to.media(from.media());
            case LIVE -> to.live(from.live());
            case RECURRENCE -> to.recurrence(from.recurrence());
            case TIME_ZONE -> to.timeZone(from.timeZone());
            case STATUS -> to.status(from.status());
            case JOIN -> to.join(from.join());
            case OCCURRENCES -> to.occurrences(from.occurrences());
        }
    }

    @TestFactory
    Stream<DynamicTest> theOrganizerIsTheOneSentOrTheOneTheVendorNames() {
        return kindsWith(Operation.CREATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session created = service.create(draft(kind).build());
            assertThat(created.organizer()).as("create names the organizer Convene sent or the vendor named").isNotBlank();
            Session got = service.get(created.id());
            if (capabilities().supports(kind, Feature.REPORTS_ORGANIZER)) {
                assertThat(got.organizer()).as(kind + " declares REPORTS_ORGANIZER").isEqualTo(created.organizer());
            } else {
                assertThat(got.organizer()).as(kind + " does not declare REPORTS_ORGANIZER: the vendor names none").isNull();
            }
        }));
    }

    // ---- recurrence edits ------------------------------------------------------------------------

    private List<SessionKind> recurringKinds(Operation... operations) {
        return kindsWith(operations).stream().filter(k -> capabilities().supports(k, Feature.RECURRENCE)).toList();
    }

    /** A weekly series on the start's own weekday, three meetings long. */
    private Session series(SessionKind kind) {
        SessionDraft.Builder b = draft(kind);
        Instant start = b.build().start();
        return service.create(b.recurrence(Recurrence.weekly(1, start.atZone(ZONE).getDayOfWeek()).times(3)).build());
    }

    @TestFactory
    Stream<DynamicTest> aSeriesStartsOnADayItsRuleContains() {
        return recurringKinds(Operation.CREATE).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            SessionDraft.Builder b = draft(kind);
            Instant start = b.build().start();
            SessionDraft offRule = b.recurrence(Recurrence.weekly(1, start.atZone(ZONE).plusDays(1).getDayOfWeek()).times(3)).build();
            int before = simulator.requests().size();
            assertThat(service.validate(offRule)).extracting(Violation::field).as("validate").contains("start");
            assertThatThrownBy(() -> service.create(offRule)).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo("start");
                        assertThat(v.rule()).contains(offRule.recurrence().toRRule());
                    }));
            assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> movingASeriesOffItsRuleNeedsTheNewRule() {
        return recurringKinds(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = series(kind);
            Instant nextDay = s.start().plus(Duration.ofDays(1));
            int updates = simulator.requests(dev.convene.simulator.Operation.UPDATE).size();
            assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().start(nextDay).build()))
                    .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo("start");
                        assertThat(v.rule()).contains("FREQ=WEEKLY").contains("give the new recurrence");
                    }));
            assertThatThrownBy(() -> service.updateAsync(s.id(), SessionUpdate.builder().start(nextDay).build()).join())
                    .hasCauseInstanceOf(InvalidSessionException.class);
            assertThat(simulator.requests(dev.convene.simulator.Operation.UPDATE)).as("no update was sent").hasSize(updates);
            assertThat(service.get(s.id()).start()).isEqualTo(s.start());

            Recurrence moved = Recurrence.weekly(1, nextDay.atZone(ZONE).getDayOfWeek()).times(3);
            Session updated = service.update(s.id(), SessionUpdate.builder().start(nextDay).recurrence(moved).build());
            Session got = service.get(s.id());
            assertThat(updated).isEqualTo(got.organizer() == null ? got.toBuilder().organizer(updated.organizer()).build() : got);
            assertThat(got.start()).isEqualTo(nextDay);
            assertThat(got.recurrence().occurrences(got.start().atZone(ZONE)).limit(3).map(z -> z.getDayOfWeek()).distinct().toList())
                    .containsExactly(nextDay.atZone(ZONE).getDayOfWeek());
        }));
    }

    @TestFactory
    Stream<DynamicTest> removingARecurrenceMakesAOneOffSessionWhereDeclared() {
        return recurringKinds(Operation.CREATE, Operation.UPDATE, Operation.GET).stream().map(kind -> DynamicTest.dynamicTest(kind.wireName(), () -> {
            Session s = series(kind);
            SessionUpdate remove = SessionUpdate.builder().removeRecurrence().build();
            if (capabilities().supports(kind, Feature.RECURRENCE_REMOVAL)) {
                Session updated = service.update(s.id(), remove);
                Session got = service.get(s.id());
                assertThat(got.recurrence()).as("the series is a one-off session now").isNull();
                assertThat(got.occurrences()).isEmpty();
                assertThat(got.start()).as("at the series' first start").isEqualTo(s.start());
                assertThat(updated.recurrence()).isNull();
                assertThat(updated.start()).isEqualTo(s.start());
                // and a one-off session can become a series again
                Session again = service.update(s.id(), SessionUpdate.builder().recurrence(s.recurrence()).build());
                assertThat(service.get(s.id()).recurrence()).isNotNull();
                assertThat(again.recurrence()).isNotNull();
            } else {
                int before = simulator.requests().size();
                assertThatThrownBy(() -> service.update(s.id(), remove)).isInstanceOfSatisfying(UnsupportedFeatureException.class,
                        e -> assertThat(e.feature()).contains("RECURRENCE_REMOVAL"));
                assertThat(simulator.requests()).as("nothing was sent").hasSize(before);
                assertThat(service.get(s.id()).recurrence()).isNotNull();
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
