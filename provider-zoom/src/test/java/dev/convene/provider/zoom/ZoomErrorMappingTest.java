package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.Moshi;
import dev.convene.ConflictException;
import dev.convene.PermissionDeniedException;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.AuthenticationException;
import dev.convene.VendorRejectedException;
import dev.convene.RateLimitedException;
import dev.convene.VendorException;
import dev.convene.VendorUnavailableException;
import dev.convene.provider.zoom.internal.ZoomErrors;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.simulator.zoom.ZoomSimulator;
import dev.convene.spi.http.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec §5.2: Zoom's codes → Convene's kinds, with the vendor's code and message kept. */
class ZoomErrorMappingTest {
    final ZoomFixture f = new ZoomFixture();
    final SessionService service = f.open();

    @AfterEach
    void stop() {
        f.close();
    }

    Session meeting() {
        return service.create(SessionDraft.builder(SessionKind.MEETING).title("Errors").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).build());
    }

    /** The kinds the table below names, as the exceptions that are the kinds. */
    static final java.util.Map<String, Class<? extends VendorException>> KINDS = java.util.Map.of(
            "AUTHENTICATION", AuthenticationException.class, "INVALID_REQUEST", VendorRejectedException.class,
            "RATE_LIMITED", RateLimitedException.class, "NOT_FOUND", SessionNotFoundException.class,
            "PERMISSION_DENIED", PermissionDeniedException.class, "CONFLICT", ConflictException.class,
            "UNAVAILABLE", VendorUnavailableException.class);

    @ParameterizedTest
    @CsvSource({
            "401, 124, Invalid access token., AUTHENTICATION",
            "400, 300, Validation Failed., INVALID_REQUEST",
            "400, 300, A maximum of 100 webinars can be created and updated for a single user in one day., RATE_LIMITED",
            "404, 1001, User x does not exist or does not belong to this account., NOT_FOUND",
            "400, 1010, User does not belong to this account:abc., PERMISSION_DENIED",
            "404, 2001, This account does not exist or does not belong to you., NOT_FOUND",
            "400, 3000, You cannot update or delete meetings that have started using this method., CONFLICT",
            "400, 3000, Invalid occurrence_id., INVALID_REQUEST",
            "400, 3000, Cannot access webinar info., NOT_FOUND",
            "404, 3001, Meeting 1 is not found or has expired., NOT_FOUND",
            "400, 3002, Sorry you cannot delete this meeting since it is in progress., CONFLICT",
            "400, 3003, You are not the meeting host., PERMISSION_DENIED",
            "400, 3007, Sorry you cannot delete this meeting since it has ended., CONFLICT",
            "400, 3161, Meeting hosting and scheduling capabilities are not allowed for your user account., PERMISSION_DENIED",
            "400, 200, Webinar plan is missing., PERMISSION_DENIED",
            "400, 4711, 'Invalid access token, does not contain scopes:[meeting:write:admin].', PERMISSION_DENIED",
            "429, 429, You have reached the maximum per-second rate limit for this API. Try again later., RATE_LIMITED",
            "503, 503, Service temporarily unavailable., UNAVAILABLE"})
    void codesMapToKinds(int status, int code, String message, String kind) {
        ZoomErrors errors = ZoomErrors.api(new Moshi.Builder().build(), Clock.fixed(ZoomFixture.NOW, ZoneOffset.UTC), new Redactor());
        VendorException e = errors.fromHttpError(status, Headers.of("x-zm-trackingid", "trk-1"),
                "{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        assertThat(e).isExactlyInstanceOf(KINDS.get(kind));
        assertThat(e.vendorCode()).isEqualTo(Integer.toString(code));
        // A rate limit's message goes on to say which limit it was (ZoomDailyLimitTest); Zoom's own words come first.
        assertThat(e.vendorMessage()).startsWith(message);
        if (!kind.equals("RATE_LIMITED")) {
            assertThat(e.vendorMessage()).isEqualTo(message);
        }
        assertThat(e.requestId()).contains("trk-1");
        assertThat(e.provider()).isEqualTo("zoom");
    }

    @Test
    void validationFailuresNameTheirFields() {
        ZoomErrors errors = ZoomErrors.api(new Moshi.Builder().build(), Clock.systemUTC(), new Redactor());
        VendorException e = errors.fromHttpError(400, Headers.of(),
                "{\"code\":300,\"message\":\"Validation Failed.\",\"errors\":[{\"field\":\"settings.jbh_time\",\"message\":\"Invalid field.\"}]}");
        assertThat(e.vendorMessage()).isEqualTo("Validation Failed. settings.jbh_time: Invalid field.");
        VendorException notJson = errors.fromHttpError(502, Headers.of(), "<html>Bad gateway</html>");
        assertThat(notJson).isExactlyInstanceOf(VendorUnavailableException.class);
    }

    @Test
    void anUnknownSessionIsNotFoundWithZoomsCode() {
        assertThatThrownBy(() -> service.get(SessionId.of("zoom", SessionKind.WEBINAR, "12345678901")))
                .isInstanceOfSatisfying(SessionNotFoundException.class, e -> {
                    assertThat(e.vendorCode()).isEqualTo("3001");
                    assertThat(e.vendorMessage()).isEqualTo("Webinar 12345678901 not found or has expired.");
                });
    }

    @Test
    void aSessionOfAnotherAccountIs1010() {
        assertThatThrownBy(() -> service.get(SessionId.of("zoom", SessionKind.WEBINAR, "97871060099")))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.vendorCode()).isEqualTo("1010"));
    }

    @Test
    void hostsWithoutRightsOrPlanArePermissionErrors() {
        SessionDraft.Builder d = SessionDraft.builder(SessionKind.MEETING).title("x").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30));
        assertThatThrownBy(() -> service.create(d.organizer(ZoomSimulator.CANNOT_HOST_EMAIL).build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.vendorCode()).isEqualTo("3161"));
        assertThatThrownBy(() -> service.create(d.kind(SessionKind.WEBINAR).organizer(ZoomSimulator.NO_WEBINAR_PLAN_EMAIL).build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.vendorCode()).isEqualTo("200"));
    }

    @Test
    void aStartedMeetingIsAConflict() {
        Session s = meeting();
        f.sim.hostStarts(s.id().nativeId());
        assertThatThrownBy(() -> service.update(s.id(), SessionUpdate.builder().title("late").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.vendorCode()).isEqualTo("3000"));
        assertThatThrownBy(() -> service.cancel(s.id())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anErrorHiddenInA200IsStillAnError() {
        Session s = meeting();
        f.sim.failNext(VendorError.of(200, 200, "Webinar plan subscription is missing."), 1, Operation.GET);
        assertThatThrownBy(() -> service.get(s.id())).isInstanceOfSatisfying(PermissionDeniedException.class,
                e -> assertThat(e.vendorCode()).isEqualTo("200"));
    }

    @Test
    void busyReadsAreRetriedButAFailedCreateIsNot() {
        Session s = meeting();
        f.sim.faults().inject(FaultKind.BUSY, 1, Operation.GET);
        assertThat(service.get(s.id()).id()).isEqualTo(s.id());
        f.sim.clearRequests();
        f.sim.faults().inject(FaultKind.SERVER_ERROR, 1, Operation.CREATE);
        assertThatThrownBy(this::meeting).isInstanceOfSatisfying(SessionOutcomeUnknownException.class,
                e -> assertThat(e.vendorError()).hasValueSatisfying(v -> assertThat(v.code()).isEqualTo("500")));
        assertThat(f.sim.requests(Operation.CREATE)).hasSize(1);
    }
}
