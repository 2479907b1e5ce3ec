package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.AlreadyCancelledException;
import dev.convene.AuthenticationException;
import dev.convene.ConflictException;
import dev.convene.PermissionDeniedException;
import dev.convene.RateLimitedException;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionService;
import dev.convene.VendorException;
import dev.convene.VendorRejectedException;
import dev.convene.VendorUnavailableException;
import dev.convene.simulator.Operation;
import dev.convene.simulator.VendorError;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec §2's codes as Convene's kinds, keeping the vendor's code, message and {@code X-TC-Trace}. */
class ErrorMappingTest {
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    /**
     * Code, message, kind, and the HTTP status the vendor answers a meeting query with (spec §2): the
     * endpoint tables' where they give one (9042 is 500 off the cancel endpoint); where none is documented
     * (190300, 190303, 190311) the official rule, request errors 400 and service errors 500.
     */
    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(9003, "MEETING NOT EXIST", SessionNotFoundException.class, 500),
                Arguments.of(9007, "MEETING CANCLED", AlreadyCancelledException.class, 500),
                Arguments.of(9042, "no permission", PermissionDeniedException.class, 500),
                Arguments.of(13602, "meeting has started", ConflictException.class, 500),
                Arguments.of(190004, "invalid param: subject", VendorRejectedException.class, 400),
                Arguments.of(190310, "too many calls this minute", RateLimitedException.class, 500),
                Arguments.of(190311, "too many calls today", RateLimitedException.class, 500),
                Arguments.of(190303, "鉴权失败", AuthenticationException.class, 400),
                Arguments.of(200003, "Signature failed!", AuthenticationException.class, 500),
                Arguments.of(190300, "timestamp out of window", AuthenticationException.class, 400),
                Arguments.of(960000, "network error, retry later", VendorUnavailableException.class, 500));
    }

    @ParameterizedTest
    @MethodSource("codes")
    void eachDocumentedCodeBecomesItsKind(int code, String message, Class<? extends VendorException> expected, int status) {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        // Three times, so that a retried read meets the same answer.
        env.sim.failNext(VendorError.code(code, message), 3, Operation.GET);
        assertThatThrownBy(() -> env.service.get(s.id())).isInstanceOfSatisfying(expected, e -> {
            assertThat(e.provider()).isEqualTo("tencentmeeting");
            assertThat(e.vendorCode()).isEqualTo(Integer.toString(code));
            assertThat(e.vendorMessage()).isEqualTo(message);
            assertThat(e.requestId()).as("the X-TC-Trace answer header").hasValueSatisfying(t -> assertThat(t).matches("[0-9a-f]{32}"));
            assertThat(e.httpStatus()).isEqualTo(status);
            assertThat(e.getMessage()).contains(Integer.toString(code));
        });
    }

    @Test
    void anUnknownMeetingIsNotFoundWithItsTrace() {
        SessionId unknown = SessionId.of("tencentmeeting", SessionKind.MEETING, "5937000510000000001");
        VendorException e = (VendorException) org.assertj.core.api.Assertions.catchThrowable(() -> env.service.get(unknown));
        assertThat(e).isInstanceOf(SessionNotFoundException.class);
        assertThat(e.requestId()).get().asString().matches("[0-9a-f]{32}");
        assertThat(e.httpStatus()).isEqualTo(500);
    }

    @Test
    void realVendorRefusalsMapThroughTheSameTable() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        env.sim.participantJoins(s.id().nativeId(), "tester");
        assertThatThrownBy(() -> env.service.cancel(s.id())).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.vendorCode()).isEqualTo("13602"));

        try (SessionService other = env.open(withOrganizer("test1"))) {
            Session mine = env.service.create(Simulated.draft(SessionKind.MEETING).build());
            assertThatThrownBy(() -> other.cancel(mine.id())).isInstanceOfSatisfying(PermissionDeniedException.class, e -> {
                assertThat(e.vendorCode()).isEqualTo("9042");
                assertThat(e.httpStatus()).isEqualTo(403);
            });
        }
    }

    @Test
    void aWrongSecretIsAnAuthenticationError() {
        try (SessionService bad = env.open(env.sim.propertiesWithBadCredentials())) {
            assertThatThrownBy(() -> bad.create(Simulated.draft(SessionKind.MEETING).build()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.vendorCode()).isEqualTo("200003"));
        }
    }

    java.util.Map<String, String> withOrganizer(String organizer) {
        java.util.Map<String, String> p = new java.util.HashMap<>(env.sim.properties());
        p.put("convene.tencentmeeting.organizer", organizer);
        return p;
    }
}
