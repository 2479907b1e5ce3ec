package dev.convene.micrometer.internal;

import dev.convene.ConveneException;
import dev.convene.HttpAttempt;
import dev.convene.SessionKind;
import dev.convene.SessionOutcomeUnknownException;
import dev.convene.VendorException;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import java.util.Locale;

/**
 * The names and tags of Convene's observations. Low-cardinality tags (metrics and spans) take a handful of values
 * each; what varies per call (attempt counts, vendor codes, OpenTelemetry's attributes) is high-cardinality and goes
 * to spans only. Nothing here is read from a URL, a header or a body: no secret can reach a tag.
 */
public final class Conventions {
    private Conventions() {
    }

    static final String NONE = "none";

    /** {@code convene.operations}: one per call, retries included. */
    public static final ObservationConvention<OperationContext> OPERATIONS = new ObservationConvention<>() {
        @Override
        public String getName() {
            return "convene.operations";
        }

        @Override
        public String getContextualName(OperationContext context) {
            return "convene " + lower(context.operation().name()) + " " + kind(context.kind());
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(OperationContext context) {
            ConveneException failure = context.failure();
            return KeyValues.of(
                    KeyValue.of("provider", context.provider()),
                    KeyValue.of("operation", lower(context.operation().name())),
                    KeyValue.of("kind", kind(context.kind())),
                    KeyValue.of("outcome", outcome(failure)),
                    KeyValue.of("error.type", failure == null ? NONE : failure.getClass().getSimpleName()));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(OperationContext context) {
            KeyValues values = KeyValues.of(KeyValue.of("convene.attempts", Integer.toString(context.attempts())));
            if (context.failure() instanceof VendorException vendor) {
                values = values.and(KeyValue.of("convene.vendor.status", Integer.toString(vendor.httpStatus())));
                if (vendor.vendorCode() != null && !vendor.vendorCode().isEmpty()) {
                    values = values.and(KeyValue.of("convene.vendor.code", vendor.vendorCode()));
                }
            }
            return values;
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof OperationContext;
        }
    };

    /**
     * {@code http.client.requests}: one per request that goes out, with the tag keys Spring's HTTP clients use (so one
     * meter holds them all), the endpoint's path template as {@code uri}; on spans, OpenTelemetry's stable HTTP client
     * attributes and its span name, {@code {method} {url.template}}.
     */
    public static final ObservationConvention<HttpAttemptContext> HTTP_REQUESTS = new ObservationConvention<>() {
        @Override
        public String getName() {
            return "http.client.requests";
        }

        @Override
        public String getContextualName(HttpAttemptContext context) {
            return context.attempt().method() + " " + context.attempt().pathTemplate();
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(HttpAttemptContext context) {
            HttpAttempt a = context.attempt();
            int status = context.status();
            Throwable error = context.transportError();
            return KeyValues.of(
                    KeyValue.of("method", a.method()),
                    KeyValue.of("uri", a.pathTemplate()),
                    KeyValue.of("status", status > 0 ? Integer.toString(status) : error != null ? "IO_ERROR" : "CLIENT_ERROR"),
                    KeyValue.of("client.name", a.host()),
                    KeyValue.of("exception", error == null ? NONE : error.getClass().getSimpleName()),
                    KeyValue.of("outcome", httpOutcome(status)));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(HttpAttemptContext context) {
            HttpAttempt a = context.attempt();
            KeyValues values = KeyValues.of(
                    KeyValue.of("http.request.method", a.method()),
                    KeyValue.of("url.template", a.pathTemplate()),
                    KeyValue.of("server.address", a.host()),
                    KeyValue.of("convene.provider", a.provider()),
                    KeyValue.of("convene.operation", lower(a.operation().name())));
            if (context.status() > 0) {
                values = values.and(KeyValue.of("http.response.status_code", Integer.toString(context.status())));
            }
            if (context.transportError() != null) {
                values = values.and(KeyValue.of("error.type", context.transportError().getClass().getName()));
            } else if (context.status() >= 400) {
                values = values.and(KeyValue.of("error.type", Integer.toString(context.status())));
            }
            if (a.number() > 1) {
                values = values.and(KeyValue.of("http.request.resend_count", Integer.toString(a.number() - 1)));
            }
            return values;
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return context instanceof HttpAttemptContext;
        }
    };

    /** {@code success}, {@code failure}, or {@code unknown} for a write that may have happened. */
    public static String outcome(Throwable failure) {
        return failure == null ? "success" : failure instanceof SessionOutcomeUnknownException ? "unknown" : "failure";
    }

    /** The kind's wire name; {@code any} for a list over every kind. */
    public static String kind(SessionKind kind) {
        return kind == null ? "any" : kind.wireName();
    }

    public static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** As Micrometer's and Spring's HTTP conventions name a status's class. */
    static String httpOutcome(int status) {
        if (status <= 0) {
            return "UNKNOWN";
        } else if (status < 200) {
            return "INFORMATIONAL";
        } else if (status < 300) {
            return "SUCCESS";
        } else if (status < 400) {
            return "REDIRECTION";
        } else if (status < 500) {
            return "CLIENT_ERROR";
        }
        return status < 600 ? "SERVER_ERROR" : "UNKNOWN";
    }
}
