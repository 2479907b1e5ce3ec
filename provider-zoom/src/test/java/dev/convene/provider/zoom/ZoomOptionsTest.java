package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.InvalidSessionException;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ZoomOptions} go out as the settings spec §3.9 and §4.1 name, and only for the kinds that have them. */
class ZoomOptionsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    final ZoomFixture f = new ZoomFixture();
    final SessionService service = f.open();

    @AfterEach
    void stop() {
        f.close();
    }

    SessionDraft.Builder draft(SessionKind kind) {
        return SessionDraft.builder(kind).title("Options").start(ZoomFixture.NOW.plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30));
    }

    JsonNode lastSettings(Operation operation) throws Exception {
        List<RecordedRequest> all = f.sim.requests(operation);
        return JSON.readTree(all.get(all.size() - 1).bodyText()).path("settings");
    }

    @Test
    void aMeetingsOptionsGoOutAsItsSettings() throws Exception {
        Session s = service.create(draft(SessionKind.MEETING).option(ZoomOptions.HOST_VIDEO, true)
                .option(ZoomOptions.PARTICIPANT_VIDEO, false).option(ZoomOptions.AUDIO, "voip").build());
        JsonNode settings = lastSettings(Operation.CREATE);
        assertThat(settings.get("host_video").booleanValue()).isTrue();
        assertThat(settings.get("participant_video").booleanValue()).isFalse();
        assertThat(settings.get("audio").textValue()).isEqualTo("voip");
        assertThat(settings.has("panelists_video")).isFalse();

        service.update(s.id(), SessionUpdate.builder().option(ZoomOptions.AUDIO, "telephony").build());
        JsonNode changed = lastSettings(Operation.UPDATE);
        assertThat(changed.get("audio").textValue()).as("an option alone is a settings change").isEqualTo("telephony");
        assertThat(changed.has("host_video")).as("only what the update sets").isFalse();
    }

    @Test
    void aWebinarTakesPanelistsVideo() throws Exception {
        service.create(draft(SessionKind.WEBINAR).option(ZoomOptions.PANELISTS_VIDEO, true).build());
        assertThat(lastSettings(Operation.CREATE).get("panelists_video").booleanValue()).isTrue();
    }

    @Test
    void anOptionOfAnotherKindOrAnUnknownAudioIsRefusedBeforeSending() {
        assertThatThrownBy(() -> service.create(draft(SessionKind.WEBINAR).option(ZoomOptions.PARTICIPANT_VIDEO, true)
                .option(ZoomOptions.AUDIO, "thirdParty").build()))
                .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                        .containsExactlyInAnyOrder("options.zoom.participant-video", "options.zoom.audio"));
        assertThatThrownBy(() -> service.create(draft(SessionKind.MEETING).option(ZoomOptions.PANELISTS_VIDEO, true).build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("options.zoom.panelists-video");
        assertThat(f.sim.requests(Operation.CREATE)).isEmpty();
    }
}
