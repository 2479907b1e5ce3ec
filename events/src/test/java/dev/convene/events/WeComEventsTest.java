package dev.convene.events;

import static dev.convene.events.Pushes.WECOM_AES;
import static dev.convene.events.Pushes.WECOM_CORP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionKind;
import dev.convene.events.EventResult.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** WeCom callbacks against doc 90968's official vectors (events.md §2), and each one's negative twins. */
class WeComEventsTest {
    static final long POST_TS = 1409659813L;
    static final String POST_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    static final String POST_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final long CHECK_TS = 1409659589L;
    static final String ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String CHECK_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";

    private static EventRequest officialPost(String signature, String encrypt) {
        return EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + signature + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body(Pushes.wecomBody(encrypt).getBytes(StandardCharsets.UTF_8)).build();
    }

    private static EventRequest officialUrlCheck(String rawEchostr, String signature) {
        return EventRequest.builder("wecom").method("GET")
                .rawQuery("msg_signature=" + signature + "&timestamp=" + CHECK_TS + "&nonce=263014780&echostr=" + rawEchostr).build();
    }

    private static String urlEncoded(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void officialPostVectorDecryptsToTheHelloMessage() {
        EventResult r = Pushes.receiver(Pushes.at(POST_TS)).receive(officialPost(POST_SIGNATURE, POST_ENCRYPT));

        assertThat(r).isInstanceOf(EventResult.Accepted.class);
        assertThat(r.status()).isEqualTo(200);
        Event e = ((EventResult.Accepted) r).event();
        assertThat(e.payload()).contains("<Content><![CDATA[hello]]></Content>").contains("<MsgId>4561255354251345929</MsgId>")
                .contains("<AgentID>218</AgentID>");
        assertThat(e.vendorEvent()).isEqualTo("text");
        assertThat(e.change()).isEqualTo(Change.OTHER);
        assertThat(e.sessionId()).isNull();
        assertThat(e.possibleKinds()).isEmpty();
        assertThat(e.dedupKey()).startsWith("wecom:").hasSize("wecom:".length() + 32);
        assertThat(e.provider()).isEqualTo("wecom");
        assertThat(e.tenant()).isNull();
    }

    @Test
    void officialUrlCheckAnswersThePlaintextAlone() {
        EventResult r = Pushes.receiver(Pushes.at(CHECK_TS)).receive(officialUrlCheck(urlEncoded(ECHOSTR), CHECK_SIGNATURE));

        assertThat(r).isInstanceOf(EventResult.Challenge.class);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("1616140317555161061");
        assertThat(r.contentType()).startsWith("text/plain");
    }

    @Test
    void urlCheckSurvivesAPlusSentUnescapedOrDecodedToASpace() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(CHECK_TS));
        // sent without escaping: a plus stays a plus
        assertThat(receiver.receive(officialUrlCheck(ECHOSTR, CHECK_SIGNATURE)).body()).isEqualTo("1616140317555161061");
        // a framework decoded '+' to ' ' before handing the value over
        EventRequest decodedBySomeone = EventRequest.builder("wecom").method("GET").query("msg_signature", CHECK_SIGNATURE)
                .query("timestamp", Long.toString(CHECK_TS)).query("nonce", "263014780").query("echostr", ECHOSTR.replace('+', ' ')).build();
        assertThat(receiver.receive(decodedBySomeone).body()).isEqualTo("1616140317555161061");
    }

    @Test
    void oneByteChangedInTheEncryptedTextIsABadSignature() {
        String changed = (POST_ENCRYPT.charAt(10) == 'A' ? "B" : "A");
        changed = POST_ENCRYPT.substring(0, 10) + changed + POST_ENCRYPT.substring(11);
        assertRejected(Pushes.receiver(Pushes.at(POST_TS)).receive(officialPost(POST_SIGNATURE, changed)), Reason.BAD_SIGNATURE);
    }

    @Test
    void forgedSignaturesAreRefused() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String flipped = "5" + POST_SIGNATURE.substring(1);
        assertRejected(receiver.receive(officialPost(flipped, POST_ENCRYPT)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(officialPost(POST_SIGNATURE.substring(0, 39), POST_ENCRYPT)), Reason.BAD_SIGNATURE);
        assertRejected(receiver.receive(officialUrlCheck(urlEncoded(ECHOSTR), flipped)), Reason.BAD_SIGNATURE);
        // signed with another token
        String other = Pushes.sha1Sorted("another", Long.toString(POST_TS), "1372623149", POST_ENCRYPT);
        assertRejected(receiver.receive(officialPost(other, POST_ENCRYPT)), Reason.BAD_SIGNATURE);
        // upper-case hex of the right signature is the same signature
        assertThat(receiver.receive(officialPost(POST_SIGNATURE.toUpperCase(), POST_ENCRYPT))).isInstanceOf(EventResult.Accepted.class);
    }

    @Test
    void staleTimestampsAreRefusedBothWays() {
        assertRejected(Pushes.receiver(Pushes.at(POST_TS + 301)).receive(officialPost(POST_SIGNATURE, POST_ENCRYPT)), Reason.STALE_TIMESTAMP);
        assertRejected(Pushes.receiver(Pushes.at(POST_TS - 301)).receive(officialPost(POST_SIGNATURE, POST_ENCRYPT)), Reason.STALE_TIMESTAMP);
        assertRejected(Pushes.receiver(Pushes.at(CHECK_TS + 3600)).receive(officialUrlCheck(urlEncoded(ECHOSTR), CHECK_SIGNATURE)),
                Reason.STALE_TIMESTAMP);
        // at the edge of the window, and with a wider window configured
        assertThat(Pushes.receiver(Pushes.at(POST_TS + 300)).receive(officialPost(POST_SIGNATURE, POST_ENCRYPT)))
                .isInstanceOf(EventResult.Accepted.class);
        assertThat(Pushes.receiver(Pushes.at(POST_TS + 3000), "convene.wecom.event-max-skew", "PT1H")
                .receive(officialPost(POST_SIGNATURE, POST_ENCRYPT))).isInstanceOf(EventResult.Accepted.class);
    }

    @Test
    void aMessageForAnotherReceiveIdIsRefused() {
        assertRejected(Pushes.receiver(Pushes.at(POST_TS), "convene.wecom.corp-id", "ww0000000000000000")
                .receive(officialPost(POST_SIGNATURE, POST_ENCRYPT)), Reason.WRONG_RECEIVER);
        assertRejected(Pushes.receiver(Pushes.at(CHECK_TS), "convene.wecom.corp-id", "wx5823bf96d3bd56c")
                .receive(officialUrlCheck(urlEncoded(ECHOSTR), CHECK_SIGNATURE)), Reason.WRONG_RECEIVER);
        // signed correctly by the same token, encrypted for another corp
        EventResult r = Pushes.receiver(Pushes.at(POST_TS)).receive(Pushes.wecomPost(Pushes.meetingChange("modify_meeting", "m1", POST_TS), POST_TS, "ww-other-corp"));
        assertRejected(r, Reason.WRONG_RECEIVER);
    }

    @Test
    void badPaddingIsRefusedNotReadAsZero() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String msg = Pushes.meetingChange("modify_meeting", "m1", POST_TS);
        for (int pad : new int[] {0, 33, 200}) {
            assertRejected(receiver.receive(Pushes.wecomPost(Pushes.wecomEncrypt(WECOM_AES, msg, WECOM_CORP, pad), POST_TS)), Reason.BAD_ENCRYPTION);
        }
        // the right last byte but an inconsistent pad before it: build one whose pad is 2 with bytes (1, 2)
        String sized = msg + "x".repeat(Math.floorMod(30 - (16 + 4 + msg.length() + WECOM_CORP.length()), 32));
        String twoPad = Pushes.wecomEncrypt(WECOM_AES, sized, WECOM_CORP, -1);
        byte[] plain = decryptRaw(twoPad);
        assertThat(plain[plain.length - 1]).isEqualTo((byte) 2);
        plain[plain.length - 2] = 1;
        String inconsistent = Base64.getEncoder().encodeToString(Pushes.aes(WECOM_AES, plain, "AES/CBC/NoPadding"));
        assertRejected(receiver.receive(Pushes.wecomPost(inconsistent, POST_TS)), Reason.BAD_ENCRYPTION);
        // a length field beyond the content
        plain = decryptRaw(twoPad);
        plain[16] = 0x7f;
        String overlong = Base64.getEncoder().encodeToString(Pushes.aes(WECOM_AES, plain, "AES/CBC/NoPadding"));
        assertRejected(receiver.receive(Pushes.wecomPost(overlong, POST_TS)), Reason.BAD_ENCRYPTION);
    }

    private static byte[] decryptRaw(String base64) {
        byte[] key = Base64.getDecoder().decode(WECOM_AES + "=");
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/NoPadding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "AES"),
                    new javax.crypto.spec.IvParameterSpec(java.util.Arrays.copyOf(key, 16)));
            return c.doFinal(Base64.getDecoder().decode(base64));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oversizedBodiesAreRefusedBeforeAnyWork() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS), "convene.events.max-body-bytes", "2048");
        String padded = Pushes.wecomBody(POST_ENCRYPT).replace("<AgentID>", "<Pad>" + "x".repeat(2048) + "</Pad><AgentID>");
        EventRequest big = EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body(padded.getBytes(StandardCharsets.UTF_8)).build();
        EventResult r = receiver.receive(big);
        assertRejected(r, Reason.BODY_TOO_LARGE);
        assertThat(r.status()).isEqualTo(413);
    }

    @Test
    void xxeAttemptsAreRefusedOutsideAndInsideTheEncryption() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String outer = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<xml><ToUserName>&xxe;</ToUserName><Encrypt><![CDATA[" + POST_ENCRYPT + "]]></Encrypt></xml>";
        EventRequest request = EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body(outer.getBytes(StandardCharsets.UTF_8)).build();
        assertRejected(receiver.receive(request), Reason.FORBIDDEN_XML);

        // a billion-laughs DOCTYPE without external entities
        String laughs = "<!DOCTYPE xml [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><xml><Encrypt>&b;</Encrypt></xml>";
        assertRejected(receiver.receive(EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body(laughs.getBytes(StandardCharsets.UTF_8)).build()), Reason.FORBIDDEN_XML);

        // properly signed and encrypted, with the attack inside the message
        String inner = "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]><xml><MsgType>event</MsgType>"
                + "<Event>meeting_change</Event><MeetingId>&xxe;</MeetingId></xml>";
        assertRejected(receiver.receive(Pushes.wecomPost(inner, POST_TS, WECOM_CORP)), Reason.FORBIDDEN_XML);
    }

    @Test
    void malformedRequestsSayWhatIsMissing() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        EventResult noSignature = receiver.receive(EventRequest.builder("wecom").method("POST").rawQuery("timestamp=1&nonce=2")
                .body(Pushes.wecomBody(POST_ENCRYPT).getBytes(StandardCharsets.UTF_8)).build());
        assertRejected(noSignature, Reason.MALFORMED);
        assertThat(((EventResult.Rejected) noSignature).message()).contains("msg_signature");
        EventResult noEncrypt = receiver.receive(EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body("<xml><ToUserName>x</ToUserName></xml>".getBytes(StandardCharsets.UTF_8)).build());
        assertRejected(noEncrypt, Reason.MALFORMED);
        assertThat(((EventResult.Rejected) noEncrypt).message()).contains("Encrypt");
        assertRejected(receiver.receive(EventRequest.builder("wecom").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body("<xml><Encrypt>".getBytes(StandardCharsets.UTF_8)).build()), Reason.MALFORMED);
        assertRejected(receiver.receive(EventRequest.builder("wecom").method("PUT").build()), Reason.METHOD_NOT_ALLOWED);
        assertRejected(receiver.receive(EventRequest.builder("wecom").method("GET").rawQuery("echostr=%zz").build()), Reason.MALFORMED);
    }

    @Test
    void aReplayIsADuplicateAnsweredWithTwoHundred() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        assertThat(receiver.receive(officialPost(POST_SIGNATURE, POST_ENCRYPT))).isInstanceOf(EventResult.Accepted.class);
        EventResult again = receiver.receive(officialPost(POST_SIGNATURE, POST_ENCRYPT));
        assertThat(again).isInstanceOf(EventResult.Duplicate.class);
        assertThat(again.status()).isEqualTo(200);
        // the URL check is not an event: it may come any number of times (224 s before POST_TS, inside the window)
        assertThat(receiver.receive(officialUrlCheck(urlEncoded(ECHOSTR), CHECK_SIGNATURE))).isInstanceOf(EventResult.Challenge.class);
        assertThat(receiver.receive(officialUrlCheck(urlEncoded(ECHOSTR), CHECK_SIGNATURE))).isInstanceOf(EventResult.Challenge.class);
    }

    @Test
    void meetingChangesBecomeNeutralEventsWhoseKindIsSaidToBeUncertain() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String[][] cases = {
                {"modify_meeting", "UPDATED"}, {"cancel_meeting", "CANCELLED"}, {"meeting_start", "STARTED"}, {"meeting_end", "ENDED"},
                {"join_meeting", "PARTICIPANT_JOINED"}, {"quit_meeting", "PARTICIPANT_LEFT"}, {"recording_complete", "RECORDING_READY"},
                {"enroll", "REGISTRATION"}, {"cancel_enroll", "REGISTRATION"}, {"start_recording", "OTHER"}, {"brand_new_change", "OTHER"}};
        for (String[] c : cases) {
            EventResult r = receiver.receive(Pushes.wecomPost(Pushes.meetingChange(c[0], "hyRJX2CQAAz-" + c[0], POST_TS - 7), POST_TS, WECOM_CORP));
            assertThat(r).as(c[0]).isInstanceOf(EventResult.Accepted.class);
            Event e = ((EventResult.Accepted) r).event();
            assertThat(e.change()).as(c[0]).isEqualTo(Change.valueOf(c[1]));
            assertThat(e.vendorEvent()).isEqualTo("meeting_change/" + c[0]);
            assertThat(e.sessionId().toString()).isEqualTo("wecom:meeting:hyRJX2CQAAz-" + c[0]);
            assertThat(e.kindKnown()).isFalse();
            assertThat(e.possibleKinds()).containsExactly(SessionKind.MEETING, SessionKind.WEBINAR);
            assertThat(e.occurredAt()).isEqualTo(Instant.ofEpochSecond(POST_TS - 7));
        }
    }

    @Test
    void livingStatusChangesAreLiveStreamsWhoseStatusNamesTheChange() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String[][] cases = {{"1", "STARTED"}, {"2", "ENDED"}, {"4", "CANCELLED"}, {"0", "LIVE_STATUS"}, {"3", "LIVE_STATUS"}};
        for (String[] c : cases) {
            String msg = "<xml><ToUserName>" + WECOM_CORP + "</ToUserName><CreateTime>" + POST_TS + "</CreateTime><MsgType>event</MsgType>"
                    + "<Event>living_status_change</Event><LivingId>lv-" + c[0] + "</LivingId><Status>" + c[0] + "</Status></xml>";
            Event e = ((EventResult.Accepted) receiver.receive(Pushes.wecomPost(msg, POST_TS, WECOM_CORP))).event();
            assertThat(e.change()).isEqualTo(Change.valueOf(c[1]));
            assertThat(e.sessionId().toString()).isEqualTo("wecom:live_stream:lv-" + c[0]);
            assertThat(e.kindKnown()).isTrue();
            assertThat(e.vendorEvent()).isEqualTo("living_status_change");
        }
    }

    @Test
    void nonAsciiMessagesAndUnknownEventsAreAccepted() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        String msg = "<xml><ToUserName>" + WECOM_CORP + "</ToUserName><CreateTime>" + POST_TS + "</CreateTime><MsgType>event</MsgType>"
                + "<Event>some_future_event</Event><Title><![CDATA[周会 📅 Ünïcode]]></Title></xml>";
        EventResult r = receiver.receive(Pushes.wecomPost(msg, POST_TS, WECOM_CORP));
        assertThat(r).isInstanceOf(EventResult.Accepted.class);
        Event e = ((EventResult.Accepted) r).event();
        assertThat(e.change()).isEqualTo(Change.OTHER);
        assertThat(e.vendorEvent()).isEqualTo("some_future_event");
        assertThat(e.payload()).contains("周会 📅 Ünïcode");
    }

    @Test
    void tenantsKeepTheirDeliveriesApart() {
        EventReceiver receiver = Pushes.receiver(Pushes.at(POST_TS));
        EventRequest plain = officialPost(POST_SIGNATURE, POST_ENCRYPT);
        EventRequest forA = EventRequest.builder("wecom").tenant("a").method("POST")
                .rawQuery("msg_signature=" + POST_SIGNATURE + "&timestamp=" + POST_TS + "&nonce=1372623149")
                .body(plain.body()).build();
        EventResult first = receiver.receive(forA);
        assertThat(((EventResult.Accepted) first).event().tenant()).isEqualTo("a");
        assertThat(receiver.receive(plain)).isInstanceOf(EventResult.Accepted.class);
        assertThat(receiver.receive(forA)).isInstanceOf(EventResult.Duplicate.class);
    }

    static void assertRejected(EventResult r, Reason reason) {
        assertThat(r).isInstanceOf(EventResult.Rejected.class);
        assertThat(((EventResult.Rejected) r).reason()).as(((EventResult.Rejected) r).message()).isEqualTo(reason);
        assertThat(r.status()).isEqualTo(reason.status());
        assertThat(r.body()).isEqualTo(reason.wireName());
    }
}
