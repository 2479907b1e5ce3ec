package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.ConfigurationException;
import dev.convene.InvalidSessionException;
import dev.convene.Operation;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionNotFoundException;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorError;
import dev.convene.VendorUnavailableException;
import dev.convene.Violation;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's exit codes and the first line each failure puts on stderr. */
class ExitCodesTest {
    static final SessionId ID = SessionId.of("zoom", SessionKind.MEETING, "85746065432");

    @Test
    void aVendorThatAnsweredAndRefusedIs3WithItsCode() {
        var notFound = new SessionNotFoundException(new VendorError("zoom", 404, "3001", "Meeting does not exist", "req-9", null));
        assertThat(ExitCodes.of(notFound)).isEqualTo(3);
        assertThat(ExitCodes.headline(notFound)).isEqualTo("error: zoom refused with vendor code 3001 (HTTP 404): Meeting does not exist [request req-9]");
    }

    @Test
    void aVendorThatCouldNotBeReachedRefusedNothingAndIs1() {
        var unreachable = new VendorUnavailableException(new VendorError("zoom", 0, "", "token request failed: ConnectException", null, null), null);
        assertThat(ExitCodes.of(unreachable)).isEqualTo(1);
        assertThat(ExitCodes.headline(unreachable)).isEqualTo("error: could not reach zoom or read its answer: token request failed: ConnectException"
                + " (check the network and the convene.zoom.*-url settings, or try again later)");
    }

    @Test
    void aBusyVendorIs1AndStillNamesItsCode() {
        var busy = new VendorUnavailableException(new VendorError("wecom", 0, "-1", "system busy", null, null), null);
        assertThat(ExitCodes.of(busy)).isEqualTo(1);
        assertThat(ExitCodes.headline(busy)).isEqualTo("error: wecom is unavailable, vendor code -1: system busy (try again later)");
    }

    @Test
    void aCreateWithoutAnswerIs1AndSaysTheSessionMayExistAndHowToLook() {
        SessionDraft draft = SessionDraft.builder(SessionKind.WEBINAR).title("Launch").organizer("owner@example.com")
                .start(Instant.parse("2099-01-06T02:00:00Z")).duration(Duration.ofHours(1)).build();
        var unknown = new SessionOutcomeUnknownException("zoom", Operation.CREATE, draft, null, new IOException("SocketTimeoutException: timeout"));
        assertThat(ExitCodes.of(unknown)).isEqualTo(1);
        assertThat(ExitCodes.headline(unknown)).isEqualTo("error: zoom: no answer came back to the create (SocketTimeoutException: timeout)"
                + " and it was not retried; the session may exist: look for it with 'convene list --kind webinar --organizer owner@example.com"
                + " --from 2099-01-06T01:59:00Z --to 2099-01-06T02:01:00Z' before creating it again");
    }

    @Test
    void anUpdateWithoutAnswerSaysTheChangeMayBeApplied() {
        var unknown = new SessionOutcomeUnknownException("zoom", Operation.UPDATE, null, ID, new IOException("unexpected end of stream"));
        assertThat(ExitCodes.of(unknown)).isEqualTo(1);
        assertThat(ExitCodes.headline(unknown)).isEqualTo("error: zoom: no answer came back to the update (unexpected end of stream)"
                + " and it was not retried; the change may have been applied: check with 'convene get zoom:meeting:85746065432'");
    }

    @Test
    void onlyWhatWasTypedIsBadInput() {
        assertThat(ExitCodes.of(new UsageException("--zone 'Mars' is not a time zone"))).isEqualTo(2);
        assertThat(ExitCodes.of(new InvalidSessionException(List.of(new Violation("title", "is required"))))).isEqualTo(2);
        IllegalArgumentException deep = new IllegalArgumentException("Expected URL scheme 'http' or 'https' but no scheme was found for notaurl");
        assertThat(ExitCodes.of(deep)).as("an IllegalArgumentException from a library is a fault").isEqualTo(1);
        assertThat(ExitCodes.headline(deep)).startsWith("error: unexpected IllegalArgumentException: Expected URL scheme");
        assertThat(ExitCodes.headline(new NullPointerException())).isEqualTo("error: unexpected NullPointerException (--verbose shows where)");
    }

    @Test
    void configurationIs4AndUnsupportedIs5() {
        assertThat(ExitCodes.of(new ConfigurationException("missing configuration convene.provider"))).isEqualTo(4);
        assertThat(ExitCodes.of(UnsupportedFeatureException.ofKind("zoom", SessionKind.LIVE_STREAM))).isEqualTo(5);
        assertThat(ExitCodes.headline(UnsupportedFeatureException.ofKind("zoom", SessionKind.LIVE_STREAM)))
                .isEqualTo("error: zoom does not support live_stream sessions");
    }
}
