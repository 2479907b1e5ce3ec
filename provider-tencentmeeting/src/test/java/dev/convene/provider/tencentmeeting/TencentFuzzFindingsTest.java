package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Inputs the reliability module's fuzzing found Tencent Meeting refusing after Convene had let them through. */
class TencentFuzzFindingsTest {
    final Simulated simulated = new Simulated();

    @AfterEach
    void stop() {
        simulated.close();
    }

    @Test
    void aRuleEndingBeforeTheStoredStartIsRefusedBeforeTheModify() {
        for (SessionKind kind : new SessionKind[] {SessionKind.MEETING, SessionKind.LIVE_STREAM}) {
            Session s = simulated.service.create(Simulated.draft(kind).build());
            assertThatThrownBy(() -> simulated.service.update(s.id(), SessionUpdate.builder()
                    .recurrence(Recurrence.weekdays().until(LocalDate.of(2029, 11, 19))).build()))
                    .isInstanceOfSatisfying(InvalidSessionException.class,
                            e -> assertThat(e.violations()).extracting(Violation::field).contains("recurrence.until"));
        }
        assertThat(simulated.sim.requests(Operation.UPDATE)).isEmpty();
    }
}
