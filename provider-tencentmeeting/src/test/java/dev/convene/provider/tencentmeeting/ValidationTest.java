package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.Access;
import dev.convene.InvalidSessionException;
import dev.convene.LiveOptions;
import dev.convene.Session;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.Violation;
import dev.convene.provider.tencentmeeting.TencentMeetingOptions.MeetingSettings;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seed 002 / spec §3–4 rules checked before sending, every violation reported at once. */
class ValidationTest {
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    List<String> fields(Runnable call) {
        int before = env.sim.requests().size();
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(call::run);
        assertThat(t).isInstanceOf(InvalidSessionException.class);
        assertThat(env.sim.requests()).as("nothing was sent").hasSize(before);
        return ((InvalidSessionException) t).violations().stream().map(Violation::field).toList();
    }

    @Test
    void aLiveStreamDraftReportsEveryBrokenRuleAtOnce() {
        List<String> invitees = IntStream.range(0, 301).mapToObj(i -> "u" + i).toList();
        List<String> fields = fields(() -> env.service.create(Simulated.draft(SessionKind.LIVE_STREAM)
                .title("周".repeat(171))                      // 513 bytes: over the subject's 512
                .password("12")                               // 4–6 digits
                .invitees(invitees)                           // at most 300
                .live(new LiveOptions("", null))               // a live password once enabled
                .start(env.clock.instant().minusSeconds(1))    // in the past
                .option(TencentMeetingOptions.HOST_KEY, "12345")
                .option(TencentMeetingOptions.LOCATION, "会".repeat(19))
                .option(TencentMeetingOptions.SETTINGS, new MeetingSettings(3, null, null, null, null, null, null, null, 0, null))
                .option(TencentMeetingOptions.SPONSOR, "not for meetings")
                .build()));
        assertThat(fields).contains("title", "password", "invitees", "live.password", "start", "options.host-key",
                "options.location", "options.settings.muteEnableTypeJoin", "options.settings.onlyUserJoinType", "options.sponsor");
    }

    @Test
    void passwordAndAccessMustAgree() {
        assertThat(fields(() -> env.service.create(Simulated.draft(SessionKind.MEETING).access(Access.PASSWORD).build())))
                .containsExactly("password");
        assertThat(fields(() -> env.service.create(Simulated.draft(SessionKind.MEETING).access(Access.OPEN).password("1234").build())))
                .containsExactly("password");
    }

    @Test
    void webinarAdmissionTypeAgainstPasswordAndTheThirtyMinuteLead() {
        List<String> fields = fields(() -> env.service.create(Simulated.draft(SessionKind.WEBINAR)
                .access(Access.REGISTRATION).password("1234")
                .start(env.clock.instant().plus(Duration.ofMinutes(20)))
                .description("")
                .option(TencentMeetingOptions.SPONSOR, "s".repeat(41))
                .option(TencentMeetingOptions.HOST_KEY, "123456")
                .build()));
        assertThat(fields).contains("password", "start", "description", "options.sponsor", "options.host-key");
        assertThat(fields(() -> env.service.create(Simulated.draft(SessionKind.WEBINAR).access(Access.PASSWORD).build())))
                .containsExactly("password");
    }

    @Test
    void updatesAreCheckedToo() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        assertThat(fields(() -> env.service.update(s.id(), SessionUpdate.builder().title("周".repeat(171)).password("abc")
                .option(TencentMeetingOptions.HOST_KEY, "x").build()))).contains("title", "password", "options.host-key");
        // Needs the current state (read first): the session has no password, so PASSWORD access needs one now.
        assertThatThrownBy(() -> env.service.update(s.id(), SessionUpdate.builder().access(Access.PASSWORD).build()))
                .isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("password"));
        assertThat(env.sim.requests(dev.convene.simulator.Operation.UPDATE)).as("no modify was sent").isEmpty();
    }

    /** Tencent caps neither hosts nor duration (seed 002, spec §3.1, §4): only Convene's own 366-day ceiling is declared. */
    @Test
    void noInventedHostOrDurationCap() {
        List<String> hosts = IntStream.rangeClosed(1, 12).mapToObj(i -> "host" + i).toList();
        env.sim.addUsers(hosts.toArray(String[]::new));
        assertThat(env.service.get(env.service.create(Simulated.draft(SessionKind.MEETING).hosts(hosts).build()).id()).hosts())
                .containsExactlyElementsOf(hosts);
        for (SessionKind kind : SessionKind.values()) {
            for (Duration d : List.of(Duration.ofSeconds(1), Duration.ofHours(25), Duration.ofDays(366))) {
                Session s = env.service.create(Simulated.draft(kind).duration(d).build());
                assertThat(env.service.get(s.id()).duration()).as(kind + " " + d).isEqualTo(d);
            }
            int before = env.sim.requests().size();
            assertThatThrownBy(() -> env.service.create(Simulated.draft(kind).duration(Duration.ofDays(366).plusSeconds(1)).build()))
                    .isInstanceOfSatisfying(InvalidSessionException.class, e -> assertThat(e.violations()).extracting(Violation::field)
                            .containsExactly("duration"));
            assertThat(env.sim.requests()).as("nothing was sent").hasSize(before);
        }
    }

    @Test
    void aValidDraftGoesThrough() {
        Session s = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM).title("周".repeat(170)).password("123456")
                .live(new LiveOptions("9999", false)).option(TencentMeetingOptions.HOST_KEY, "123456")
                .option(TencentMeetingOptions.LOCATION, "会".repeat(18)).build());
        assertThat(env.service.get(s.id()).password()).isEqualTo("123456");
    }
}
