package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SessionServiceTest {
    static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), 0.5, Duration.ofSeconds(1));

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final SessionService service = Convene.builder()
            .properties(Map.of("convene.provider", "scripted", "convene.scripted.name", name, "convene.scripted.secret", "s3cr3t-value"))
            .environment(Map.of()).systemProperties(false)
            .clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).retryPolicy(FAST)
            .listener(new SessionListener() {
                @Override public void onStart(SessionEvent e) { events.add("start " + e.operation() + " " + e.attempt()); }
                @Override public void onSuccess(SessionEvent e) { events.add("success " + e.operation()); }
                @Override public void onFailure(SessionEvent e, ConveneException error) { events.add("failure " + e.operation()); }
                @Override public void onRetry(SessionEvent e, ConveneException error, Duration d) { events.add("retry " + e.operation()); }
            })
            .build();

    static SessionDraft.Builder meeting() {
        return SessionDraft.builder(SessionKind.MEETING).title("Weekly sync").start(NOW.plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30));
    }

    static VendorError error(String code) {
        return new VendorError("scripted", 500, code, "busy", "req-1", null);
    }

    @Test
    void createsAndFillsTheConfiguredOrganizer() {
        Session s = service.create(meeting().build());
        assertThat(s.organizer()).isEqualTo("organizer@example.com");
        assertThat(events).containsExactly("start CREATE 1", "success CREATE");
    }

    @Test
    void listsEveryViolationAtOnceAndSendsNothing() {
        SessionDraft bad = meeting().title("x".repeat(41)).start(NOW.minusSeconds(1)).duration(Duration.ofMinutes(1))
                .password("12ab").hosts("a", "b", "c").invitees("x", " ", "x").recurrence(Recurrence.daily(1).times(11)).build();
        assertThatThrownBy(() -> service.create(bad))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("title", "start", "duration", "password", "hosts", "invitees[1]", "invitees[2]", "recurrence.count"))
                .hasMessageContaining("title must be at most 40 characters, was 41")
                .hasMessageContaining("password must be 4 to 6 digits");
        assertThat(vendor.attempts(Operation.CREATE)).isZero();
    }

    @Test
    void startsOutsideTheCalendarAreViolationsNotDateTimeExceptions() {
        // Found by fuzzing: with an end date, the recurrence check put these starts in a zone and threw DateTimeException.
        for (Instant start : List.of(Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"))) {
            SessionDraft draft = meeting().start(start).recurrence(Recurrence.daily(1).until(java.time.LocalDate.of(2030, 1, 1))).build();
            assertThatThrownBy(() -> service.create(draft)).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).extracting(Violation::field).contains("start"));
            assertThatThrownBy(() -> service.update(SessionId.of("scripted", SessionKind.MEETING, "7"), SessionUpdate.builder().start(start).build()))
                    .isInstanceOf(InvalidSessionException.class).hasMessageContaining("start");
        }
        assertThat(vendor.attempts(Operation.CREATE)).isZero();
        assertThat(vendor.attempts(Operation.UPDATE)).isZero();
    }

    @Test
    void aStartLessThanASecondAheadIsNotTheFuture() {
        // Vendors take whole seconds: now + 1 ns arrives as now.
        assertThatThrownBy(() -> service.create(meeting().start(NOW.plusNanos(1)).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("start must be in the future");
        assertThat(service.create(meeting().start(NOW.plusSeconds(1)).build())).isNotNull();
    }

    @Test
    void aGetAnsweredWithAnotherSessionIsNoUsableAnswer() {
        // Found by fuzzing vendor answers: a changed id in the answer came back as the session asked for.
        vendor.answerGets(ScriptedVendor.session(SessionKind.MEETING, "8", "another"));
        SessionId asked = SessionId.of("scripted", SessionKind.MEETING, "7");
        assertThatThrownBy(() -> service.get(asked)).isInstanceOf(VendorUnavailableException.class).hasMessageContaining("scripted:meeting:8");
        assertThatThrownBy(() -> service.getAsync(asked).join()).hasCauseInstanceOf(VendorUnavailableException.class);
    }

    @Test
    void aSessionIsNeverNegativeInLengthNorBeyondTheCalendar() {
        // Found by fuzzing vendor answers: end_time 0 or duration -1 decoded to sessions whose end came before their start.
        Session.Builder ok = ScriptedVendor.session(SessionKind.MEETING, "7", "t").toBuilder();
        assertThatThrownBy(() -> ok.duration(Duration.ofMinutes(-1)).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> ok.duration(Duration.ofHours(1)).start(Instant.MAX).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.start(Instant.parse("+999999999-12-31T20:00:00Z")).timeZone(java.time.ZoneId.of("Asia/Shanghai")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("calendar");
    }

    @Test
    void nullEntriesInListsAreViolationsNotNullPointerExceptions() {
        // Found by fuzzing: the draft's constructor copied its lists with List.copyOf, which throws on a null entry.
        SessionDraft draft = meeting().hosts(java.util.Arrays.asList("a", null)).invitees(java.util.Arrays.asList((String) null)).build();
        assertThatThrownBy(() -> service.create(draft)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains("hosts[1]", "invitees[0]"));
        assertThatThrownBy(() -> service.update(SessionId.of("scripted", SessionKind.MEETING, "7"),
                SessionUpdate.builder().invitees(java.util.Arrays.asList("x", null)).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("invitees[1] must not be blank");
        assertThat(vendor.attempts(Operation.CREATE) + vendor.attempts(Operation.UPDATE)).isZero();
    }

    @Test
    void walkingAListingWhoseCursorLeadsBackEndsInsteadOfLoopingForEver() {
        // Found by fuzzing vendor answers: a vendor serving the same page and cursor again made listAll loop for ever.
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a")))).endlessPages();
        assertThatThrownBy(() -> service.listAll(ListQuery.of(SessionKind.MEETING)).count())
                .isInstanceOf(VendorUnavailableException.class).hasMessageContaining("leads back to a page already read");
    }

    @Test
    void walkingEveryPageOfANullQueryWorks() {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a")), List.of(ScriptedVendor.session(SessionKind.MEETING, "2", "b"))));
        try (Stream<Session> all = service.listAll(null)) {
            assertThat(all.map(s -> s.id().nativeId()).toList()).containsExactly("1", "2");
        }
    }

    @Test
    void missingRequiredPartsAreViolationsToo() {
        assertThatThrownBy(() -> service.create(SessionDraft.builder(SessionKind.MEETING).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactly("title", "start", "duration"));
    }

    @Test
    void untilBeyondTheOccurrenceLimitIsCaught() {
        SessionDraft draft = meeting().recurrence(Recurrence.daily(1).until(java.time.LocalDate.of(2029, 7, 1))).build();
        assertThatThrownBy(() -> service.create(draft)).hasMessageContaining("recurrence.until gives more than 10 occurrences");
    }

    @Test
    void unsupportedKindsFeaturesAndOperationsFailBeforeIo() {
        assertThatThrownBy(() -> service.create(meeting().kind(SessionKind.LIVE_STREAM).build()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.kind()).isEqualTo(SessionKind.LIVE_STREAM))
                .hasMessage("scripted does not support live_stream sessions");
        assertThatThrownBy(() -> service.create(meeting().kind(SessionKind.WEBINAR).password("1234").recurrence(Recurrence.weekdays()).build()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).isEqualTo("PASSWORD, RECURRENCE"));
        assertThatThrownBy(() -> service.update(SessionId.of("scripted", SessionKind.WEBINAR, "1"), SessionUpdate.builder().title("t").build()))
                .isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> assertThat(e.feature()).isEqualTo("UPDATE"));
        assertThat(vendor.attempts(Operation.CREATE) + vendor.attempts(Operation.UPDATE)).isZero();
    }

    @Test
    void idsOfAnotherProviderAreRefused() {
        assertThatThrownBy(() -> service.get(SessionId.parse("zoom:meeting:1")))
                .isInstanceOfSatisfying(UnconfiguredProviderException.class, e -> {
                    assertThat(e.provider()).isEqualTo("zoom");
                    assertThat(e.configured()).containsExactly("scripted");
                })
                .hasMessage("provider 'zoom' is not configured in this service; configured: scripted (add it to convene.providers with its convene.zoom.* keys)");
        assertThat(vendor.allAttempts()).isZero();
    }

    @Test
    void aCreateThatMayHaveReachedTheVendorIsNeverReplayed() {
        vendor.fail(Operation.CREATE, new SocketTimeoutException("timeout"));
        assertThatThrownBy(() -> service.create(meeting().build()))
                .isInstanceOfSatisfying(SessionOutcomeUnknownException.class, e -> {
                    assertThat(e.operation()).isEqualTo(Operation.CREATE);
                    assertThat(e.draft()).isPresent();
                })
                .hasMessageContaining("not retried");
        assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(1);
    }

    @Test
    void aCreateIsNotRetriedEvenWhenTheVendorSaysBusyOrRateLimited() {
        vendor.fail(Operation.CREATE, new VendorUnavailableException(error("-1"), null));
        // a busy answer does not prove the create was not applied (issue 14, item 1)
        assertThatThrownBy(() -> service.create(meeting().build())).isInstanceOf(SessionOutcomeUnknownException.class);
        vendor.fail(Operation.CREATE, new RateLimitedException(error("429").withRetryAfter(Duration.ofMillis(1))));
        assertThatThrownBy(() -> service.create(meeting().build())).isInstanceOf(RateLimitedException.class);
        assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(2);
    }

    @Test
    void aCreateThatCouldNotConnectIsUnavailableNotUnknown() {
        vendor.fail(Operation.CREATE, new ConnectException("Connection refused"));
        assertThatThrownBy(() -> service.create(meeting().build())).isInstanceOf(VendorUnavailableException.class)
                .hasMessageContaining("could not reach the vendor");
        assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(1);
    }

    @Test
    void anUpdateThatMayHaveReachedTheVendorIsNeverReplayed() {
        vendor.fail(Operation.UPDATE, new IOException("unexpected end of stream"));
        SessionId id = SessionId.of("scripted", SessionKind.MEETING, "7");
        assertThatThrownBy(() -> service.update(id, SessionUpdate.builder().title("New").build()))
                .isInstanceOfSatisfying(SessionOutcomeUnknownException.class, e -> assertThat(e.target()).contains(id));
        assertThat(vendor.attempts(Operation.UPDATE)).isEqualTo(1);
    }

    @Test
    void readsAreRetriedUpToTheLimit() {
        vendor.fail(Operation.GET, new IOException("reset"), new VendorUnavailableException(error("5xx"), null));
        assertThat(service.get(SessionId.of("scripted", SessionKind.MEETING, "7")).title()).isEqualTo("got");
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(3);
        assertThat(events).containsExactly("start GET 1", "retry GET", "start GET 2", "retry GET", "start GET 3", "success GET");

        vendor.fail(Operation.GET, new IOException("1"), new IOException("2"), new IOException("3"));
        assertThatThrownBy(() -> service.get(SessionId.of("scripted", SessionKind.MEETING, "7"))).isInstanceOf(VendorUnavailableException.class);
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(6);
    }

    @Test
    void aRetryHintLongerThanTheLimitEndsTheRetries() {
        vendor.fail(Operation.GET, new RateLimitedException(error("429").withRetryAfter(Duration.ofHours(5))));
        assertThatThrownBy(() -> service.get(SessionId.of("scripted", SessionKind.MEETING, "7")))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofHours(5)));
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(1);
    }

    @Test
    void nonRetryableVendorErrorsAreNotRetried() {
        vendor.fail(Operation.GET, new SessionNotFoundException(new VendorError("scripted", 404, "3001", "not found", null, null)));
        assertThatThrownBy(() -> service.get(SessionId.of("scripted", SessionKind.MEETING, "7")))
                .isInstanceOf(SessionNotFoundException.class).hasMessage("scripted refused (HTTP 404): code 3001 not found");
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(1);
    }

    @Test
    void aRetriedCancelThatAlreadyWentThroughSucceeds() {
        vendor.fail(Operation.CANCEL, new IOException("reset"),
                new AlreadyCancelledException(new VendorError("scripted", 500, "9007", "already cancelled", null, null)));
        service.cancel(SessionId.of("scripted", SessionKind.MEETING, "7"));
        assertThat(vendor.attempts(Operation.CANCEL)).isEqualTo(2);
    }

    @Test
    void cancellingACancelledSessionSucceeds() {
        vendor.fail(Operation.CANCEL, new AlreadyCancelledException(new VendorError("scripted", 500, "9007", "already cancelled", null, null)));
        service.cancel(SessionId.of("scripted", SessionKind.MEETING, "7"));
        assertThat(vendor.attempts(Operation.CANCEL)).isEqualTo(1);
        assertThat(events).containsExactly("start CANCEL 1", "success CANCEL");
    }

    @Test
    void whereTheVendorDeletesCancelledSessionsNotFoundSaysTheSessionMayHaveBeenCancelled() {
        SessionNotFoundException gone = new SessionNotFoundException(new VendorError("scripted", 404, "3001", "not found", null, null));
        SessionId webinar = SessionId.of("scripted", SessionKind.WEBINAR, "7");
        vendor.fail(Operation.GET, gone).fail(Operation.CANCEL, gone);
        for (Runnable call : List.<Runnable>of(() -> service.get(webinar), () -> service.cancel(webinar))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
                assertThat(e.mayHaveBeenCancelled()).isTrue();
                assertThat(e.vendorCode()).isEqualTo("3001");
            }).hasMessageContaining("code 3001 not found").hasMessageContaining("may have been cancelled");
        }
        // Where the vendor keeps cancelled sessions, "not found" means what it says.
        vendor.fail(Operation.GET, gone);
        assertThatThrownBy(() -> service.get(SessionId.of("scripted", SessionKind.MEETING, "7")))
                .isInstanceOfSatisfying(SessionNotFoundException.class, e -> assertThat(e.mayHaveBeenCancelled()).isFalse())
                .hasMessageNotContaining("cancelled");
    }

    @Test
    void listsLeaveCancelledSessionsOutUnlessAsked() {
        Session cancelled = ScriptedVendor.session(SessionKind.MEETING, "1", "cancelled").toBuilder().status(SessionStatus.CANCELLED).build();
        Session scheduled = ScriptedVendor.session(SessionKind.MEETING, "2", "scheduled").toBuilder().status(SessionStatus.SCHEDULED).build();
        vendor.pages(List.of(List.of(cancelled, scheduled)));
        assertThat(service.listAll(ListQuery.of(SessionKind.MEETING)).map(Session::title)).containsExactly("scheduled");
        assertThat(service.listAll(ListQuery.of(SessionKind.MEETING).includingCancelled()).map(Session::title))
                .containsExactly("cancelled", "scheduled");
        assertThat(service.listAll(ListQuery.of(SessionKind.MEETING).withStatus(SessionStatus.CANCELLED)).map(Session::title))
                .containsExactly("cancelled");
    }

    @Test
    void askingForCancelledSessionsWhereTheVendorCannotListThemIsUnsupportedAndSendsNothing() {
        for (ListQuery query : List.of(ListQuery.of(SessionKind.WEBINAR).includingCancelled(), ListQuery.all().withStatus(SessionStatus.CANCELLED))) {
            assertThatThrownBy(() -> service.list(query)).isInstanceOfSatisfying(UnsupportedFeatureException.class, e -> {
                assertThat(e.kind()).isEqualTo(SessionKind.WEBINAR);
                assertThat(e.feature()).contains("LISTS_CANCELLED");
            });
        }
        assertThat(vendor.attempts(Operation.LIST)).isZero();
    }

    @Test
    void asyncCallsFollowTheSameRules() {
        vendor.fail(Operation.CREATE, new SocketTimeoutException("timeout"));
        assertThatThrownBy(() -> service.createAsync(meeting().build()).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(SessionOutcomeUnknownException.class);
        assertThat(vendor.attempts(Operation.CREATE)).isEqualTo(1);

        vendor.fail(Operation.GET, new IOException("reset"));
        assertThat(service.getAsync(SessionId.of("scripted", SessionKind.MEETING, "7")).join().title()).isEqualTo("got");
        assertThat(vendor.attempts(Operation.GET)).isEqualTo(2);

        assertThatThrownBy(() -> service.createAsync(meeting().title(" ").build()).join()).hasCauseInstanceOf(InvalidSessionException.class);
    }

    @Test
    void listAllFetchesPagesLazilyAndCrossesKinds() {
        vendor.pages(List.of(
                List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"), ScriptedVendor.session(SessionKind.MEETING, "2", "b")),
                List.of(ScriptedVendor.session(SessionKind.MEETING, "3", "c")),
                List.of(ScriptedVendor.session(SessionKind.WEBINAR, "4", "d"))));
        Stream<Session> all = service.listAll(ListQuery.all());
        assertThat(vendor.attempts(Operation.LIST)).isZero();
        assertThat(all.map(s -> s.id().toString())).containsExactly(
                "scripted:meeting:1", "scripted:meeting:2", "scripted:meeting:3", "scripted:webinar:4");
        assertThat(vendor.attempts(Operation.LIST)).isEqualTo(3);

        Page<Session> first = service.list(ListQuery.of(SessionKind.MEETING));
        assertThat(first.items()).hasSize(2);
        Page<Session> second = service.list(ListQuery.of(SessionKind.MEETING).withCursor(first.nextCursor()));
        assertThat(second.items()).extracting(Session::title).containsExactly("c");
        assertThat(second.hasNext()).isFalse();
        assertThat(service.listAll(ListQuery.of(SessionKind.MEETING)).limit(1).count()).isEqualTo(1);
    }

    @Test
    void foreignCursorsAreRejected() {
        assertThatThrownBy(() -> service.list(ListQuery.all().withCursor("garbage!")))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("cursor");
    }

    @Test
    void findCreatedMatchesTitleAndStart() {
        SessionDraft draft = meeting().title("a").start(Instant.parse("2030-01-01T10:00:00Z")).build();
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"), ScriptedVendor.session(SessionKind.MEETING, "2", "b"))));
        assertThat(service.findCreated(draft)).extracting(s -> s.id().nativeId()).containsExactly("1");
    }

    @Test
    void toStringsKeepPasswordsOut() {
        SessionDraft draft = meeting().password("654321").build();
        assertThat(draft.toString()).doesNotContain("654321").contains("password=****");
        Session s = ScriptedVendor.session(SessionKind.MEETING, "1", "a").toBuilder().password("654321")
                .join(new JoinInfo("https://j", "123", null, "https://start?zak=secret")).build();
        assertThat(s.toString()).doesNotContain("654321").doesNotContain("zak=secret");
    }
}
