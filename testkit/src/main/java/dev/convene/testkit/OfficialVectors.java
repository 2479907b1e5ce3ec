package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.SessionKind;
import dev.convene.events.Change;
import dev.convene.events.Event;
import dev.convene.events.EventRequest;
import dev.convene.events.EventResult;
import dev.convene.testkit.EventsContract.OfficialVector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The vendors' published vectors, as {@code shared/specs/events.md} re-computed them (WeCom doc 90968, Tencent doc 51612). */
final class OfficialVectors {
    private static final Map<String, String> WECOM = Map.of(
            "convene.wecom.callback-token", "QDG6eK",
            "convene.wecom.callback-aes-key", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            "convene.wecom.corp-id", "wx5823bf96d3bd56c7");
    private static final String WECOM_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3Qczc"
            + "dCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJ"
            + "YuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4E"
            + "hzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZ"
            + "Is2pDBS8R07+qN+E7Q==";
    private static final String WECOM_ECHOSTR = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    private static final String TENCENT_DATA = "eyJldmVudCI6Im1lZXRpbmcuY3JlYXRlZCIsInVuaXF1ZV9zZXF1ZW5jZSI6ImYyMDA5NmVlLThhYzgtNGRmMi1hN2RlLTA1NzQ2NDlmMjExYiIsInBh"
            + "eWxvYWQiOlt7Im9wZXJhdGVfdGltZSI6IjIwMjAtMTItMjkgMTc6NDE6MDYiLCJvcGVyYXRvciI6eyJ1c2VyaWQiOiJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMx"
            + "M2M5MzBjY2E5NTY4NCJ9LCJtZWV0aW5nX2luZm8iOnsibWVldGluZ19pZCI6IjYwNTg4OTAzODU0ODA5MjEwNTIiLCJtZWV0aW5nX2NvZGUiOiI1MzA4MTI0NTIi"
            + "LCJzdWJqZWN0IjoibWVkaWEgdGVzdGVyIG1lZXRpbmciLCJjcmVhdG9yX2lkIjoidGVzdGVyMDAwMDZiYTViYWIzMzk4NThjMTNjOTMwY2NhOTU2ODQiLCJob3N0"
            + "cyI6WyJ0ZXN0ZXIwMDAwNmJhNWJhYjMzOTg1OGMxM2M5MzBjY2E5NTY4NCJdLCJtZWV0aW5nX3R5cGUiOjAsInN0YXJ0X3RpbWUiOiIyMDIwLTEyLTI5IDE3OjQx"
            + "OjA0IiwiZW5kX3RpbWUiOiIyMDIwLTEyLTI5IDE4OjAxOjA0In19XX0";

    private OfficialVectors() {
    }

    static List<OfficialVector> wecom() {
        String body = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + WECOM_ENCRYPT
                + "]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>";
        OfficialVector post = new OfficialVector("WeCom event (doc 90968)", WECOM, Instant.ofEpochSecond(1409659813L),
                wecomPost(body, "477715d11cdb4164915debcba66cb864d751f3e6"),
                wecomPost(body, "477715d11cdb4164915debcba66cb864d751f3e7"),
                result -> {
                    Event event = ((EventResult.Accepted) result).event();
                    assertThat(event.vendorEvent()).isEqualTo("text");
                    assertThat(event.change()).isEqualTo(Change.OTHER);
                    assertThat(event.payload()).contains("hello").contains("4561255354251345929");
                });
        OfficialVector check = new OfficialVector("WeCom URL check (doc 90968)", WECOM, Instant.ofEpochSecond(1409659589L),
                wecomCheck(WECOM_ECHOSTR), wecomCheck(WECOM_ECHOSTR.replace("P9nA", "P9nB")),
                result -> {
                    assertThat(result).isInstanceOf(EventResult.Challenge.class);
                    assertThat(result.body()).isEqualTo("1616140317555161061");
                });
        return List.of(post, check);
    }

    private static EventRequest wecomPost(String body, String signature) {
        return EventRequest.builder("wecom").method("POST").query("msg_signature", signature).query("timestamp", "1409659813")
                .query("nonce", "1372623149").body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static EventRequest wecomCheck(String echostr) {
        return EventRequest.builder("wecom").method("GET").query("msg_signature", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3")
                .query("timestamp", "1409659589").query("nonce", "263014780").query("echostr", echostr).build();
    }

    static List<OfficialVector> tencent() {
        return List.of(new OfficialVector("Tencent Meeting event (doc 51612)", Map.of("convene.tencentmeeting.event-token", "bVPU6F8Htxl5XkAbp3jGV2xWp"),
                Instant.ofEpochMilli(1609239040864L), tencentPost(TENCENT_DATA), tencentPost(TENCENT_DATA.replace("eyJldmVudCI6", "eyJldmVudCI7")),
                result -> {
                    Event event = ((EventResult.Accepted) result).event();
                    assertThat(event.change()).isEqualTo(Change.CREATED);
                    assertThat(event.sessionId().nativeId()).isEqualTo("6058890385480921052");
                    assertThat(event.possibleKinds()).contains(SessionKind.MEETING);
                    assertThat(event.dedupKey()).contains("f20096ee-8ac8-4df2-a7de-0574649f211b");
                }));
    }

    private static EventRequest tencentPost(String data) {
        return EventRequest.builder("tencentmeeting").method("POST").header("timestamp", "1609239040864").header("nonce", "14964161")
                .header("signature", "b11e507817336a91d7df0c8536ee2aca18bbbae8")
                .body(("{\"data\":\"" + data + "\"}").getBytes(StandardCharsets.UTF_8)).build();
    }
}
