package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.AlreadyCancelledException;
import dev.convene.ConflictException;
import dev.convene.InvalidSessionException;
import dev.convene.ListQuery;
import dev.convene.RateLimitedException;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorUnavailableException;
import dev.convene.Violation;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.spi.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the WeCom simulator: retries, outcome-unknown creates, refusals told apart, updates, listing. */
class WeComClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final WeComTestbed bed = new WeComTestbed();
    final SessionService service = bed.service();

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    JsonNode lastBody(Operation operation) throws Exception {
        List<dev.convene.simulator.RecordedRequest> all = bed.sim.requests(operation);
        return JSON.readTree(all.get(all.size() - 1).bodyText());
    }

    @Test
    void systemBusyIsRetriedForReadsOnly() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        int reads = bed.sim.requests(Operation.GET).size();
        bed.sim.failNext(VendorError.code(-1), 1, Operation.GET);
        assertThat(service.get(s.id()).id()).isEqualTo(s.id());
        assertThat(bed.sim.requests(Operation.GET)).hasSize(reads + 2);

        bed.sim.failNext(VendorError.code(-1), 1, Operation.CREATE);
        // busy does not prove the create was refused before it was applied: outcome unknown, WeCom's code kept
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.MEETING).build()))
                .isInstanceOfSatisfying(SessionOutcomeUnknownException.class,
                        e -> assertThat(e.vendorError()).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("-1")));
        assertThat(bed.sim.requests(Operation.CREATE)).as("a create is never replayed").hasSize(2);
        assertThat(bed.sim.sessions()).hasSize(1);
    }

    @Test
    void systemBusyOnAListIsRetried() {
        Session s = service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        bed.sim.failNext(VendorError.code(-1), 1, Operation.LIST);
        assertThat(service.list(ListQuery.of(SessionKind.LIVE_STREAM)).items()).extracting(Session::id).containsExactly(s.id());
        assertThat(bed.sim.requests(Operation.LIST)).as("the refused call and one retry").hasSize(2);
    }

    /** A page is one id list plus a get per id: a failed get is retried on its own, not the page (issue 14, item 8). */
    @Test
    void aFailedItemReadIsRetriedAloneNotThePage() {
        for (int i = 0; i < 3; i++) {
            service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        }
        bed.sim.clearRequests();
        bed.sim.failNext(VendorError.code(-1), 2, Operation.GET);
        assertThat(service.list(ListQuery.of(SessionKind.LIVE_STREAM)).items()).hasSize(3);
        assertThat(bed.sim.requests(Operation.LIST)).as("the page was asked for once").hasSize(1);
        assertThat(bed.sim.requests(Operation.GET)).as("three gets and the two busy ones again").hasSize(5);
    }

    @Test
    void systemBusyOnAnUpdateIsNotReplayed() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.sim.failNext(VendorError.code(-1), 1, Operation.UPDATE);
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().title("Renamed").build()))
                .isInstanceOfSatisfying(SessionOutcomeUnknownException.class,
                        e -> assertThat(e.vendorError()).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("-1")));
        assertThat(bed.sim.requests(Operation.UPDATE)).as("an update is never replayed").hasSize(1);
        assertThat(service.get(s.id()).title()).isEqualTo(s.title());
    }

    /**
     * WeCom answers every success with errcode 0 (spec §5): a cancel answered {@code {}}, {@code null}, an errmsg alone or
     * an empty 204 was not done, so it is retried like an unreadable answer, and the retry cancels (issue 14, item 7).
     */
    @Test
    void aCancelAnsweredWithoutWeComsSuccessIsNotReportedDone() {
        for (dev.convene.simulator.Fault answer : List.of(dev.convene.simulator.Fault.answer(200, "{}"),
                dev.convene.simulator.Fault.answer(200, "null"), dev.convene.simulator.Fault.answer(200, "{\"errmsg\":\"ok\"}"),
                dev.convene.simulator.Fault.answer(204, ""))) {
            Session s = service.create(bed.draft(SessionKind.MEETING).build());
            bed.sim.clearRequests();
            bed.sim.faults().inject(answer, 1, Operation.CANCEL);
            service.cancel(s.id());
            assertThat(bed.sim.requests(Operation.CANCEL)).as("answered " + answer.body() + ", then cancelled for real").hasSize(2);
            assertThat(service.get(s.id()).status()).isEqualTo(SessionStatus.CANCELLED);
        }
    }

    /** Core retries cancels (ARCHITECTURE.md: a cancel of an already-cancelled session is safe to repeat). */
    @Test
    void systemBusyOnACancelIsRetriedAndCancelsOnce() {
        for (SessionKind kind : SessionKind.values()) {
            Session s = service.create(bed.draft(kind).build());
            bed.sim.clearRequests();
            bed.sim.failNext(VendorError.code(-1), 1, Operation.CANCEL);
            service.cancel(s.id());
            assertThat(bed.sim.requests(Operation.CANCEL)).as(kind + ": the refused cancel and one retry").hasSize(2);
            assertThat(bed.sim.requests(Operation.GET)).as(kind + ": the retry succeeded, so nothing had to be explained").isEmpty();
            assertThat(bed.sim.sessions()).filteredOn(stored -> stored.nativeId().equals(s.id().nativeId()))
                    .singleElement().satisfies(stored -> assertThat(stored.cancelled()).isTrue());
            assertThat(service.get(s.id()).status()).isEqualTo(SessionStatus.CANCELLED);
        }
    }

    @Test
    void frequencyLimitIsNotHotLooped() {
        bed.sim.failNext(VendorError.code(45009), 5, Operation.LIST);
        assertThatThrownBy(() -> service.list(ListQuery.of(SessionKind.MEETING)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(60)));
        assertThat(bed.sim.requests(Operation.LIST)).hasSize(1);
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotReplayedAndCanBeFound() {
        SessionDraft draft = bed.draft(SessionKind.MEETING).build();
        bed.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        assertThatThrownBy(() -> service.create(draft)).isInstanceOf(SessionOutcomeUnknownException.class);
        assertThat(bed.sim.requests(Operation.CREATE)).hasSize(1);
        assertThat(service.findCreated(draft)).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo(draft.title()));
    }

    @Test
    void aMalformedAnswerToACreateIsAnUnknownOutcome() {
        bed.sim.faults().inject(FaultKind.TRUNCATED_JSON, 1, Operation.CREATE);
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.LIVE_STREAM).build())).isInstanceOf(SessionOutcomeUnknownException.class);
        assertThat(bed.sim.requests(Operation.CREATE)).hasSize(1);
    }

    @Test
    void refusalsOfUpdateAndCancelAreToldApartByReadingTheSession() {
        for (SessionKind kind : SessionKind.values()) {
            SessionId unknown = SessionId.of("wecom", kind, "nope");
            assertThatThrownBy(() -> service.cancel(unknown)).as(kind + " unknown")
                    .isInstanceOfSatisfying(SessionNotFoundException.class, e -> assertThat(e.vendorCode()).isEqualTo("40058"));
            Session s = service.create(bed.draft(kind).build());
            service.cancel(s.id());
            assertThat(service.get(s.id()).status()).isEqualTo(SessionStatus.CANCELLED);
            service.cancel(s.id()); // a second cancel is told apart as "already cancelled", and that is what was asked for
            assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().title("Late").build()))
                    .isInstanceOf(AlreadyCancelledException.class);
        }
        Session living = service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        bed.clock.set(living.start().plusSeconds(60));
        assertThat(service.get(living.id()).status()).isEqualTo(SessionStatus.LIVE);
        assertThatThrownBy(() -> service.cancel(living.id())).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e).isNotInstanceOf(AlreadyCancelledException.class));
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceAndNothingIsSent() {
        bed.sim.clearRequests();
        SessionDraft meeting = bed.draft(SessionKind.MEETING)
                .title("会".repeat(21)).start(bed.clock.instant().minusSeconds(1)).duration(Duration.ofSeconds(299))
                .password("12").hosts(List.of("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"))
                .recurrence(dev.convene.Recurrence.monthlyOnWeekday(1, 2, java.time.DayOfWeek.MONDAY))
                .option(WeComOptions.REMIND_BEFORE, List.of(Duration.ofMinutes(2)))
                .option(WeComOptions.SPONSOR, "not for meetings")
                .build();
        assertThatThrownBy(() -> service.create(meeting)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains("title", "start", "duration", "password", "hosts",
                        "recurrence", "options.wecom.remind-before", "options.wecom.sponsor"));
        SessionDraft webinar = bed.draft(SessionKind.WEBINAR).title("x".repeat(256))
                .start(bed.clock.instant().plus(Duration.ofMinutes(10))).access(dev.convene.Access.PASSWORD)
                .live(new dev.convene.LiveOptions(null, true)).option(WeComOptions.SPONSOR, "s".repeat(41)).build();
        assertThatThrownBy(() -> service.create(webinar)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains("title", "start", "password", "live.replay",
                        "options.wecom.sponsor"));
        SessionDraft living = bed.draft(SessionKind.LIVE_STREAM).title("直".repeat(21)).description("d".repeat(101))
                .option(WeComOptions.ACTIVITY_COVER_MEDIA_ID, "m").build();
        assertThatThrownBy(() -> service.create(living)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains("title", "description",
                        "options.wecom.activity-cover-media-id"));
        assertThat(bed.sim.requests()).isEmpty();
    }

    @Test
    void meetingTitlesCountBytesBeyondTwentyCharacters() {
        assertThat(service.create(bed.draft(SessionKind.MEETING).title("会".repeat(20)).build()).title()).hasSize(20);
        assertThat(service.create(bed.draft(SessionKind.MEETING).title("x".repeat(40)).build()).title()).hasSize(40);
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.MEETING).title("会".repeat(14) + "x".repeat(7)).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("title"));
    }

    @Test
    void aMeetingUpdateSendsStartWithDurationAndKeepsTheInvitees() throws Exception {
        Session s = service.create(bed.draft(SessionKind.MEETING).invitees("lisi", "wangwu").build());
        Session updated = service.update(s.id(), SessionUpdate.builder().duration(Duration.ofMinutes(30)).build());
        JsonNode body = lastBody(Operation.UPDATE);
        assertThat(body.get("meeting_start").longValue()).isEqualTo(s.start().getEpochSecond());
        assertThat(body.get("meeting_duration").longValue()).isEqualTo(1800);
        assertThat(updated.duration()).isEqualTo(Duration.ofMinutes(30));
        Session got = service.get(s.id());
        assertThat(got.invitees()).as("the simulator clears omitted invitees by default").containsExactly("lisi", "wangwu");
        assertThat(got.duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aWebinarUpdateAlwaysCarriesThePlaybackFlagItHolds() throws Exception {
        Session s = service.create(bed.draft(SessionKind.WEBINAR)
                .media(dev.convene.MediaOptions.DEFAULTS.withAutoRecording(dev.convene.MediaOptions.Recording.CLOUD))
                .live(new dev.convene.LiveOptions(null, true)).build());
        service.update(s.id(), SessionUpdate.builder().description("Agenda").build());
        assertThat(lastBody(Operation.UPDATE).get("playback_for_audience").booleanValue()).isTrue();
        Session got = service.get(s.id());
        assertThat(got.description()).isEqualTo("Agenda");
        assertThat(got.live().replay()).isTrue();
    }

    @Test
    void listingFiltersToTheAskedWindowAndRefusesSpansOver180Days() {
        Instant now = bed.clock.instant();
        Session near = service.create(bed.draft(SessionKind.MEETING).build());
        Session far = service.create(bed.draft(SessionKind.MEETING).start(now.plus(Duration.ofDays(40))).build());
        List<SessionId> window = service.listAll(ListQuery.of(SessionKind.MEETING).between(now, now.plus(Duration.ofDays(10))))
                .map(Session::id).toList();
        assertThat(window).contains(near.id()).doesNotContain(far.id());
        assertThatThrownBy(() -> service.list(ListQuery.of(SessionKind.MEETING).between(now, now.plus(Duration.ofDays(181)))))
                .isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> service.list(ListQuery.of(SessionKind.WEBINAR))).isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void aListFromAloneReachesAtMost180DaysBackBecauseItsEndIsNow() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        Instant now = bed.clock.instant();
        bed.sim.clearRequests();
        assertThatThrownBy(() -> service.list(ListQuery.of(SessionKind.MEETING).between(now.minus(Duration.ofDays(180)).minusSeconds(1), null)))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("from");
                            assertThat(v.rule()).contains("at most 180 days back from now");
                        }));
        assertThat(bed.sim.requests()).as("nothing was sent").isEmpty();
        assertThat(service.list(ListQuery.of(SessionKind.MEETING).between(now.minus(Duration.ofDays(180)), null)).items())
                .extracting(Session::id).containsExactly(s.id());
    }

    @Test
    void inviteesWithoutAMeetingAccountStayInvitees() throws Exception {
        bed.sim.removeMeetingAccount("wangwu");
        Session s = service.create(bed.draft(SessionKind.MEETING).invitees("lisi", "wangwu").build());
        assertThat(s.invitees()).containsExactly("lisi", "wangwu");
        Session updated = service.update(s.id(), SessionUpdate.builder().invitees(List.of("wangwu", "zhaoliu")).build());
        assertThat(updated.invitees()).containsExactly("wangwu", "zhaoliu");
        assertThat(service.get(s.id()).invitees()).containsExactly("wangwu", "zhaoliu");
    }

    @Test
    void aCallerOffTheTrustedIpListIsDeniedWithTheCodeKept() {
        Session s = service.create(bed.draft(SessionKind.MEETING).build());
        bed.sim.trustIps("203.0.113.7");
        bed.sim.clearRequests();
        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(dev.convene.PermissionDeniedException.class, e -> {
            assertThat(e.vendorCode()).isEqualTo("60020");
            assertThat(e.vendorMessage()).startsWith("not allow to access from your ip");
        });
        assertThat(bed.sim.requests(Operation.GET)).as("a permission refusal is not retried").hasSize(1);
        try (SessionService fresh = bed.service(bed.sim.propertiesForOtherApp())) {
            assertThatThrownBy(() -> fresh.list(ListQuery.of(SessionKind.LIVE_STREAM)))
                    .as("gettoken is refused the same way").isInstanceOfSatisfying(dev.convene.PermissionDeniedException.class,
                            e -> assertThat(e.vendorCode()).isEqualTo("60020"));
        }
        assertThat(bed.sim.requests(Operation.LIST)).isEmpty();
    }

    @Test
    void anotherAppsSessionsAreNotFound() {
        Session s = service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        try (SessionService other = bed.service(bed.sim.propertiesForOtherApp())) {
            assertThatThrownBy(() -> other.get(s.id())).isInstanceOf(SessionNotFoundException.class);
            assertThat(other.list(ListQuery.of(SessionKind.LIVE_STREAM)).items()).isEmpty();
        }
    }

    @Test
    void permissionAndConcurrencyRefusalsKeepTheirCodes() {
        bed.sim.allowApi("living", false);
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.LIVE_STREAM).build()))
                .isInstanceOfSatisfying(dev.convene.PermissionDeniedException.class, e -> assertThat(e.vendorCode()).isEqualTo("48002"));
        bed.sim.failNext(VendorError.code(60111), 1, Operation.CREATE);
        assertThatThrownBy(() -> service.create(bed.draft(SessionKind.MEETING).build()))
                .isInstanceOfSatisfying(dev.convene.VendorRejectedException.class, e -> assertThat(e.vendorCode()).isEqualTo("60111"));
    }

    @Test
    void theAsynchronousPathTellsRefusalsApartToo() throws Exception {
        Session s = service.createAsync(bed.draft(SessionKind.MEETING).build()).get();
        service.cancelAsync(s.id()).get();
        assertThat(service.getAsync(s.id()).get().status()).isEqualTo(SessionStatus.CANCELLED);
        service.cancelAsync(s.id()).get();
        assertThat(service.updateAsync(s.id(), SessionUpdate.builder().title("Late").build()).handle((ok, e) -> Exchange.unwrap(e)).get())
                .isInstanceOf(AlreadyCancelledException.class);
        assertThat(catchCause(() -> service.getAsync(SessionId.of("wecom", SessionKind.LIVE_STREAM, "nope")).get()))
                .isInstanceOf(SessionNotFoundException.class);
        service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        service.create(bed.draft(SessionKind.LIVE_STREAM).build());
        assertThat(service.listAsync(ListQuery.of(SessionKind.LIVE_STREAM)).get().items()).hasSize(2);
    }

    static Throwable catchCause(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
        return t instanceof java.util.concurrent.ExecutionException ? t.getCause() : t;
    }
}
