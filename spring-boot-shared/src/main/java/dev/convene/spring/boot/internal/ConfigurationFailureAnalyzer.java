package dev.convene.spring.boot.internal;

import dev.convene.ConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start-up that failed on Convene's configuration into Boot's short report: what is wrong (the missing or
 * malformed keys, never a value) and where to set them.
 */
public final class ConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConfigurationException cause) {
        String keys = cause.missingKeys().isEmpty() ? "the convene.* keys named above"
                : String.join(", ", cause.missingKeys());
        return new FailureAnalysis("Convene could not start: " + cause.getMessage(),
                "Set " + keys + " in application.properties or application.yaml, or as environment variables ("
                        + (cause.missingKeys().isEmpty() ? "CONVENE_…" : String.join(", ", cause.missingKeys().stream().map(SpringConfig::variable).toList()))
                        + ").", cause);
    }
}
