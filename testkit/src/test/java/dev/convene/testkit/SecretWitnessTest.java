package dev.convene.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The witness counts the HTTP trace lines the matrix's secret scan relies on, and only when they really were written. */
class SecretWitnessTest {
    final Logger http = (Logger) LoggerFactory.getLogger("dev.convene.http.toy");

    @Test
    void countsRequestTracesAndMaskedLinesOfTheHttpLoggers() {
        try (SecretWitness witness = new SecretWitness()) {
            http.debug("--> GET http://127.0.0.1/v1/sessions");
            http.trace("--> headers\nAuthorization: ****\n");
            http.trace("<-- body {\"id\":\"1\"}");
            LoggerFactory.getLogger("dev.convene.other").trace("--> not an HTTP logger");

            assertThat(witness.requestTraces()).as("request lines at TRACE from dev.convene.http.*").isEqualTo(1);
            assertThat(witness.maskedHttpLines()).isEqualTo(1);
            assertThat(witness.linesSeen()).isEqualTo(4);
        }
    }

    @Test
    void seesNoTraceWhenTheHttpLoggersAreConfiguredAboveTrace() {
        http.setLevel(Level.DEBUG); // as a logback configuration naming dev.convene.http would
        try (SecretWitness witness = new SecretWitness()) {
            http.trace("--> headers\nAuthorization: ****\n");

            assertThat(witness.requestTraces()).as("nothing captured, so the matrix's guard fails").isZero();
        } finally {
            http.setLevel(null);
        }
    }

    @Test
    void reportsALeakWithTheSecretMasked() {
        try (SecretWitness witness = new SecretWitness()) {
            witness.saw(new IllegalStateException("token abcdef123456 refused"));

            assertThat(witness.leaks(Set.of("abcdef123456"))).containsOnly("java.lang.IllegalStateException: token <12-char secret> refused",
                    "token <12-char secret> refused");
        }
    }
}
