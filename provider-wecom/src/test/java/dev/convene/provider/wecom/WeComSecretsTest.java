package dev.convene.provider.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The corp secret and access tokens never show in logs (even at TRACE), exception messages or toString(), for failed calls too. */
class WeComSecretsTest {
    final WeComTestbed bed = new WeComTestbed();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger convene = (Logger) LoggerFactory.getLogger("dev.convene");
    final List<String> texts = new ArrayList<>();

    @BeforeEach
    void captureEverything() {
        logs.start();
        convene.addAppender(logs);
        convene.setLevel(Level.TRACE);
        convene.setAdditive(false);
    }

    @AfterEach
    void restore() {
        convene.detachAppender(logs);
        convene.setLevel(null);
        convene.setAdditive(true);
        bed.close();
    }

    /** Runs a call that may fail and keeps every text it produced. */
    void run(Runnable call) {
        Throwable t = catchThrowable(call::run);
        for (Throwable c = t; c != null; c = c.getCause()) {
            texts.add(String.valueOf(c));
            texts.add(String.valueOf(c.getMessage()));
        }
    }

    @Test
    void secretsAppearNowhere() {
        String secret = bed.sim.properties().get("convene.wecom.corp-secret");
        String wrongSecret = bed.sim.propertiesWithBadCredentials().get("convene.wecom.corp-secret");
        try (SessionService service = bed.service(); SessionService bad = bed.service(bed.sim.propertiesWithBadCredentials())) {
            texts.add(service.toString());
            var created = service.create(bed.draft(SessionKind.MEETING).password("123456").build());
            texts.add(created.toString());
            texts.add(service.get(created.id()).toString());
            run(() -> service.get(SessionId.of("wecom", SessionKind.MEETING, "nope")));
            bed.sim.revokeTokens();
            run(() -> service.update(created.id(), SessionUpdate.builder().title("Renamed").build()));
            bed.sim.failNext(VendorError.code(40014), 5, Operation.GET);
            run(() -> service.get(created.id()));
            run(() -> bad.create(bed.draft(SessionKind.LIVE_STREAM).build()));
            bed.sim.faults().inject(FaultKind.SERVER_ERROR, 3, Operation.GET);
            run(() -> service.get(created.id()));
            bed.sim.faults().inject(FaultKind.MALFORMED_JSON, 3, Operation.GET);
            run(() -> service.get(created.id()));
            bed.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
            run(() -> service.create(bed.draft(SessionKind.MEETING).build()));
            bed.sim.failNext(VendorError.code(45009), 1, Operation.CANCEL);
            run(() -> service.cancel(created.id()));
        }
        Set<String> secrets = new LinkedHashSet<>(List.of(secret, wrongSecret));
        for (RecordedRequest r : bed.sim.requests()) {
            r.query("access_token").filter(t -> !t.isEmpty()).ifPresent(secrets::add);
        }
        assertThat(secrets).as("tokens were issued and used").hasSizeGreaterThan(3);

        for (ILoggingEvent e : logs.list) {
            texts.add(e.getFormattedMessage());
            for (IThrowableProxy p = e.getThrowableProxy(); p != null; p = p.getCause()) {
                texts.add(p.getClassName() + ": " + p.getMessage());
            }
        }
        assertThat(logs.list).as("TRACE logging ran, bodies and URLs included").hasSizeGreaterThan(20);
        assertThat(texts).as("the URLs that carried secrets were logged, masked").anyMatch(t -> t.contains("access_token=****"))
                .anyMatch(t -> t.contains("corpsecret=****"));
        for (String s : secrets) {
            assertThat(texts).as("no text contains a secret").noneMatch(t -> t.contains(s));
        }
    }
}
