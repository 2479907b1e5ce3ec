package dev.convene.reliability.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Convene;
import dev.convene.ListQuery;
import dev.convene.Page;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionService;
import dev.convene.SessionUpdate;
import dev.convene.UnconfiguredProviderException;
import dev.convene.simulator.Operation;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One service over WeCom, Tencent Meeting and Zoom, each against its simulator: every call goes where its id, draft or query says. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralProvidersTest {
    static final List<String> VENDORS = List.of("wecom", "tencentmeeting", "zoom");
    final Map<String, VendorSimulator> sims = new HashMap<>();

    @BeforeAll
    void start() {
        VENDORS.forEach(v -> sims.put(v, Simulators.start(v, SimulatorOptions.defaults().withDailyLimits(false))));
    }

    @AfterAll
    void stop() {
        sims.values().forEach(VendorSimulator::close);
    }

    /** The simulators' keys for {@code vendors}, {@code convene.providers} listing them and the default named. */
    Map<String, String> config(String defaultProvider, String... vendors) {
        Map<String, String> p = new HashMap<>();
        for (String v : vendors) {
            p.putAll(sims.get(v).properties());
        }
        p.put("convene.providers", String.join(", ", vendors));
        p.put("convene.provider", defaultProvider);
        return p;
    }

    SessionService open(Map<String, String> config) {
        return Convene.builder().properties(config).systemProperties(false).environment(Map.of()).build();
    }

    static SessionDraft meeting(String title) {
        return SessionDraft.builder(SessionKind.MEETING).title(title)
                .start(ZonedDateTime.parse("2099-01-06T10:00+08:00[Asia/Shanghai]")).duration(Duration.ofMinutes(30)).build();
    }

    int creates(String vendor) {
        return (int) sims.get(vendor).requests().stream().filter(r -> r.operation() == Operation.CREATE).count();
    }

    @Test
    void storedIdsOfEveryProviderAreRoutedToTheirOwnVendor() {
        try (SessionService sessions = open(config("zoom", "wecom", "tencentmeeting", "zoom"))) {
            assertThat(sessions.providers()).containsExactly("zoom", "wecom", "tencentmeeting");
            assertThat(sessions.provider()).isEqualTo("zoom");
            Map<String, Session> created = new HashMap<>();
            for (String v : VENDORS) {
                int before = creates(v);
                Session s = sessions.create(meeting("routed " + v).toBuilder().provider(v).build());
                assertThat(s.id().provider()).isEqualTo(v);
                assertThat(creates(v)).as(v + " received the create").isEqualTo(before + 1);
                created.put(v, s);
            }
            Session byDefault = sessions.create(meeting("by default"));
            assertThat(byDefault.id().provider()).isEqualTo("zoom");
            for (String v : VENDORS) {
                SessionId stored = SessionId.parse(created.get(v).id().toString());
                assertThat(sessions.get(stored).title()).isEqualTo("routed " + v);
                assertThat(sessions.update(stored, SessionUpdate.builder().title("changed " + v).build()).title()).isEqualTo("changed " + v);
                assertThat(sessions.capabilities(v)).isEqualTo(Convene.providers().stream().filter(p -> p.id().equals(v)).findFirst().orElseThrow().capabilities());
                sessions.cancel(stored);
                assertThat(sims.get(v).sessions()).as(v).noneMatch(st -> st.nativeId().equals(stored.nativeId()) && !st.cancelled());
            }
            sessions.cancel(byDefault.id());
        }
    }

    @Test
    void aListingNamesOneProviderOrWalksThemAllPageByPage() {
        try (SessionService sessions = open(config("wecom", "wecom", "zoom"))) {
            List<SessionId> made = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                made.add(sessions.create(meeting("walk w" + i).toBuilder().provider("wecom").build()).id());
                made.add(sessions.create(meeting("walk z" + i).toBuilder().provider("zoom").build()).id());
            }
            ListQuery meetings = ListQuery.of(SessionKind.MEETING).withPageSize(2);
            assertThat(sessions.listAll(meetings.withProvider("zoom")).map(s -> s.id().provider()).distinct()).containsExactly("zoom");
            List<Session> all = sessions.listAll(meetings).toList();
            assertThat(all).extracting(Session::id).containsAll(made);
            // providers one after another, in the configured order, and never a session twice
            assertThat(all.stream().map(s -> s.id().provider()).distinct()).containsExactly("wecom", "zoom");
            assertThat(all).extracting(Session::id).doesNotHaveDuplicates();

            List<Session> paged = new ArrayList<>();
            Page<Session> page = sessions.list(meetings);
            paged.addAll(page.items());
            while (page.hasNext()) {
                page = sessions.list(meetings.withCursor(page.nextCursor()));
                paged.addAll(page.items());
            }
            assertThat(paged).extracting(Session::id).containsExactlyElementsOf(all.stream().map(Session::id).toList());
            assertThat(sessions.listAllAsync(meetings).join()).extracting(Session::id).containsExactlyElementsOf(all.stream().map(Session::id).toList());
            assertThatThrownBy(() -> sessions.list(meetings.withCursor("bm90IG91cnM")))
                    .isInstanceOf(dev.convene.InvalidSessionException.class).hasMessageContaining("cursor");
        }
    }

    @Test
    void aVendorSwitchByConfigurationLeavesTheOldVendorsSessionsReadableAndCancellable() {
        SessionId booked;
        try (SessionService before = open(config("zoom", "zoom"))) {
            booked = before.create(meeting("booked on zoom")).id();
        }
        // the application moves to Tencent Meeting and keeps Zoom configured for what it booked there
        try (SessionService after = open(config("tencentmeeting", "tencentmeeting", "zoom"))) {
            Session created = after.create(meeting("new vendor"));
            assertThat(created.id().provider()).isEqualTo("tencentmeeting");
            assertThat(after.get(booked).title()).isEqualTo("booked on zoom");
            after.cancel(booked);
            assertThat(sims.get("zoom").sessions()).noneMatch(s -> s.nativeId().equals(booked.nativeId()) && !s.cancelled());
        }
        // configured for Tencent alone, the stored Zoom id is a clear error naming what is configured, nothing sent
        int zoomRequests = sims.get("zoom").requests().size();
        try (SessionService tencentOnly = open(config("tencentmeeting", "tencentmeeting"))) {
            assertThatThrownBy(() -> tencentOnly.get(booked))
                    .isInstanceOfSatisfying(UnconfiguredProviderException.class, e -> {
                        assertThat(e.provider()).isEqualTo("zoom");
                        assertThat(e.configured()).containsExactly("tencentmeeting");
                    });
            assertThat(tencentOnly.cancelAsync(booked)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class).withCauseInstanceOf(UnconfiguredProviderException.class);
            assertThatThrownBy(() -> tencentOnly.create(meeting("elsewhere").toBuilder().provider("wecom").build()))
                    .isInstanceOf(UnconfiguredProviderException.class).hasMessageContaining("configured: tencentmeeting");
            assertThatThrownBy(() -> tencentOnly.capabilities("zoom")).isInstanceOf(UnconfiguredProviderException.class);
        }
        assertThat(sims.get("zoom").requests()).hasSize(zoomRequests);
    }

    @Test
    void oneProviderIsConfiguredExactlyAsBefore() {
        Map<String, String> single = new HashMap<>(sims.get("wecom").properties());
        try (SessionService sessions = open(single)) {
            assertThat(sessions.providers()).containsExactly("wecom");
            assertThat(sessions.create(meeting("alone")).id().provider()).isEqualTo("wecom");
        }
    }

    @Test
    void aMissingKeyOfAnyConfiguredProviderIsNamedBeforeAnythingOpens() {
        Map<String, String> config = config("wecom", "wecom", "zoom");
        config.remove("convene.zoom.client-secret");
        assertThatThrownBy(() -> open(config)).isInstanceOfSatisfying(dev.convene.ConfigurationException.class,
                e -> assertThat(e.missingKeys()).containsExactly("convene.zoom.client-secret"));
    }
}
