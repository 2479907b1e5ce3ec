package dev.convene.provider.tencentmeeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Access;
import dev.convene.AlreadyCancelledException;
import dev.convene.ListQuery;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionStatus;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.simulator.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Meetings, live streams and webinars end to end against the simulator, beyond what the contract suite asks. */
class SessionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final Simulated env = new Simulated();

    @AfterEach
    void stop() {
        env.close();
    }

    JsonNode lastBody(Operation operation) throws Exception {
        List<dev.convene.simulator.RecordedRequest> r = env.sim.requests(operation);
        return JSON.readTree(r.get(r.size() - 1).bodyText());
    }

    @Test
    void aLiveStreamIsAMeetingWithItsLiveSwitchedOnAndAnAudienceLink() throws Exception {
        Session s = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM).description("for everyone")
                .live(new LiveOptions("2468", true)).build());
        JsonNode sent = lastBody(Operation.CREATE);
        assertThat(env.sim.requests(Operation.CREATE).get(0).rawPath()).isEqualTo("/v1/meetings");
        assertThat(sent.get("enable_live").asBoolean()).isTrue();
        assertThat(sent.get("live_config").get("live_subject").asText()).isEqualTo("Weekly sync");
        assertThat(sent.get("live_config").get("live_summary").asText()).isEqualTo("for everyone");
        assertThat(sent.get("live_config").get("enable_live_password").asBoolean()).isTrue();
        assertThat(s.id().kind()).isEqualTo(SessionKind.LIVE_STREAM);
        assertThat(s.join().audienceUrl()).startsWith("https://");
        Session got = env.service.get(s.id());
        assertThat(got.join().audienceUrl()).isEqualTo(s.join().audienceUrl());
        assertThat(got.live()).isEqualTo(new LiveOptions("2468", true));
    }

    @Test
    void aNewTitleRenamesTheStreamOnlyWhenTheStreamHadNoSubjectOfItsOwn() throws Exception {
        Session named = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM)
                .option(TencentMeetingOptions.LIVE_SUBJECT, "Town hall live").build());
        assertThat(env.service.update(named.id(), SessionUpdate.builder().title("Renamed").build()).title()).isEqualTo("Renamed");
        assertThat(lastBody(Operation.UPDATE).get("subject").asText()).isEqualTo("Renamed");
        assertThat(lastBody(Operation.UPDATE).has("live_config")).as("the stream keeps its own subject").isFalse();

        Session following = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM).build());
        env.service.update(following.id(), SessionUpdate.builder().title("Renamed too").build());
        assertThat(lastBody(Operation.UPDATE).get("live_config").get("live_subject").asText()).isEqualTo("Renamed too");

        env.service.update(named.id(), SessionUpdate.builder().title("Again").option(TencentMeetingOptions.LIVE_SUBJECT, "New stream").build());
        assertThat(lastBody(Operation.UPDATE).get("live_config").get("live_subject").asText()).isEqualTo("New stream");
        env.service.update(named.id(), SessionUpdate.builder().title("Once more").build());
        assertThat(lastBody(Operation.UPDATE).has("live_config")).isFalse();
    }

    @Test
    void hostsGivenToAnUpdateMustIncludeTheOrganizer() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).hosts("test1").build());
        int before = env.sim.requests().size();
        assertThatThrownBy(() -> env.service.update(s.id(), SessionUpdate.builder().hosts(List.of("test2")).build()))
                .isInstanceOfSatisfying(dev.convene.InvalidSessionException.class, e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> {
                            assertThat(v.field()).isEqualTo("hosts");
                            assertThat(v.rule()).startsWith("must include tester");
                        }));
        assertThat(env.sim.requests()).as("nothing was sent").hasSize(before);
        assertThat(env.service.update(s.id(), SessionUpdate.builder().hosts(List.of("tester", "test2")).build()).hosts())
                .containsExactly("tester", "test2");
    }

    @Test
    void listingsKeepMeetingsAndLiveStreamsApart() {
        Session meeting = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        Session live = env.service.create(Simulated.draft(SessionKind.LIVE_STREAM).build());
        assertThat(env.service.listAll(ListQuery.of(SessionKind.MEETING)).map(Session::id).toList()).containsExactly(meeting.id());
        assertThat(env.service.listAll(ListQuery.of(SessionKind.LIVE_STREAM)).map(Session::id).toList()).containsExactly(live.id());
        assertThat(env.service.listAll(ListQuery.all()).map(Session::id).toList()).containsExactlyInAnyOrder(meeting.id(), live.id());
    }

    @Test
    void listingsShowWhatTheOrganizerCreatedWithinTheWindow() {
        Session mine = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        Session later = env.service.create(Simulated.draft(SessionKind.MEETING).start(mine.start().plus(Duration.ofDays(3))).build());
        Session invitedOnly;
        try (var other = env.open(withOrganizer("test1"))) {
            invitedOnly = other.create(Simulated.draft(SessionKind.MEETING).invitees("tester").build());
        }
        assertThat(env.service.listAll(ListQuery.of(SessionKind.MEETING)).map(Session::id).toList())
                .containsExactlyInAnyOrder(mine.id(), later.id()).doesNotContain(invitedOnly.id());
        assertThat(env.service.listAll(ListQuery.of(SessionKind.MEETING).between(mine.start(), mine.start().plus(Duration.ofDays(1))))
                .map(Session::id).toList()).containsExactly(mine.id());
        assertThat(env.sim.requests(Operation.LIST).get(env.sim.requests(Operation.LIST).size() - 1).query("pos"))
                .contains(Long.toString(mine.start().getEpochSecond()));
    }

    @Test
    void manyMeetingsAtOneStartTimePageWithoutLossOrRepeat() {
        for (int i = 0; i < 45; i++) {
            env.service.create(Simulated.draft(SessionKind.MEETING).build());
        }
        List<SessionId> listed = env.service.listAll(ListQuery.of(SessionKind.MEETING)).map(Session::id).toList();
        assertThat(listed).hasSize(45).doesNotHaveDuplicates();
        assertThat(env.sim.requests(Operation.LIST)).hasSize(3);
    }

    @Test
    void anUpdateChangesOnlyWhatItSaysAndKeepsStartAndEndConsistent() throws Exception {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).password("1234").hosts("test1")
                .media(MediaOptions.DEFAULTS.withWaitingRoom(true)).build());
        Session longer = env.service.update(s.id(), SessionUpdate.builder().duration(Duration.ofMinutes(90)).build());
        JsonNode sent = lastBody(Operation.UPDATE);
        assertThat(sent.get("start_time").asText()).isEqualTo(Long.toString(s.start().getEpochSecond()));
        assertThat(sent.get("end_time").asText()).isEqualTo(Long.toString(s.start().plus(Duration.ofMinutes(90)).getEpochSecond()));
        assertThat(sent.has("subject")).isFalse();
        assertThat(sent.has("hosts")).isFalse();
        assertThat(longer.duration()).isEqualTo(Duration.ofMinutes(90));
        Session got = env.service.get(s.id());
        assertThat(got.duration()).isEqualTo(Duration.ofMinutes(90));
        assertThat(got.password()).isEqualTo("1234");
        assertThat(got.hosts()).containsExactly("test1");
        assertThat(got.media().waitingRoom()).isTrue();

        Session open = env.service.update(s.id(), SessionUpdate.builder().access(Access.OPEN).build());
        assertThat(lastBody(Operation.UPDATE).get("password").asText()).as("an empty password removes it").isEmpty();
        assertThat(open.password()).isNull();
        assertThat(env.service.get(s.id()).access()).isEqualTo(Access.OPEN);
    }

    @Test
    void aWebinarGoesThroughItsWholeLife() throws Exception {
        Session w = env.service.create(Simulated.draft(SessionKind.WEBINAR).access(Access.REGISTRATION).description("agenda")
                .hosts("test1").option(TencentMeetingOptions.SPONSOR, "Convene").build());
        JsonNode sent = lastBody(Operation.CREATE);
        assertThat(env.sim.requests(Operation.CREATE).get(0).rawPath()).isEqualTo("/v1/webinars");
        assertThat(sent.get("admission_type").asInt()).isEqualTo(1);
        assertThat(sent.get("activity_page").asBoolean()).as("a description is shown on the activity page").isTrue();
        assertThat(sent.get("hosts").get(0).get("userid").asText()).isEqualTo("test1");

        Session got = env.service.get(w.id());
        assertThat(got.access()).isEqualTo(Access.REGISTRATION);
        assertThat(got.description()).isEqualTo("agenda");
        assertThat(got.hosts()).containsExactly("test1");
        assertThat(got.join().audienceUrl()).isEqualTo(w.join().audienceUrl()).startsWith("https://");
        assertThat(got.join().meetingCode()).matches("\\d{9}");

        Instant later = w.start().plus(Duration.ofDays(1));
        Session moved = env.service.update(w.id(), SessionUpdate.builder().start(later).password("8642").build());
        JsonNode change = lastBody(Operation.UPDATE);
        assertThat(change.get("end_time").asText()).isEqualTo(Long.toString(later.plus(w.duration()).getEpochSecond()));
        assertThat(change.get("admission_type").asInt()).isEqualTo(2);
        assertThat(moved.access()).isEqualTo(Access.PASSWORD);
        Session after = env.service.get(w.id());
        assertThat(after.start()).isEqualTo(later);
        assertThat(after.password()).isEqualTo("8642");

        env.service.cancel(w.id());
        assertThat(env.service.get(w.id()).status()).isEqualTo(SessionStatus.CANCELLED);
        env.service.cancel(w.id()); // 9007, already cancelled: done
        assertThatThrownBy(() -> env.service.update(w.id(), SessionUpdate.builder().title("Late").build()))
                .isInstanceOf(AlreadyCancelledException.class);
        assertThatThrownBy(() -> env.service.list(ListQuery.of(SessionKind.WEBINAR))).isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void statusFollowsTheVendor() {
        Session s = env.service.create(Simulated.draft(SessionKind.MEETING).build());
        env.sim.participantJoins(s.id().nativeId(), "tester");
        assertThat(env.service.get(s.id()).status()).isEqualTo(SessionStatus.LIVE);
        env.sim.hostEnds(s.id().nativeId());
        assertThat(env.service.get(s.id()).status()).isEqualTo(SessionStatus.ENDED);
    }

    @Test
    void aConfiguredSdkIdIsSentAndAnInstanceIdIsUsed() {
        try (Simulated withSdk = new Simulated(dev.convene.simulator.SimulatorOptions.defaults().with("sdk-id", "19000001"))) {
            java.util.Map<String, String> p = new java.util.HashMap<>(withSdk.sim.properties());
            p.put("convene.tencentmeeting.instance-id", "5");
            try (var service = withSdk.open(p)) {
                Session s = service.create(Simulated.draft(SessionKind.MEETING).build());
                service.get(s.id());
            }
            assertThat(withSdk.sim.requests(Operation.CREATE).get(0).header("SdkId")).contains("19000001");
            assertThat(withSdk.sim.requests(Operation.GET).get(0).query("instanceid")).contains("5");
        }
    }

    java.util.Map<String, String> withOrganizer(String organizer) {
        java.util.Map<String, String> p = new java.util.HashMap<>(env.sim.properties());
        p.put("convene.tencentmeeting.organizer", organizer);
        return p;
    }
}
