package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The values that will grow are final classes made with builders, so a new part breaks no caller: no public
 * constructor to call positionally, and a copy through {@code toBuilder()} keeps every part (equal to the original).
 */
class GrowableValuesTest {
    static final Instant START = Instant.parse("2030-01-07T02:00:00Z");

    @Test
    void valuesThatWillGrowHaveNoPublicConstructor() {
        for (Class<?> type : List.of(Session.class, SessionDraft.class, SessionUpdate.class, ListQuery.class, Limits.class)) {
            assertThat(type.isRecord()).as(type.getSimpleName()).isFalse();
            assertThat(Modifier.isFinal(type.getModifiers())).as(type.getSimpleName()).isTrue();
            assertThat(type.getConstructors()).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void aCopyKeepsEveryPart() {
        SessionDraft draft = SessionDraft.builder(SessionKind.MEETING).title("Weekly sync").description("agenda").start(START)
                .duration(Duration.ofMinutes(45)).timeZone(ZoneId.of("Asia/Shanghai")).organizer("ann").hosts("ben").invitees("cat")
                .password("1234").media(MediaOptions.DEFAULTS.withMuteOnEntry(true)).live(new LiveOptions(null, true))
                .recurrence(Recurrence.weekly(1).times(4)).option(new ProviderOption<>("p", "x", String.class), "y").provider("zoom").build();
        assertThat(draft.toBuilder().build()).isEqualTo(draft).hasSameHashCodeAs(draft);
        assertThat(draft.toBuilder().title("Other").build()).isNotEqualTo(draft);

        SessionUpdate update = SessionUpdate.builder().title("t").hosts(List.of()).access(Access.OPEN).build();
        assertThat(update.toBuilder().build()).isEqualTo(update);

        ListQuery query = ListQuery.of(SessionKind.WEBINAR).withOrganizer("ann").between(START, START.plusSeconds(60)).withPageSize(5)
                .withCursor("c").withStatus(SessionStatus.CANCELLED).withProvider("zoom");
        assertThat(query.toBuilder().build()).isEqualTo(query);
        assertThat(query.statuses()).containsExactly(SessionStatus.CANCELLED);

        Session session = Session.builder().id(SessionId.of("zoom", SessionKind.MEETING, "1")).title("t").start(START)
                .duration(Duration.ofMinutes(30)).password("1").build();
        assertThat(session.toBuilder().build()).isEqualTo(session);
        assertThat(session.access()).isEqualTo(Access.PASSWORD);
    }

    @Test
    void limitsHaveNoDefaults() {
        assertThatThrownBy(() -> Limits.builder().maxTitleLength(10).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("description").hasMessageContaining("maxHosts").hasMessageContaining("maxOccurrences");
        Limits stated = Limits.builder().maxTitleLength(10).maxDescriptionLength(20).duration(Duration.ofMinutes(1), Duration.ofHours(1))
                .maxHosts(0).maxInvitees(Limits.UNLIMITED).maxOccurrences(1).build();
        assertThat(stated.passwordPattern()).as("no password unless stated").isNull();
        assertThat(stated.title()).isEqualTo(TextLimit.characters(10));
    }

    @Test
    void aQueryKeepsToItsTimes() {
        ListQuery q = ListQuery.all().between(START, START.plusSeconds(60));
        assertThat(q.includesStart(START)).as("from is inclusive").isTrue();
        assertThat(q.includesStart(START.plusSeconds(60))).as("to is inclusive").isTrue();
        assertThat(q.includesStart(START.minusSeconds(1))).isFalse();
        assertThat(q.includesStart(START.plusSeconds(61))).isFalse();
        assertThat(ListQuery.all().includesStart(Instant.MIN)).isTrue();
    }
}
