package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.ListQuery;
import dev.convene.LiveOptions;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.simulator.FaultKind;
import dev.convene.simulator.VendorError;
import dev.convene.simulator.Operation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The SecretKey and every signature stay out of log lines (at TRACE, where headers and bodies are
 * logged), exception messages and {@code toString()}s, through successes, vendor refusals and
 * transport failures.
 */
class SecretsTest {
    final Simulated env = new Simulated();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger root = (Logger) LoggerFactory.getLogger("dev.convene");
    Level before;

    @BeforeEach
    void capture() {
        before = root.getLevel();
        root.setLevel(Level.TRACE);
        root.setAdditive(false);
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
        root.setAdditive(true);
        root.setLevel(before);
        env.close();
    }

    @Test
    void secretKeyAndSignaturesNeverReachLogsOrMessages() {
        String secretKey = env.sim.properties().get("convene.tencentmeeting.secret-key");
        List<String> texts = new ArrayList<>();

        Session s = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM).live(new LiveOptions("5678", true)).build());
        texts.add(s.toString());
        texts.add(env.service.get(s.id()).toString());
        texts.add(env.service.update(s.id(), SessionUpdate.builder().title("renamed").build()).toString());
        env.service.listAll(ListQuery.of(SessionKind.LIVE_STREAM)).forEach(x -> texts.add(x.toString()));
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CANCEL);
        env.service.cancel(s.id());

        texts.add(failure(() -> env.service.get(SessionId.of("tencentmeeting", SessionKind.MEETING, "5937000510000000001"))));
        env.sim.faults().inject(FaultKind.DROP_AFTER_APPLY, 1, Operation.CREATE);
        texts.add(failure(() -> env.service.create(Simulated.draft(SessionKind.MEETING).build())));
        env.sim.failNext(VendorError.code(200003, "Signature failed!"), 3, Operation.GET);
        texts.add(failure(() -> env.service.get(s.id())));
        try (SessionService bad = env.open(env.sim.propertiesWithBadCredentials())) {
            texts.add(failure(() -> bad.create(Simulated.draft(SessionKind.MEETING).build())));
            texts.add(bad.toString());
        }
        texts.add(env.service.toString());

        List<String> signatures = env.sim.requests().stream().map(r -> r.header("X-TC-Signature").orElse("")).filter(v -> !v.isEmpty()).toList();
        assertThat(signatures).hasSizeGreaterThan(8);
        for (ILoggingEvent e : logs.list) {
            texts.add(e.getFormattedMessage());
            if (e.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
        }
        assertThat(logs.list).as("TRACE logging ran, headers included").anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("X-TC-Signature"));

        String badKey = env.sim.propertiesWithBadCredentials().get("convene.tencentmeeting.secret-key");
        List<String> secrets = new ArrayList<>(List.of(secretKey, badKey));
        secrets.addAll(signatures);
        assertThat(leaks(texts, secrets)).isEmpty();

        // The same scan must be able to fail: a captured log line with a signature and the key planted in it is flagged.
        String line = logs.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("X-TC-Signature")).findFirst().orElseThrow();
        String planted = line + " X-TC-Signature: " + signatures.get(signatures.size() - 1) + " key " + secretKey;
        assertThat(leaks(List.of(planted), secrets)).containsExactly(secretKey, signatures.get(signatures.size() - 1));
    }

    /** The secrets that occur in any of the texts, in the order given. */
    static List<String> leaks(List<String> texts, List<String> secrets) {
        return secrets.stream().distinct().filter(secret -> texts.stream().anyMatch(text -> text.contains(secret))).toList();
    }

    static String failure(Runnable call) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isNotNull();
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
        }
        return b.toString();
    }
}
