package dev.convene.events;

import static dev.convene.events.Pushes.TENCENT_AES;
import static dev.convene.events.Pushes.TENCENT_TOKEN;
import static dev.convene.events.WeComEventsTest.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionKind;
import dev.convene.events.EventResult.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Tencent Meeting event subscriptions against doc 51612's official vector (events.md §3), and its negative twins. */
class TencentEventsTest {
    static final String TS = "1609239040864";
    static final String DATA = "eyJldmVudCI6Im1lZXRpbmcuY3JlYXRlZCIsInVuaXF1ZV9zZXF1ZW5jZSI6ImYyMDA5NmVlLThhYzgtNGRmMi1hN2RlLTA1NzQ2NDlmMjExYiIsInBheWxvYWQiOlt7Im9wZXJhdGVfdGltZSI6IjIwMjAtMTItMjkgMTc6NDE6MDYiLCJvcGVyYXRvciI6eyJ1c2VyaWQiOiJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJ9LCJtZWV0aW5nX2luZm8iOnsibWVldGluZ19pZCI6IjYwNTg4OTAzODU0ODA5MjEwNTIiLCJtZWV0aW5nX2NvZGUiOiI1MzA4MTI0NTIiLCJzdWJqZWN0IjoibWVkaWEgdGVzdGVyIG1lZXRpbmciLCJjcmVhdG9yX2lkIjoidGVzdGVyMDAwMDZiYTViYWIzMzk4NThjMTNjOTMwY2NhOTU2ODQiLCJob3N0cyI6WyJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJdLCJtZWV0aW5nX3R5cGUiOjAsInN0YXJ0X3RpbWUiOiIyMDIwLTEyLTI5IDE3OjQxOjA0IiwiZW5kX3RpbWUiOiIyMDIwLTEyLTI5IDE4OjAxOjA0In19XX0";
    static final String SIGNATURE = "b11e507817336a91d7df0c8536ee2aca18bbbae8";
    static final Clock AT_VECTOR = Clock.fixed(Instant.ofEpochMilli(1609239040864L), ZoneOffset.UTC);

    private static EventRequest official(String signature, String data) {
        return EventRequest.builder("tencentmeeting").method("POST")
                .header("Timestamp", TS).header("NONCE", "14964161").header("signature", signature)
                .body(("{\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8)).build();
    }

    private static EventRequest urlCheck(String checkStr, String timestamp) {
        String nonce = "42";
        return EventRequest.builder("tencentmeeting").method("GET")
                .rawQuery("check_str=" + java.net.URLEncoder.encode(checkStr, StandardCharsets.UTF_8))
                .header("timestamp", timestamp).header("nonce", nonce)
                .header("signature", Pushes.sha1Sorted(TENCENT_TOKEN, timestamp, nonce, checkStr)).build();
    }

    @Test
    void officialVectorIsAMeetingCreatedEvent() {
        EventResult r = Pushes.receiver(AT_VECTOR).receive(official(SIGNATURE, DATA));

        assertThat(r).isInstanceOf(EventResult.Accepted.class);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("successfully received callback");
        Event e = ((EventResult.Accepted) r).event();
        assertThat(e.vendorEvent()).isEqualTo("meeting.created");
        assertThat(e.change()).isEqualTo(Change.CREATED);
        assertThat(e.sessionId().toString()).isEqualTo("tencentmeeting:meeting:6058890385480921052");
        assertThat(e.possibleKinds()).containsExactly(SessionKind.MEETING, SessionKind.LIVE_STREAM);
        assertThat(e.kindKnown()).isFalse();
        assertThat(e.dedupKey()).isEqualTo("tencentmeeting:f20096ee-8ac8-4df2-a7de-0574649f211b");
        // operate_time "2020-12-29 17:41:06" is Beijing time
        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2020-12-29T09:41:06Z"));
        assertThat(e.payload()).startsWith("{\"event\":\"meeting.created\"").contains("media tester meeting");
    }

    @Test
    void oneByteChangedOrAForgedSignatureIsRefused() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR);
        String changed = DATA.substring(0, 20) + (DATA.charAt(20) == 'A' ? 'B' : 'A') + DATA.substring(21);
        assertRejected(receiver.receive(official(SIGNATURE, changed)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(official("0" + SIGNATURE.substring(1), DATA)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(official("", DATA)), Reason.MALFORMED);
        // signed with another token
        assertRejected(receiver.receive(official(Pushes.sha1Sorted("x".repeat(25), TS, "14964161", DATA), DATA)), Reason.BAD_SIGNATURE);
    }

    @Test
    void staleTimestampsAreRefusedInMillisecondsAndInSeconds() {
        Clock sixMinutesLater = Clock.offset(AT_VECTOR, java.time.Duration.ofMinutes(6));
        assertRejected(Pushes.receiver(sixMinutesLater).receive(official(SIGNATURE, DATA)), Reason.STALE_TIMESTAMP);
        assertThat(Pushes.receiver(Clock.offset(AT_VECTOR, java.time.Duration.ofMinutes(4))).receive(official(SIGNATURE, DATA)))
                .isInstanceOf(EventResult.Accepted.class);
        // a timestamp in seconds is read as seconds
        String json = "{\"event\":\"meeting.started\",\"trace_id\":\"t-1\",\"payload\":[{\"operate_time\":1609239040000,"
                + "\"meeting_info\":{\"meeting_id\":\"123\",\"meeting_type\":1}}]}";
        assertThat(Pushes.receiver(AT_VECTOR).receive(Pushes.tencentPost(Pushes.base64(json), "1609239040")))
                .isInstanceOf(EventResult.Accepted.class);
        assertRejected(Pushes.receiver(AT_VECTOR).receive(Pushes.tencentPost(Pushes.base64(json), "1609238000")), Reason.STALE_TIMESTAMP);
    }

    @Test
    void aReplayIsADuplicate() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR);
        assertThat(receiver.receive(official(SIGNATURE, DATA))).isInstanceOf(EventResult.Accepted.class);
        EventResult again = receiver.receive(official(SIGNATURE, DATA));
        assertThat(again).isInstanceOf(EventResult.Duplicate.class);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("successfully received callback");
        assertThat(((EventResult.Duplicate) again).dedupKey()).isEqualTo("tencentmeeting:f20096ee-8ac8-4df2-a7de-0574649f211b");
    }

    @Test
    void urlCheckAndHeartbeatAnswerTheDecodedCheckStr() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR);
        EventResult r = receiver.receive(urlCheck(Pushes.base64("hello-腾讯会议"), TS));
        assertThat(r).isInstanceOf(EventResult.Challenge.class);
        assertThat(r.body()).isEqualTo("hello-腾讯会议");
        assertThat(receiver.receive(urlCheck(Pushes.base64("hello-腾讯会议"), TS)).body()).isEqualTo("hello-腾讯会议");
        // forged and stale twins
        EventRequest forged = EventRequest.builder("tencentmeeting").method("GET").rawQuery("check_str=" + Pushes.base64("x"))
                .header("timestamp", TS).header("nonce", "1").header("signature", SIGNATURE).build();
        assertRejected(receiver.receive(forged), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(urlCheck(Pushes.base64("x"), "1609230000000")), Reason.STALE_TIMESTAMP);
    }

    @Test
    void encryptedEventsAndUrlChecksDecryptWithTheEventAesKey() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR, "convene.tencentmeeting.event-aes-key", TENCENT_AES);
        String json = new String(Base64.getDecoder().decode(DATA), StandardCharsets.UTF_8);
        String encrypted = Base64.getEncoder().encodeToString(Pushes.aes(TENCENT_AES, json.getBytes(StandardCharsets.UTF_8), "AES/CBC/PKCS5Padding"));
        EventResult r = receiver.receive(Pushes.tencentPost(encrypted, TS));
        assertThat(((EventResult.Accepted) r).event().sessionId().nativeId()).isEqualTo("6058890385480921052");

        String check = Base64.getEncoder().encodeToString(Pushes.aes(TENCENT_AES, "echo-me".getBytes(StandardCharsets.UTF_8), "AES/CBC/PKCS5Padding"));
        assertThat(receiver.receive(urlCheck(check, TS)).body()).isEqualTo("echo-me");

        // bad padding: the right key, a last block that does not end in PKCS#7
        byte[] raw = Pushes.aes(TENCENT_AES, "0123456789abcde\u0007".getBytes(StandardCharsets.US_ASCII), "AES/CBC/NoPadding");
        assertRejected(receiver.receive(Pushes.tencentPost(Base64.getEncoder().encodeToString(raw), TS)), Reason.BAD_ENCRYPTION);
        // Base64 only, where encryption is expected
        assertRejected(receiver.receive(Pushes.tencentPost(Pushes.base64("{\"event\":\"meeting.created\"}"), TS)), Reason.BAD_ENCRYPTION);
    }

    @Test
    void eventNamesMapToNeutralChangesAndUnknownOnesAreAccepted() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR);
        String[][] cases = {{"meeting.updated", "UPDATED"}, {"meeting.canceled", "CANCELLED"}, {"meeting.started", "STARTED"},
                {"meeting.end", "ENDED"}, {"meeting.participant-joined", "PARTICIPANT_JOINED"}, {"meeting.participant-left", "PARTICIPANT_LEFT"},
                {"recording.completed", "RECORDING_READY"}, {"recording.deleted", "OTHER"}, {"meeting.something-new", "OTHER"}};
        int n = 0;
        for (String[] c : cases) {
            String json = "{\"event\":\"" + c[0] + "\",\"trace_id\":\"trace-" + (n++) + "\",\"payload\":[{\"operate_time\":1609239040000,"
                    + "\"meeting_info\":{\"meeting_id\":\"9007199254740993123\",\"meeting_type\":6,\"subject\":\"周会 📅\"}}]}";
            EventResult r = receiver.receive(Pushes.tencentPost(Pushes.base64(json), TS));
            assertThat(r).as(c[0]).isInstanceOf(EventResult.Accepted.class);
            Event e = ((EventResult.Accepted) r).event();
            assertThat(e.change()).as(c[0]).isEqualTo(Change.valueOf(c[1]));
            // meeting_type 6 is a webinar; the 19-digit id keeps every digit
            assertThat(e.sessionId().toString()).isEqualTo("tencentmeeting:webinar:9007199254740993123");
            assertThat(e.kindKnown()).isTrue();
            assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochMilli(1609239040000L));
            assertThat(e.payload()).contains("周会 📅");
        }
    }

    @Test
    void malformedAndOversizedBodiesAreRefused() {
        EventReceiver receiver = Pushes.receiver(AT_VECTOR, "convene.events.max-body-bytes", "1024");
        String big = Pushes.base64("{\"event\":\"meeting.updated\",\"trace_id\":\"" + "x".repeat(1024) + "\"}");
        assertRejected(receiver.receive(Pushes.tencentPost(big, TS)), Reason.BODY_TOO_LARGE);
        assertThat(Pushes.receiver(AT_VECTOR).receive(Pushes.tencentPost(big, TS))).isInstanceOf(EventResult.Accepted.class);
        EventReceiver normal = Pushes.receiver(AT_VECTOR);
        EventRequest notJson = EventRequest.builder("tencentmeeting").method("POST").header("timestamp", TS).header("nonce", "1")
                .header("signature", SIGNATURE).body("data=abc".getBytes(StandardCharsets.UTF_8)).build();
        assertRejected(normal.receive(notJson), Reason.MALFORMED);
        assertRejected(normal.receive(Pushes.tencentPost("not base64 !!", TS)), Reason.MALFORMED);
        assertRejected(normal.receive(Pushes.tencentPost(Pushes.base64("[1,2]"), TS)), Reason.MALFORMED);
        assertRejected(normal.receive(EventRequest.builder("tencentmeeting").method("DELETE").build()), Reason.METHOD_NOT_ALLOWED);
    }
}
