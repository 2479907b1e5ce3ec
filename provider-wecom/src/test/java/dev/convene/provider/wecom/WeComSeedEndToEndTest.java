package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.provider.wecom.internal.SeedDrafts;
import dev.convene.simulator.Operation;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeds 001 and 003 through the whole stack: the same neutral drafts as the wire test, created through
 * the service, reach the simulator byte-for-byte equivalent to the seeds' bodies, and read back whole.
 * (Seed 000's placeholders break WeCom's rules, so it is checked at the mapper only.)
 */
class WeComSeedEndToEndTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final WeComTestbed bed = new WeComTestbed(Instant.parse("2020-09-01T00:00:00Z"), Map.of());
    final SessionService service = bed.service(bed.sim.properties(), Map.of("convene.wecom.agent-id", "1000014"));

    @AfterEach
    void stop() {
        service.close();
        bed.close();
    }

    static JsonNode seed(String name) throws Exception {
        try (InputStream in = WeComSeedEndToEndTest.class.getResourceAsStream("/wecom/seeds/" + name)) {
            return JSON.readTree(in);
        }
    }

    JsonNode sent() throws Exception {
        return JSON.readTree(bed.sim.requests(Operation.CREATE).get(0).bodyText());
    }

    @Test
    void seed001() throws Exception {
        SessionDraft draft = SeedDrafts.meeting();
        Session created = service.create(draft);
        assertThat(sent()).isEqualTo(seed("meeting-create-request.json"));
        Session got = service.get(created.id());
        assertThat(got.title()).isEqualTo(created.title());
        assertThat(got.start()).isEqualTo(created.start());
        assertThat(got.duration()).isEqualTo(created.duration());
        assertThat(got.hosts()).isEqualTo(created.hosts());
        assertThat(got.invitees()).isEqualTo(created.invitees());
        assertThat(got.password()).isEqualTo("1234");
        assertThat(got.media()).isEqualTo(created.media());
        assertThat(got.recurrence()).isEqualTo(created.recurrence()).isEqualTo(Recurrence.daily(1).until(java.time.LocalDate.parse("2020-12-03")));
        assertThat(got.join().meetingCode()).isNotBlank();
    }

    @Test
    void seed003() throws Exception {
        Session created = service.create(SeedDrafts.living());
        assertThat(sent()).isEqualTo(seed("living-create-request.json"));
        Session got = service.get(created.id());
        assertThat(got.kind()).isEqualTo(SessionKind.LIVE_STREAM);
        assertThat(got.title()).isEqualTo("theme");
        assertThat(got.description()).isEqualTo("test description");
        assertThat(got.organizer()).isEqualTo("zhangsan");
        assertThat(got.join().hostUrl()).as("an activity living has a push URL while reserved").isNotBlank();
    }
}
