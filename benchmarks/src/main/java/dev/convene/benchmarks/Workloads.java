package dev.convene.benchmarks;

import dev.convene.Convene;
import dev.convene.SessionDraft;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.spi.token.TokenStores;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What every benchmark sends: one plain meeting per vendor, and how Convene is opened for it. */
final class Workloads {
    static final List<String> VENDORS = List.of("wecom", "tencentmeeting", "zoom");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private Workloads() {
    }

    /** A meeting tomorrow at 10:00 Shanghai time, 45 minutes: what a scheduler sends most. */
    static SessionDraft draft(String vendor) {
        ZonedDateTime start = ZonedDateTime.now(SHANGHAI).plusDays(1).truncatedTo(ChronoUnit.DAYS).withHour(10);
        SessionDraft.Builder b = SessionDraft.builder(SessionKind.MEETING)
                .title("Weekly sync")
                .start(start)
                .duration(Duration.ofMinutes(45));
        return b.build();
    }

    /** Convene as its users open it, on the stub's properties plus {@code extra}; a token store of its own when asked. */
    static SessionService open(Stubs stub, boolean ownTokenStore, String... extra) {
        Map<String, String> props = new HashMap<>(stub.properties());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            props.put(extra[i], extra[i + 1]);
        }
        Convene.Builder b = Convene.builder().properties(props);
        if (ownTokenStore) {
            b.tokenStore(TokenStores.inMemory());
        }
        return b.build();
    }
}
