package dev.convene.simulator.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.SettableClock;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.zoom.ZoomHttp.Answer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spec §3.7 (primary-account mirrors) and seed 004 (GET /accounts/{accountId}/webinars/{webinarId}). */
class ZoomAccountPathsTest {
    static final String SUB = "/accounts/" + ZoomSimulator.SEED_ACCOUNT_ID;

    final SettableClock clock = new SettableClock(Instant.parse("2030-01-01T00:00:00Z"));
    ZoomSimulator sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock));
    ZoomHttp http = new ZoomHttp(sim).authenticated();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theSeedWebinarIsAnsweredExactlyAsTheSeedDocumentsIt() throws Exception {
        // Seed 004: the example 200 body of GET /accounts/{accountId}/webinars/97871060099.
        Answer a = http.get(SUB + "/webinars/97871060099");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json()).isEqualTo(ZoomHttp.JSON.readTree(ZoomSeed.WEBINAR_97871060099));
        assertThat(a.json().get("occurrences").get(0).get("occurrence_id").asText()).isEqualTo("1648194360000");
        assertThat(http.get(SUB + "/webinars/97871060099?show_previous_occurrences=true").json()).isEqualTo(a.json());
    }

    @Test
    void theSeedWebinarBelongsToTheSubAccountNotThePrimary() {
        // Seed 004 / §3.2: 400 / 1010 "User does not belong to this account:{accountId}."
        Answer a = http.get("/webinars/97871060099");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo(1010);
        assertThat(a.message()).isEqualTo("User does not belong to this account:" + ZoomSimulator.PRIMARY_ACCOUNT_ID + ".");
        assertThat(http.get(SUB + "/webinars/12345678901").code()).isEqualTo(3001);
    }

    @Test
    void aWrongAccountIs1010ByDefaultOr2001WhenSwitched() {
        // §3.7: the caller reaches only its own sub-accounts; seed 004 documents 1010 for this path.
        Answer foreign = http.get("/accounts/" + ZoomSimulator.FOREIGN_ACCOUNT_ID + "/webinars/97871060099");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.code()).isEqualTo(1010);
        assertThat(http.get("/accounts/doesNotExist/users/me/meetings").code()).isEqualTo(1010);

        sim.close();
        sim = new ZoomSimulator(SimulatorOptions.defaults().withClock(clock).with("unknown-account-code", "2001"));
        http = new ZoomHttp(sim).authenticated();
        Answer unknown = http.get("/accounts/doesNotExist/users/me/meetings");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(2001);
    }

    @Test
    void mirrorsBehaveLikeThePlainPathsInsideTheSubAccount() {
        // §3.7: "request and response formats mirror the standard APIs".
        JsonNode w = http.create(SUB + "/users/me/webinars", "{\"topic\":\"Sub\",\"start_time\":\"2030-02-01T10:00:00Z\"}");
        assertThat(w.get("host_email").asText()).isEqualTo(ZoomSimulator.SEED_HOST_EMAIL);
        assertThat(w.get("timezone").asText()).isEqualTo("America/Los_Angeles");
        String id = w.get("id").asText();
        assertThat(http.get(SUB + "/webinars/" + id).json().get("topic").asText()).isEqualTo("Sub");
        assertThat(http.patch(SUB + "/webinars/" + id, "{\"topic\":\"Sub 2\"}").status()).isEqualTo(204);
        assertThat(http.get(SUB + "/users/" + ZoomSimulator.SEED_HOST_EMAIL + "/webinars").json().get("webinars"))
                .extracting(x -> x.get("topic").asText()).containsExactly("My Webinar", "Sub 2");
        assertThat(http.get("/webinars/" + id).code()).isEqualTo(1010);
        assertThat(http.delete(SUB + "/webinars/" + id).status()).isEqualTo(204);

        JsonNode m = http.create(SUB + "/users/" + ZoomSimulator.SEED_HOST_EMAIL + "/meetings", "{\"topic\":\"Sub meeting\",\"start_time\":\"2030-02-01T10:00:00Z\"}");
        assertThat(http.get(SUB + "/meetings/" + m.get("id").asText()).json().get("status").asText()).isEqualTo("waiting");
        assertThat(http.get(SUB + "/users/" + ZoomSimulator.OWNER_EMAIL + "/meetings").code()).isEqualTo(1001);
    }

    @Test
    void accountsMeIsThePrimaryAccountItself() {
        JsonNode m = http.create("/accounts/me/users/me/meetings", "{\"topic\":\"Primary\",\"start_time\":\"2030-02-01T10:00:00Z\"}");
        assertThat(m.get("host_email").asText()).isEqualTo(ZoomSimulator.OWNER_EMAIL);
        assertThat(http.get("/meetings/" + m.get("id").asText()).status()).isEqualTo(200);
    }

    @Test
    void theFactoryAndPropertiesPointAtThisFake() {
        try (var started = Simulators.start("zoom", SimulatorOptions.defaults().withClock(clock))) {
            ZoomSimulator z = (ZoomSimulator) started;
            assertThat(z.properties()).containsEntry("convene.provider", "zoom")
                    .containsEntry("convene.zoom.base-url", z.baseUrl() + "/v2")
                    .containsEntry("convene.zoom.oauth-url", z.baseUrl() + "/oauth/token")
                    .containsKeys("convene.zoom.account-id", "convene.zoom.client-id", "convene.zoom.client-secret", "convene.zoom.organizer");
            assertThat(z.propertiesForSubAccount()).containsEntry("convene.zoom.sub-account-id", ZoomSimulator.SEED_ACCOUNT_ID);
            assertThat(z.propertiesWithBadCredentials().get("convene.zoom.client-secret")).isNotEqualTo(ZoomSimulator.CLIENT_SECRET);
            assertThat(z.sessions()).anyMatch(s -> s.nativeId().equals("97871060099") && s.title().equals("My Webinar"));
        }
    }
}
