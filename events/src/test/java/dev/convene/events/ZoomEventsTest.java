package dev.convene.events;

import static dev.convene.events.Pushes.ZOOM_SECRET;
import static dev.convene.events.WeComEventsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionKind;
import dev.convene.events.EventResult.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Zoom webhooks (events.md §1). Zoom publishes no vector with its secret, so the fixed signatures here were
 * computed outside Java (Python's hmac) over the exact bytes below, a non-ASCII topic included.
 */
class ZoomEventsTest {
    static final long TS = 1718000000L;
    static final String STARTED = "{\"event\":\"meeting.started\",\"event_ts\":1718000000123,\"payload\":{\"account_id\":\"AAAAbbbb\",\"object\":"
            + "{\"id\":85746065432,\"uuid\":\"4444AAAiAAAAAiAiAiiAii==\",\"host_id\":\"x1yCzABCDEfg\",\"topic\":\"周会 📅 Ünïcode\",\"type\":2,"
            + "\"start_time\":\"2024-06-10T06:13:20Z\",\"timezone\":\"Asia/Shanghai\",\"duration\":60}}}";
    static final String STARTED_SIGNATURE = "v0=a6d62e15c7cd8ab694baa05c48a840d30c2947abbe44c1eccc32a9338fb7356f";
    static final String VALIDATION = "{\"payload\":{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\"},\"event_ts\":1718000000456,\"event\":\"endpoint.url_validation\"}";
    static final String VALIDATION_SIGNATURE = "v0=9829a62166463e54400dd2eddc35892336d016066143d973adfa4c3f60e20e61";
    static final String ENCRYPTED_TOKEN = "e1a7584b06f47eb632967c759f792f4f9b4ba3f12a3e3c9b57f6f1cd27cc8b0e";

    private static EventRequest signed(String body, String signature, long timestamp) {
        return EventRequest.builder("zoom").method("POST").header("X-Zm-Signature", signature)
                .header("x-zm-request-timestamp", Long.toString(timestamp)).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    @Test
    void aSignedEventWithANonAsciiTopicIsVerifiedOverItsRawBytes() {
        EventResult r = Pushes.receiver(Pushes.at(TS)).receive(signed(STARTED, STARTED_SIGNATURE, TS));

        assertThat(r).isInstanceOf(EventResult.Accepted.class);
        assertThat(r.status()).isEqualTo(200);
        Event e = ((EventResult.Accepted) r).event();
        assertThat(e.change()).isEqualTo(Change.STARTED);
        assertThat(e.vendorEvent()).isEqualTo("meeting.started");
        assertThat(e.sessionId().toString()).isEqualTo("zoom:meeting:85746065432");
        assertThat(e.kindKnown()).isTrue();
        assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochMilli(1718000000123L));
        assertThat(e.dedupKey()).isEqualTo("zoom:meeting.started:1718000000123:4444AAAiAAAAAiAiAiiAii==");
        assertThat(e.payload()).isEqualTo(STARTED);
    }

    @Test
    void urlValidationIsAnsweredWithTheTokenAndItsHmac() {
        EventResult r = Pushes.receiver(Pushes.at(TS)).receive(signed(VALIDATION, VALIDATION_SIGNATURE, TS));

        assertThat(r).isInstanceOf(EventResult.Challenge.class);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.body()).isEqualTo("{\"plainToken\":\"qgg8vlvZRS6UYooatFL8Aw\",\"encryptedToken\":\"" + ENCRYPTED_TOKEN + "\"}");
        // the validation is signed like any event: a forged one gets no HMAC of the attacker's choosing
        assertRejected(Pushes.receiver(Pushes.at(TS)).receive(signed(VALIDATION, STARTED_SIGNATURE, TS)), Reason.BAD_SIGNATURE);
    }

    @Test
    void oneByteChangedAForgedSignatureOrAReSerialisedBodyIsRefused() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(TS));
        assertRejected(receiver.receive(signed(STARTED.replace("85746065432", "85746065433"), STARTED_SIGNATURE, TS)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(signed(STARTED, STARTED_SIGNATURE.replace("v0=a", "v0=b"), TS)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(signed(STARTED, "v1=" + STARTED_SIGNATURE.substring(3), TS)), Reason.BAD_SIGNATURE);
        // the topic escaped as \\u sequences is the same JSON, but not the bytes Zoom signed
        String escaped = STARTED.replace("周会", "\\u5468\\u4f1a");
        assertRejected(receiver.receive(signed(escaped, STARTED_SIGNATURE, TS)), Reason.BAD_SIGNATURE);
        // signed with another secret, and a timestamp changed after signing
        assertRejected(receiver.receive(Pushes.zoomPost("other-secret", STARTED.getBytes(StandardCharsets.UTF_8), TS)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(signed(STARTED, STARTED_SIGNATURE, TS + 1)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(EventRequest.builder("zoom").method("POST").body(STARTED.getBytes(StandardCharsets.UTF_8)).build()),
                Reason.MALFORMED);
    }

    @Test
    void staleTimestampsAreRefused() {
        assertRejected(Pushes.receiver(Pushes.at(TS + 301)).receive(signed(STARTED, STARTED_SIGNATURE, TS)), Reason.STALE_TIMESTAMP);
        assertRejected(Pushes.receiver(Pushes.at(TS - 301)).receive(signed(STARTED, STARTED_SIGNATURE, TS)), Reason.STALE_TIMESTAMP);
        assertThat(Pushes.receiver(Pushes.at(TS + 290), "convene.events.max-skew", "PT10S", "convene.zoom.event-max-skew", "PT5M")
                .receive(signed(STARTED, STARTED_SIGNATURE, TS))).isInstanceOf(EventResult.Accepted.class);
        assertRejected(Pushes.receiver(Pushes.at(TS + 11), "convene.events.max-skew", "PT10S")
                .receive(signed(STARTED, STARTED_SIGNATURE, TS)), Reason.STALE_TIMESTAMP);
        EventRequest notATime = EventRequest.builder("zoom").method("POST").header("x-zm-signature", STARTED_SIGNATURE)
                .header("x-zm-request-timestamp", "soon").body(STARTED.getBytes(StandardCharsets.UTF_8)).build();
        assertRejected(Pushes.receiver(Pushes.at(TS)).receive(notATime), Reason.MALFORMED);
    }

    @Test
    void theSameDeliveryTwiceIsADuplicate() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(TS));
        assertThat(receiver.receive(signed(STARTED, STARTED_SIGNATURE, TS))).isInstanceOf(EventResult.Accepted.class);
        // Zoom's retry, signed again a little later with the same event
        EventResult retry = receiver.receive(Pushes.zoomPost(STARTED, TS + 2));
        assertThat(retry).isInstanceOf(EventResult.Duplicate.class);
        assertThat(retry.status()).isEqualTo(200);
        // validations are not events: answered every time
        assertThat(receiver.receive(signed(VALIDATION, VALIDATION_SIGNATURE, TS))).isInstanceOf(EventResult.Challenge.class);
        assertThat(receiver.receive(signed(VALIDATION, VALIDATION_SIGNATURE, TS))).isInstanceOf(EventResult.Challenge.class);
    }

    @Test
    void participantsMakeTheirOwnKeys() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(TS));
        String joined = "{\"event\":\"webinar.participant_joined\",\"event_ts\":1718000000999,\"payload\":{\"object\":{\"id\":\"91234567890\","
                + "\"uuid\":\"w-uuid\",\"participant\":{\"user_id\":\"16778240\",\"participant_uuid\":\"P-UUID-%s\",\"user_name\":\"李雷\"}}}}";
        Event a = ((EventResult.Accepted) receiver.receive(Pushes.zoomPost(joined.formatted("A"), TS))).event();
        Event b = ((EventResult.Accepted) receiver.receive(Pushes.zoomPost(joined.formatted("B"), TS))).event();
        assertThat(a.dedupKey()).isEqualTo("zoom:webinar.participant_joined:1718000000999:w-uuid:P-UUID-A");
        assertThat(b.dedupKey()).endsWith(":P-UUID-B");
        assertThat(a.change()).isEqualTo(Change.PARTICIPANT_JOINED);
        assertThat(a.sessionId().toString()).isEqualTo("zoom:webinar:91234567890");
    }

    @Test
    void eventNamesMapToNeutralChangesAndUnknownOnesAreAccepted() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(TS));
        String id = "\"id\":123456789";
        String[][] cases = {
                {"meeting.created", "{" + id + "}", "CREATED", "meeting"}, {"webinar.updated", "{" + id + "}", "UPDATED", "webinar"},
                {"meeting.deleted", "{" + id + "}", "CANCELLED", "meeting"}, {"webinar.deleted", "{" + id + "}", "CANCELLED", "webinar"},
                {"meeting.deleted", "{" + id + ",\"occurrences\":[{\"occurrence_id\":\"1648194360000\"}]}", "UPDATED", "meeting"},
                {"meeting.permanently_deleted", "{" + id + "}", "CANCELLED", "meeting"}, {"meeting.recovered", "{" + id + "}", "UPDATED", "meeting"},
                {"meeting.ended", "{" + id + "}", "ENDED", "meeting"}, {"webinar.started", "{" + id + "}", "STARTED", "webinar"},
                {"meeting.participant_left", "{" + id + "}", "PARTICIPANT_LEFT", "meeting"},
                {"meeting.registration_created", "{" + id + "}", "REGISTRATION", "meeting"},
                {"webinar.registration_approved", "{" + id + "}", "REGISTRATION", "webinar"},
                {"meeting.live_streaming_started", "{" + id + "}", "LIVE_STATUS", "meeting"},
                {"recording.completed", "{" + id + ",\"type\":2}", "RECORDING_READY", "meeting"},
                {"recording.completed", "{" + id + ",\"type\":5}", "RECORDING_READY", "webinar"},
                {"recording.started", "{" + id + ",\"type\":9}", "OTHER", "webinar"},
                {"meeting.some_future_event", "{" + id + "}", "OTHER", "meeting"}, {"brand.new.thing", "{" + id + "}", "OTHER", null}};
        int n = 0;
        for (String[] c : cases) {
            String json = "{\"event\":\"" + c[0] + "\",\"event_ts\":" + (1718000000000L + n++) + ",\"payload\":{\"object\":" + c[1] + "}}";
            EventResult r = receiver.receive(Pushes.zoomPost(json, TS));
            assertThat(r).as(json).isInstanceOf(EventResult.Accepted.class);
            Event e = ((EventResult.Accepted) r).event();
            assertThat(e.change()).as(json).isEqualTo(Change.valueOf(c[2]));
            assertThat(e.sessionId() == null ? null : e.sessionId().kind().wireName()).as(json).isEqualTo(c[3]);
        }
        // a recording without a type could be either
        Event untyped = ((EventResult.Accepted) receiver.receive(Pushes.zoomPost(
                "{\"event\":\"recording.completed\",\"event_ts\":1,\"payload\":{\"object\":{\"id\":42}}}", TS))).event();
        assertThat(untyped.possibleKinds()).containsExactly(SessionKind.MEETING, SessionKind.WEBINAR);
        // app_deauthorized names no session
        Event deauthorized = ((EventResult.Accepted) receiver.receive(Pushes.zoomPost(
                "{\"event\":\"app_deauthorized\",\"event_ts\":2,\"payload\":{\"user_id\":\"u1\"}}", TS))).event();
        assertThat(deauthorized.sessionId()).isNull();
        assertThat(deauthorized.change()).isEqualTo(Change.OTHER);
    }

    @Test
    void malformedMethodsAndBodiesAreRefused() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(TS));
        assertRejected(receiver.receive(EventRequest.builder("zoom").method("GET").build()), Reason.METHOD_NOT_ALLOWED);
        assertRejected(receiver.receive(Pushes.zoomPost("not json", TS)), Reason.MALFORMED);
        assertRejected(receiver.receive(Pushes.zoomPost("{\"payload\":{}}", TS)), Reason.MALFORMED);
        assertRejected(receiver.receive(Pushes.zoomPost("{\"event\":\"a\",\"event\":\"b\"}", TS)), Reason.MALFORMED);
        assertRejected(receiver.receive(Pushes.zoomPost("{\"event\":\"endpoint.url_validation\",\"payload\":{}}", TS)), Reason.MALFORMED);
        assertRejected(receiver.receive(EventRequest.builder("teams").method("POST").build()), Reason.UNKNOWN_PROVIDER);
        byte[] big = ("{\"event\":\"x\",\"pad\":\"" + "y".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRejected(receiver.receive(Pushes.zoomPost(ZOOM_SECRET, big, TS)), Reason.BODY_TOO_LARGE);
    }
}
