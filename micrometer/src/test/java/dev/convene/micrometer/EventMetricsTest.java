package dev.convene.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionKind;
import dev.convene.events.Change;
import dev.convene.events.Event;
import dev.convene.events.EventResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventMetricsTest {
    final MeterRegistry meters = new SimpleMeterRegistry();
    final EventMetrics metrics = new EventMetrics(meters);

    @Test
    void countsEachResultByProviderResultChangeAndReason() {
        Event started = Event.builder("zoom").session("85746065432", SessionKind.MEETING).change(Change.STARTED)
                .occurredAt(Instant.parse("2030-01-01T00:00:00Z")).dedupKey("k1").vendorEvent("meeting.started").payload("{}").build();
        EventResult accepted = new EventResult.Accepted(started, 200, null, "");
        assertThat(metrics.record(accepted)).isSameAs(accepted);
        metrics.record(new EventResult.Duplicate("zoom", "k1", 200, null, ""));
        metrics.record(new EventResult.Rejected("zoom", EventResult.Reason.BAD_SIGNATURE, "signature does not match"));
        metrics.record(new EventResult.Rejected("/etc/passwd-secret", EventResult.Reason.UNKNOWN_PROVIDER, "no such provider"));

        assertThat(meters.get(EventMetrics.NAME).tag("provider", "zoom").tag("result", "accepted").tag("change", "started")
                .tag("reason", "none").counter().count()).isEqualTo(1);
        assertThat(meters.get(EventMetrics.NAME).tag("result", "duplicate").counter().count()).isEqualTo(1);
        assertThat(meters.get(EventMetrics.NAME).tag("provider", "zoom").tag("reason", "bad_signature").counter().count()).isEqualTo(1);
        // what a stranger puts in the path never becomes a tag
        assertThat(meters.get(EventMetrics.NAME).tag("provider", "unknown").tag("reason", "unknown_provider").counter().count()).isEqualTo(1);
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags()).noneMatch(t -> t.getValue().contains("passwd")));
    }
}
