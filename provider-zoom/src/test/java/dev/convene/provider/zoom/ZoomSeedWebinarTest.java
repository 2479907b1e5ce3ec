package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Access;
import dev.convene.MediaOptions;
import dev.convene.Occurrence;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.simulator.Operation;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seed 004's example answer of GET /accounts/{accountId}/webinars/{webinarId}, read through the provider. */
class ZoomSeedWebinarTest {
    final ZoomFixture f = new ZoomFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theSeedsExampleDecodesIntoACompleteSession() {
        Session s = f.open(f.sim.propertiesForSubAccount()).get(SessionId.of("zoom", SessionKind.WEBINAR, "97871060099"));

        assertThat(f.sim.requests(Operation.GET)).extracting(r -> r.rawPath())
                .containsExactly("/v2/accounts/" + ZoomSimulator.SEED_ACCOUNT_ID + "/webinars/97871060099");
        assertThat(s.id().toString()).isEqualTo("zoom:webinar:97871060099");
        assertThat(s.title()).isEqualTo("My Webinar");
        assertThat(s.description()).isEqualTo("My webinar");
        assertThat(s.start()).isEqualTo(Instant.parse("2022-03-26T07:18:32Z"));
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(60));
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        // The host's user id, as every answer (lists too) names it; host_email is only on single answers.
        assertThat(s.organizer()).isEqualTo("30R7kT7bTIKSNUFEuH_Qlg");
        assertThat(s.password()).isEqualTo("123456");
        assertThat(s.access()).isEqualTo(Access.PASSWORD);
        assertThat(s.hosts()).containsExactly("jchill@example.com");
        assertThat(s.media().autoRecording()).isEqualTo(MediaOptions.Recording.NONE);
        assertThat(s.join().joinUrl()).isEqualTo("https://example.com/j/11111");
        assertThat(s.join().hostUrl()).isEqualTo("https://example.com/s/11111");
        assertThat(s.join().meetingCode()).isEqualTo("97871060099");
        // Daily; the seed gives both ends, and the explicit end date wins over end_times' default of 1.
        assertThat(s.recurrence()).isEqualTo(Recurrence.daily(1).until(LocalDate.of(2022, 4, 2)));
        assertThat(s.occurrences()).containsExactly(new Occurrence("1648194360000", Instant.parse("2022-03-25T07:46:00Z"),
                Duration.ofMinutes(60), SessionStatus.ENDED));
        // The clock is in 2030: the webinar of 2022 is over.
        assertThat(s.status()).isEqualTo(SessionStatus.ENDED);
    }
}
