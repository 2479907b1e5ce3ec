package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.simulator.Operation;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.zoom.ZoomSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client secret, the bearer tokens and the host key of start URLs never reach a log line, an exception message or a toString(). */
class ZoomSecretsTest {
    final ZoomFixture f = new ZoomFixture();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger convene = (Logger) LoggerFactory.getLogger("dev.convene");

    @BeforeEach
    void captureEverything() {
        logs.start();
        convene.addAppender(logs);
        convene.setLevel(Level.TRACE);
    }

    @AfterEach
    void stop() {
        convene.detachAppender(logs);
        convene.setLevel(null);
        f.close();
    }

    @Test
    void secretsStayOut() {
        List<String> seen = new ArrayList<>();
        SessionService service = f.open();
        SessionDraft draft = SessionDraft.builder(SessionKind.MEETING).title("Secret").start(ZoomFixture.NOW.plus(Duration.ofDays(1)))
                .duration(Duration.ofMinutes(30)).password("pw123").build();
        Session s = service.create(draft);
        seen.add(s.toString());
        f.sim.revokeTokens();
        seen.add(service.get(s.id()).toString());
        f.sim.failNext(VendorError.of(401, 124, "Invalid access token."), 2, Operation.GET);
        seen.add(String.valueOf(catchThrowable(() -> service.get(s.id()))));
        seen.add(String.valueOf(catchThrowable(() -> f.open(f.sim.propertiesWithBadCredentials()).create(draft))));
        Throwable wrongUrl = catchThrowable(() -> f.open(withOauthUrl("http://127.0.0.1:1/oauth/token")).create(draft));
        seen.add(String.valueOf(wrongUrl));
        seen.add(String.valueOf(wrongUrl.getCause()));

        Set<String> secrets = new HashSet<>();
        secrets.add(ZoomSimulator.CLIENT_SECRET);
        // start_url carries the host's key (zak): whoever has it starts the session as host (§2).
        assertThat(s.join().hostUrl()).contains("?zak=");
        secrets.add(s.join().hostUrl().substring(s.join().hostUrl().indexOf("zak=") + 4));
        secrets.add(Base64.getEncoder().encodeToString((ZoomSimulator.CLIENT_ID + ":" + ZoomSimulator.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        for (RecordedRequest r : f.sim.requests()) {
            r.header("Authorization").filter(h -> h.startsWith("Bearer ")).ifPresent(h -> secrets.add(h.substring(7)));
        }
        assertThat(secrets).as("the test saw at least two bearer tokens").hasSizeGreaterThanOrEqualTo(4);
        logs.list.forEach(e -> {
            seen.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                seen.add(e.getThrowableProxy().getMessage());
            }
        });
        assertThat(logs.list).as("HTTP traffic was logged at TRACE, headers and bodies included")
                .anyMatch(e -> e.getFormattedMessage().contains("Authorization: ****"))
                .anyMatch(e -> e.getFormattedMessage().contains("access_token"));
        for (String text : seen) {
            for (String secret : secrets) {
                assertThat(text).doesNotContain(secret);
            }
        }
    }

    private java.util.Map<String, String> withOauthUrl(String url) {
        java.util.Map<String, String> p = new java.util.HashMap<>(f.sim.properties());
        p.put("convene.zoom.oauth-url", url);
        return p;
    }
}
