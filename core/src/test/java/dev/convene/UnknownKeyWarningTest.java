package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.convene.internal.ConfigLayers;
import dev.convene.testing.ScriptedProvider;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A key under the chosen provider's prefix that it does not know is a typo until shown otherwise: one warning, naming the closest key. */
class UnknownKeyWarningTest {
    final String name = UUID.randomUUID().toString();
    final Logger logger = (Logger) LoggerFactory.getLogger(ConfigLayers.class);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void listen() {
        ScriptedProvider.register(name);
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void stop() {
        logger.detachAppender(logs);
    }

    List<String> warnings() {
        return logs.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aMistypedKeyIsWarnedAboutOnceNamingTheClosestKnownKey() {
        ScriptedProvider.builder(name).properties(Map.of("convene.scripted.nmae", name)).build().close();
        assertThat(warnings()).singleElement().asString()
                .startsWith("convene.scripted.nmae is not a configuration key of scripted and is ignored. Did you mean convene.scripted.name?")
                .endsWith("Its keys: convene.scripted.local-address, convene.scripted.name, convene.scripted.proxy, convene.scripted.rate-limits,"
                        + " convene.scripted.secret");
    }

    @Test
    void anEnvironmentVariableIsReadAsTheKeyItSpells() {
        ScriptedProvider.builder(name).environment(Map.of("CONVENE_SCRIPTED_SECRIT", "x")).build().close();
        assertThat(warnings()).singleElement().asString()
                .startsWith("convene.scripted.secrit is not a configuration key of scripted").contains("Did you mean convene.scripted.secret?");
    }

    @Test
    void otherProvidersKeysOtherLibrariesKeysAndKnownKeysAreNoneOfItsBusiness() {
        ScriptedProvider.builder(name).properties(Map.of("convene.zoom.organiser", "me", "convene.http.max-requests", "8",
                "spring.application.name", "app", "convene.scriptedx.name", "x")).build().close();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void valuesAreNeverPrinted() {
        ScriptedProvider.builder(name).properties(Map.of("convene.scripted.secret-key", "s3cr3t-value-2")).build().close();
        assertThat(warnings()).singleElement().asString().contains("convene.scripted.secret-key").doesNotContain("s3cr3t-value-2");
    }

    @Test
    void theClosestKeyIsTheFewestEditsAway() {
        assertThat(ConfigLayers.warnUnknownKeys("zoom", List.of("account-id", "client-id", "client-secret", "organizer", "sub-account-id",
                "base-url", "oauth-url"), List.of("convene.zoom.organiser", "convene.zoom.organizer", "convene.zoom.clientid")))
                .containsExactly("convene.zoom.clientid", "convene.zoom.organiser");
        assertThat(warnings()).containsExactly(
                "convene.zoom.clientid is not a configuration key of zoom and is ignored. Did you mean convene.zoom.client-id? Its keys: "
                        + "convene.zoom.account-id, convene.zoom.base-url, convene.zoom.client-id, convene.zoom.client-secret, "
                        + "convene.zoom.oauth-url, convene.zoom.organizer, convene.zoom.sub-account-id",
                "convene.zoom.organiser is not a configuration key of zoom and is ignored. Did you mean convene.zoom.organizer? Its keys: "
                        + "convene.zoom.account-id, convene.zoom.base-url, convene.zoom.client-id, convene.zoom.client-secret, "
                        + "convene.zoom.oauth-url, convene.zoom.organizer, convene.zoom.sub-account-id");
    }
}
