package dev.convene.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import dev.convene.simulator.RecordedRequest;
import dev.convene.spi.http.Redactor;
import dev.convene.simulator.VendorSimulator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Collects everything a user could see — every log line at TRACE with its exception, and every
 * exception message and {@code toString()} the test hands it — and checks that none of it contains a
 * secret: the configured secrets, and every token, signature and credential the simulator saw on the wire.
 */
public final class SecretWitness implements AutoCloseable {
    /** Where core's HTTP logging writes: one logger per provider below this name. */
    static final String HTTP_LOGGERS = "dev.convene.http.";
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger requestTraces = new AtomicInteger();
    private final AtomicInteger maskedHttpLines = new AtomicInteger();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level previous = root.getLevel();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            String line = event.getFormattedMessage();
            seen.add(line);
            if (event.getLoggerName().startsWith(HTTP_LOGGERS) && line != null) {
                if (event.getLevel() == Level.TRACE && line.startsWith("-->")) {
                    requestTraces.incrementAndGet();
                }
                if (line.contains(Redactor.MASK)) {
                    maskedHttpLines.incrementAndGet();
                }
            }
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                seen.add(t.getClassName() + ": " + t.getMessage());
            }
        }
    };

    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> quieted = new ArrayList<>();

    /** Captures at TRACE; the root's other appenders (the console) are detached meanwhile, so the build log stays readable. */
    public SecretWitness() {
        root.iteratorForAppenders().forEachRemaining(quieted::add);
        quieted.forEach(root::detachAppender);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.TRACE);
    }

    /** Remembers what a user would read of {@code t}: its message, its causes' messages and its toString. */
    public void saw(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            seen.add(String.valueOf(c));
            seen.add(String.valueOf(c.getMessage()));
        }
    }

    public void saw(Object value) {
        seen.add(String.valueOf(value));
    }

    public int linesSeen() {
        return seen.size();
    }

    /**
     * How many request lines core's HTTP logging wrote at TRACE (headers and bodies as sent): the lines
     * where a secret would show if redaction failed. A scan that saw none of them proves nothing.
     */
    public int requestTraces() {
        return requestTraces.get();
    }

    /** How many HTTP log lines carry the redaction mask, i.e. had something secret in them that was masked. */
    public int maskedHttpLines() {
        return maskedHttpLines.get();
    }

    /** The secrets: configured ones (keys ending in secret, key, token) and every credential sent on the wire. */
    public static Set<String> secretsOf(VendorSimulator simulator, Map<String, String> properties) {
        Set<String> secrets = new LinkedHashSet<>();
        properties.forEach((k, v) -> {
            if (k.matches(".*(secret|secret-key|token)$") && v.length() >= 6) {
                secrets.add(v);
            }
        });
        for (RecordedRequest r : simulator.requests()) {
            r.header("Authorization").ifPresent(a -> {
                String value = a.replaceFirst("(?i)^(Bearer|Basic)\\s+", "");
                secrets.add(value);
                if (a.regionMatches(true, 0, "Basic", 0, 5)) {
                    try {
                        String decoded = new String(Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
                        secrets.add(decoded.substring(decoded.indexOf(':') + 1));
                    } catch (IllegalArgumentException ignored) {
                        // not Base64: the raw value is already listed
                    }
                }
            });
            r.header("X-TC-Signature").ifPresent(secrets::add);
            r.queryParameters().forEach((k, v) -> {
                String name = k.toLowerCase(Locale.ROOT);
                if (name.equals("access_token") || name.equals("corpsecret") || name.equals("client_secret")) {
                    secrets.add(v);
                }
            });
        }
        secrets.removeIf(s -> s.length() < 6);
        return secrets;
    }

    /**
     * Every line in which {@code value} stands alone (not inside a longer run of letters or digits, as a short
     * password may by chance inside an id), with the value masked in the report itself.
     */
    public List<String> linesShowing(String value) {
        java.util.regex.Pattern alone = java.util.regex.Pattern.compile("(?<![A-Za-z0-9])" + java.util.regex.Pattern.quote(value) + "(?![A-Za-z0-9])");
        List<String> out = new ArrayList<>();
        synchronized (seen) {
            for (String line : seen) {
                if (line != null && alone.matcher(line).find()) {
                    out.add(line.replace(value, "<" + value.length() + "-char value>"));
                }
            }
        }
        return out;
    }

    /** Every line that contains one of {@code secrets}, with the secret masked in the report itself. */
    public List<String> leaks(Set<String> secrets) {
        List<String> leaks = new ArrayList<>();
        synchronized (seen) {
            for (String line : seen) {
                for (String secret : secrets) {
                    if (line != null && line.contains(secret)) {
                        leaks.add(line.replace(secret, "<" + secret.length() + "-char secret>"));
                    }
                }
            }
        }
        return leaks;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        quieted.forEach(root::addAppender);
        root.setLevel(previous);
    }
}
