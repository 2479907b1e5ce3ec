package dev.convene.simulator.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checklist §8 items 4, 5 and 19: throttling, permissions, and the resilience hooks; plus discovery. */
class WeComFaultsTest {
    WeComFake fake = new WeComFake();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void busyAndRateLimitedAreHttp200WithTheirErrcodesAndTouchNothing() {
        fake.token();
        fake.sim.faults().inject(FaultKind.BUSY, 1, Operation.CREATE).inject(FaultKind.RATE_LIMITED, 1, Operation.CREATE);
        HttpResponse<String> busy = fake.send("POST", "/cgi-bin/meeting/create?access_token=" + fake.token(), fake.meeting().toString());
        assertThat(busy.statusCode()).isEqualTo(200);
        assertThat(WeComFake.parse(busy.body()).get("errcode").intValue()).isEqualTo(-1);
        assertThat(fake.post("/cgi-bin/meeting/create", fake.meeting()).get("errcode").intValue()).isEqualTo(45009);
        assertThat(fake.sim.sessions()).isEmpty();
    }

    @Test
    void serverErrorIsA5xxThatIsNotJson() {
        fake.token();
        fake.sim.faults().inject(FaultKind.SERVER_ERROR, 1);
        HttpResponse<String> r = fake.send("POST", "/cgi-bin/meeting/get_info?access_token=" + fake.token(), "{\"meetingid\":\"x\"}");
        assertThat(r.statusCode()).isBetween(500, 599);
        assertThat(r.body()).startsWith("<html>");
    }

    @Test
    void failNextAnswersAnyCodeWithoutApplyingTheRequest() {
        fake.token();
        fake.sim.failNext(VendorError.code(45033), 2, Operation.CREATE);
        assertThat(fake.post("/cgi-bin/meeting/create", fake.meeting()).get("errcode").intValue()).isEqualTo(45033);
        assertThat(fake.post("/cgi-bin/living/create", fake.living()).get("errcode").intValue()).isEqualTo(45033);
        assertThat(fake.post("/cgi-bin/meeting/create", fake.meeting()).get("errcode").intValue()).isZero();
        assertThat(fake.sim.sessions()).hasSize(1);
    }

    @Test
    void anAppWithoutTheLivingPermissionGets48002() {
        fake.sim.allowApi("living", false);
        assertThat(fake.post("/cgi-bin/living/create", fake.living()).get("errcode").intValue()).isEqualTo(48002);
        assertThat(fake.post("/cgi-bin/meeting/create", fake.meeting()).get("errcode").intValue()).isZero();
        fake.sim.allowApi("meeting", false);
        assertThat(fake.post("/cgi-bin/meeting/webinar/create", fake.webinar()).get("errcode").intValue()).isEqualTo(48002);
    }

    @Test
    void aCallerOffTheTrustedIpListGets60020() {
        String token = fake.token();
        fake.sim.trustIps("203.0.113.7");
        JsonNode refused = fake.post("/cgi-bin/meeting/create", fake.meeting());
        assertThat(refused.get("errcode").intValue()).isEqualTo(60020);
        assertThat(refused.get("errmsg").textValue()).startsWith("not allow to access from your ip").contains("from ip: 127.0.0.1");
        JsonNode gettoken = fake.gettoken(fake.sim.properties().get("convene.wecom.corp-id"), fake.sim.properties().get("convene.wecom.corp-secret"));
        assertThat(gettoken.get("errcode").intValue()).isEqualTo(60020);
        assertThat(fake.sim.sessions()).isEmpty();

        fake.sim.trustIps("203.0.113.7", "127.0.0.1");
        assertThat(fake.postWith(token, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isZero();
        fake.sim.trustIps();
        assertThat(fake.postWith(token, "/cgi-bin/meeting/create", fake.meeting().toString()).get("errcode").intValue()).isZero();
    }

    @Test
    void beyondTheCallsPerMinuteAnApiAnswers45009ForSixtySeconds() {
        try (WeComFake f = new WeComFake(WeComFake.T0, Map.of("api-calls-per-minute", "2"))) {
            String q = "{\"userid\":\"zhangsan\"}";
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", q).get("errcode").intValue()).isZero();
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", q).get("errcode").intValue()).isZero();
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", q).get("errcode").intValue()).isEqualTo(45009);
            assertThat(f.post("/cgi-bin/living/get_user_all_livingid", q).get("errcode").intValue()).as("per API").isZero();
            f.clock.advance(java.time.Duration.ofSeconds(59));
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", q).get("errcode").intValue()).isEqualTo(45009);
            f.clock.advance(java.time.Duration.ofSeconds(1));
            assertThat(f.post("/cgi-bin/meeting/get_user_meetingid", q).get("errcode").intValue()).isZero();
        }
    }

    @Test
    void droppedAfterApplyStillCreates() {
        fake.token();
        fake.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        try {
            fake.post("/cgi-bin/meeting/create", fake.meeting());
        } catch (IllegalStateException expected) {
            // the connection was closed without an answer
        }
        assertThat(fake.sim.sessions()).hasSize(1);
    }

    @Test
    void everyRequestIsRecordedWithItsOperation() {
        String id = fake.createMeeting(fake.meeting());
        fake.meetingInfo(id);
        fake.post("/cgi-bin/meeting/get_user_meetingid", "{\"userid\":\"zhangsan\"}");
        fake.post("/cgi-bin/living/modify", "{\"livingid\":\"x\"}");
        assertThat(fake.sim.requests()).extracting(r -> r.operation())
                .containsExactly(Operation.TOKEN, Operation.CREATE, Operation.GET, Operation.LIST, Operation.UPDATE);
        assertThat(fake.sim.requests(Operation.CREATE).get(0).query("access_token")).contains(fake.token());
    }

    @Test
    void discoveredByVendorIdWithContractProperties() {
        try (VendorSimulator sim = Simulators.start("wecom", SimulatorOptions.defaults())) {
            assertThat(sim).isInstanceOf(WeComSimulator.class);
            Map<String, String> p = sim.properties();
            assertThat(p).containsEntry("convene.provider", "wecom")
                    .containsEntry("convene.wecom.base-url", sim.baseUrl().toString())
                    .containsKeys("convene.wecom.corp-id", "convene.wecom.corp-secret", "convene.wecom.agent-id", "convene.wecom.organizer");
            assertThat(sim.propertiesWithBadCredentials().get("convene.wecom.corp-secret")).isNotEqualTo(p.get("convene.wecom.corp-secret"));
        }
    }

    @Test
    void methodsArePostExceptTheTwoGets() {
        JsonNode r = WeComFake.parse(fake.send("GET", "/cgi-bin/meeting/get_info?access_token=" + fake.token(), null).body());
        assertThat(r.get("errcode").intValue()).isEqualTo(43002);
    }
}
