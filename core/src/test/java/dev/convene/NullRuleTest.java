package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package's one rule for nulls, swept over every public setter: builders and queries take {@code null}
 * as "not set" and never throw; what is then missing is a violation naming the field, reported by the
 * service before anything is sent; self-checking values refuse a missing part with an
 * {@link IllegalArgumentException} naming it. Never a bare {@link NullPointerException}.
 */
class NullRuleTest {
    static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");
    static final Set<String> REQUIRED_FOR_CREATE = Set.of("kind", "title", "start", "duration");

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final SessionService service = ScriptedProvider.builder(name).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static SessionDraft.Builder meeting() {
        return SessionDraft.builder(SessionKind.MEETING).title("Weekly sync").start(NOW.plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30));
    }

    @Test
    void everyDraftSetterTakesNullAsNotSet() throws Exception {
        List<String> swept = new ArrayList<>();
        for (Method setter : setters(SessionDraft.Builder.class)) {
            SessionDraft.Builder b = meeting();
            setter.invoke(b, nulls(setter));
            SessionDraft draft = b.build();
            swept.add(setter.getName());
            Throwable t = catchThrowable(() -> service.create(draft));
            if (REQUIRED_FOR_CREATE.contains(setter.getName())) {
                assertThat(t).as(setter.toString()).isInstanceOfSatisfying(InvalidSessionException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly(setter.getName()));
            } else {
                assertThat(t).as(setter + ": not set is the default").isNull();
            }
        }
        assertThat(swept).contains("kind", "title", "description", "start", "duration", "timeZone", "organizer", "hosts", "invitees",
                "access", "password", "media", "live", "recurrence", "options", "option");
        long incomplete = swept.stream().filter(REQUIRED_FOR_CREATE::contains).count();
        assertThat(vendor.attempts(Operation.CREATE)).as("only the complete drafts were sent").isEqualTo(swept.size() - incomplete);
    }

    @Test
    void everyUpdateSetterTakesNullAsUnchanged() throws Exception {
        SessionId id = SessionId.of("scripted", SessionKind.MEETING, "7");
        List<String> swept = new ArrayList<>();
        for (Method setter : setters(SessionUpdate.Builder.class)) {
            SessionUpdate.Builder b = SessionUpdate.builder().title("New title").description("New agenda");
            setter.invoke(b, nulls(setter));
            SessionUpdate update = b.build();
            swept.add(setter.getName());
            assertThat(update.isEmpty()).isFalse();
            assertThat(catchThrowable(() -> service.update(id, update))).as(setter.toString()).isNull();
        }
        assertThat(swept).contains("title", "description", "start", "duration", "timeZone", "hosts", "invitees", "access", "password",
                "media", "live", "recurrence", "option");
    }

    @Test
    void nullEntriesOfVarargsAreViolationsLikeNullEntriesOfLists() {
        SessionDraft draft = meeting().hosts("a", null).invitees((String) null).build();
        assertThat(draft.hosts()).containsExactly("a", null);
        assertThatThrownBy(() -> service.create(draft)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).contains("hosts[1]", "invitees[0]"));
        assertThat(meeting().hosts((String[]) null).build().hosts()).isEmpty();
    }

    @Test
    void everyListQueryPartTakesNullAsNotSet() throws Exception {
        vendor.pages(List.of(List.of(ScriptedVendor.session(SessionKind.MEETING, "1", "a"))));
        List<ListQuery> queries = new ArrayList<>(List.of(ListQuery.of(null), ListQuery.builder().build()));
        for (Method wither : setters(ListQuery.class)) {
            queries.add((ListQuery) wither.invoke(ListQuery.of(SessionKind.MEETING), nulls(wither)));
        }
        assertThat(queries).hasSizeGreaterThanOrEqualTo(6);
        for (ListQuery q : queries) {
            assertThat(service.list(q).items()).as(String.valueOf(q)).isNotNull();
        }
    }

    @Test
    void aQueryIsCheckedWhenUsedNotWhenMade() {
        ListQuery bad = ListQuery.of(SessionKind.MEETING).withPageSize(-1).between(NOW, NOW.minusSeconds(1));
        assertThatThrownBy(() -> service.list(bad)).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("pageSize", "to"));
        assertThatThrownBy(() -> service.listAll(bad)).isInstanceOf(InvalidSessionException.class);
        assertThatThrownBy(() -> service.listAsync(bad).join()).hasCauseInstanceOf(InvalidSessionException.class);
        assertThat(vendor.attempts(Operation.LIST)).isZero();
    }

    @Test
    void everyConveneBuilderSetterTakesNullAsTheDefault() throws Exception {
        List<String> swept = new ArrayList<>();
        for (Method setter : setters(Convene.Builder.class)) {
            Convene.Builder b = ScriptedProvider.builder(name);
            setter.invoke(b, nulls(setter));
            swept.add(setter.getName());
            try (SessionService s = b.build()) {
                assertThat(s.get(SessionId.of("scripted", SessionKind.MEETING, "7")).title()).as(setter.toString()).isEqualTo("got");
            }
        }
        assertThat(swept).contains("properties", "propertiesFile", "environment", "provider", "clock", "retryPolicy", "retryWait",
                "listener", "tokenStore", "classLoader", "completionExecutor");
    }

    @Test
    void providerOptionsTakeNullAsNotSet() {
        ProviderOption<String> calendar = new ProviderOption<>("scripted", "calendar", String.class);
        ProviderOptions options = ProviderOptions.NONE.with(calendar, "c1");
        assertThat(options.with(null, "x")).isEqualTo(options);
        assertThat(options.with(calendar, null).isEmpty()).isTrue();
        assertThat(options.get(null)).isEmpty();
        assertThat(MediaOptions.DEFAULTS.withMuteOnEntry(null).withWaitingRoom(null).withJoinBeforeHost(null).withAutoRecording(null))
                .isEqualTo(MediaOptions.DEFAULTS);
        assertThat(new LiveOptions(null, null)).isEqualTo(LiveOptions.DEFAULTS);
    }

    @Test
    void recurrencesTakeNullForOptionalPartsAndNameAMissingOne() {
        assertThat(Recurrence.weekly(1, (DayOfWeek[]) null)).isEqualTo(Recurrence.weekly(1));
        assertThat(Recurrence.daily(1).times(3).until(null)).isEqualTo(Recurrence.daily(1).forever());
        assertThatThrownBy(() -> Recurrence.weekly(1, DayOfWeek.MONDAY, null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days of week must not contain null");
        assertThatThrownBy(() -> new Recurrence(null, 1, null, null, null, null, null, null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frequency is required");
        assertThatThrownBy(() -> Recurrence.monthlyOnWeekday(1, 2, null)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("week of month and a weekday");
        assertThatThrownBy(() -> Recurrence.parse(null)).isInstanceOf(InvalidSessionException.class);
    }

    @Test
    void selfCheckingValuesNameTheMissingPart() throws Exception {
        for (Method setter : setters(Session.Builder.class)) {
            Session.Builder b = ScriptedVendor.session(SessionKind.MEETING, "1", "t").toBuilder();
            setter.invoke(b, nulls(setter));
            Throwable t = catchThrowable(b::build);
            if (Set.of("id", "title", "start", "duration").contains(setter.getName())) {
                assertThat(t).as(setter.toString()).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining(setter.getName() + " is required");
            } else {
                assertThat(t).as(setter + ": optional").isNull();
            }
        }
        List<Runnable> missing = List.of(
                () -> new Occurrence("1", null, Duration.ZERO, null),
                () -> new Violation(null, "rule"),
                () -> new ProviderOption<>("p", null, String.class),
                () -> new RetryPolicy(1, null, Duration.ZERO, 0, Duration.ZERO),
                () -> Limits.builder().duration(null, Duration.ofHours(1)).build(),
                () -> Capabilities.builder().kind(null, Set.of(), Set.of(), someLimits()));
        for (Runnable r : missing) {
            assertThat(catchThrowable(r::run)).isExactlyInstanceOf(IllegalArgumentException.class).hasMessageContaining("required");
        }
        assertThat(new KindCapabilities(null, null, someLimits()).operations()).isEmpty();
    }

    private static Limits someLimits() {
        return Limits.builder().maxTitleLength(200).maxDescriptionLength(2000).duration(Duration.ofMinutes(1), Duration.ofHours(24))
                .maxHosts(10).maxInvitees(300).maxOccurrences(50).build();
    }

    /** Public instance methods returning the builder itself (or a new value of the type, for withers). */
    private static List<Method> setters(Class<?> type) {
        return Stream.of(type.getMethods())
                // setters inherited from a builder's generic base return the base type once erased
                .filter(m -> !Modifier.isStatic(m.getModifiers()) && m.getReturnType() != Object.class
                        && m.getReturnType().isAssignableFrom(type) && m.getParameterCount() > 0)
                .filter(m -> Arrays.stream(m.getParameterTypes()).noneMatch(Class::isPrimitive))
                .sorted(java.util.Comparator.comparing(Method::toString))
                .toList();
    }

    private static Object[] nulls(Method m) {
        return new Object[m.getParameterCount()];
    }
}
