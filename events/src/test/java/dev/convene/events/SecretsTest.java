package dev.convene.events;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No token, key, secret or signature the receiver computed appears in a log line (DEBUG included), a
 * result, a message or a {@code toString()}, whatever the requests: genuine, forged, stale, malformed.
 */
class SecretsTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("dev.convene");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level level;

    @BeforeEach
    void capture() {
        level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void release() {
        logger.detachAppender(log);
        logger.setLevel(level);
    }

    @Test
    void noSecretLeavesTheReceiver() {
        List<String> seen = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(Pushes.WECOM_TOKEN, Pushes.WECOM_AES, Pushes.TENCENT_TOKEN, Pushes.TENCENT_AES,
                Pushes.ZOOM_SECRET));

        EventReceiver receiver = Pushes.receiver(Pushes.at(ZoomEventsTest.TS), "convene.tencentmeeting.event-aes-key", Pushes.TENCENT_AES);
        seen.add(receiver.toString());
        List<EventRequest> requests = new ArrayList<>();
        // genuine ones
        requests.add(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS));
        requests.add(Pushes.zoomPost(ZoomEventsTest.VALIDATION, ZoomEventsTest.TS));
        requests.add(Pushes.wecomPost(Pushes.meetingChange("meeting_start", "m-1", ZoomEventsTest.TS), ZoomEventsTest.TS, Pushes.WECOM_CORP));
        // forged: the receiver computes the right signature for each and must not show it
        String forgedBody = ZoomEventsTest.STARTED.replace("85746065432", "1");
        requests.add(EventRequest.builder("zoom").method("POST").header("x-zm-request-timestamp", Long.toString(ZoomEventsTest.TS))
                .header("x-zm-signature", "v0=00").body(forgedBody.getBytes(StandardCharsets.UTF_8)).build());
        secrets.add(Pushes.zoomPost(forgedBody, ZoomEventsTest.TS).header("x-zm-signature").substring(3));
        String forgedEncrypt = Pushes.wecomEncrypt(Pushes.WECOM_AES, "<xml/>", Pushes.WECOM_CORP, -1);
        requests.add(EventRequest.builder("wecom").method("POST").query("msg_signature", "00").query("timestamp", Long.toString(ZoomEventsTest.TS))
                .query("nonce", "1").body(Pushes.wecomBody(forgedEncrypt).getBytes(StandardCharsets.UTF_8)).build());
        secrets.add(Pushes.sha1Sorted(Pushes.WECOM_TOKEN, Long.toString(ZoomEventsTest.TS), "1", forgedEncrypt));
        requests.add(EventRequest.builder("tencentmeeting").method("POST").header("timestamp", Long.toString(ZoomEventsTest.TS))
                .header("nonce", "1").header("signature", "00").body("{\"data\":\"abc\"}".getBytes(StandardCharsets.UTF_8)).build());
        secrets.add(Pushes.sha1Sorted(Pushes.TENCENT_TOKEN, Long.toString(ZoomEventsTest.TS), "1", "abc"));
        // stale, malformed, wrong receiver, bad padding
        requests.add(Pushes.zoomPost(ZoomEventsTest.STARTED, ZoomEventsTest.TS - 3600));
        requests.add(Pushes.zoomPost("{", ZoomEventsTest.TS));
        requests.add(Pushes.wecomPost("<xml/>", ZoomEventsTest.TS, "other-corp"));
        requests.add(Pushes.wecomPost(Pushes.wecomEncrypt(Pushes.WECOM_AES, "<xml/>", Pushes.WECOM_CORP, 99), ZoomEventsTest.TS));
        requests.add(Pushes.tencentPost(Pushes.base64("{}"), Long.toString(ZoomEventsTest.TS)));

        for (EventRequest request : requests) {
            seen.add(request.toString());
            EventResult result = receiver.receive(request);
            seen.add(result.toString());
            if (!(result instanceof EventResult.Challenge)) {
                seen.add(result.body());
            }
            if (result instanceof EventResult.Rejected rejected) {
                seen.add(rejected.message());
            }
            if (result instanceof EventResult.Accepted accepted) {
                seen.add(accepted.event().toString());
                seen.add(accepted.event().dedupKey());
            }
        }
        // configuration errors over secret values
        for (Map<String, String> bad : List.of(Pushes.config("convene.wecom.callback-aes-key", Pushes.ZOOM_SECRET),
                Pushes.config("convene.tencentmeeting.event-aes-key", Pushes.WECOM_TOKEN + Pushes.TENCENT_TOKEN))) {
            try {
                EventReceiver.builder().properties(bad).environment(Map.of()).systemProperties(false).build();
                throw new AssertionError("accepted a malformed key");
            } catch (ConfigurationException e) {
                seen.add(e.getMessage());
            }
        }
        log.list.forEach(e -> seen.add(e.getFormattedMessage()));

        assertThat(log.list).as("one line per request, DEBUG included").hasSize(requests.size());
        String all = String.join("\n", seen);
        assertThat(leaks(all, secrets)).isEmpty();
        // and the scan would have seen one
        assertThat(leaks(all + " planted " + Pushes.TENCENT_AES, secrets)).containsExactly(Pushes.TENCENT_AES);
    }

    private static List<String> leaks(String text, List<String> secrets) {
        return secrets.stream().filter(text::contains).toList();
    }
}
