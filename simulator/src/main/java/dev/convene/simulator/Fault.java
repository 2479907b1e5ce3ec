package dev.convene.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * One misbehaviour; {@code delay} only matters for {@link FaultKind#DELAY}, {@code status} and {@code body} only for
 * {@link FaultKind#ANSWER} (an answer given instead of the vendor's, state untouched).
 */
public record Fault(FaultKind kind, Duration delay, int status, String body) {
    public Fault {
        Objects.requireNonNull(kind, "kind");
        delay = delay == null ? Duration.ZERO : delay;
        body = body == null ? "" : body;
    }

    public Fault(FaultKind kind, Duration delay) {
        this(kind, delay, 0, "");
    }

    public static Fault of(FaultKind kind) {
        return new Fault(kind, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(FaultKind.DELAY, delay);
    }

    /**
     * Answers {@code status} with {@code body} (JSON when it starts with '{', '[' or is {@code null}, else HTML) without
     * handling the request: what a proxy, a gateway or a misbehaving vendor answers, e.g. {@code answer(200, "{}")}.
     */
    public static Fault answer(int status, String body) {
        return new Fault(FaultKind.ANSWER, Duration.ZERO, status, body);
    }
}
