package dev.convene.provider.zoom;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.Session;
import dev.convene.SessionKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The issue's own example: {@code convene.zoom.organiser} is a typo of an optional key, warned about instead of silently ignored. */
class ZoomConfigurationTest {
    final ZoomFixture f = new ZoomFixture();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Logger convene = (Logger) LoggerFactory.getLogger("dev.convene");

    @BeforeEach
    void capture() {
        logs.start();
        convene.addAppender(logs);
    }

    @AfterEach
    void stop() {
        convene.detachAppender(logs);
        f.close();
    }

    @Test
    void aMistypedOrganizerIsWarnedAboutNamingTheKeyMeant() {
        Map<String, String> properties = new HashMap<>(f.sim.properties());
        properties.put("convene.zoom.organiser", "someone-else@example.com");
        Session s = f.open(properties).create(dev.convene.SessionDraft.builder(SessionKind.MEETING).title("Typo")
                .start(f.clock.instant().plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30)).build());
        assertThat(s.organizer()).as("the typo is not read").isNotEqualTo("someone-else@example.com");
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().asString().startsWith("convene.zoom.organiser is not a configuration key of zoom and is ignored."
                        + " Did you mean convene.zoom.organizer?").doesNotContain("someone-else");
    }
}
