package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.convene.testing.ScriptedProvider;
import dev.convene.testing.ScriptedVendor;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Input a vendor would store mangled, or that would address another URL path, is refused naming field and rule
 * before anything is sent (issue 14, items 3 and 13): a lone surrogate is stored as '?' (findCreated could then
 * never match the session), a control character garbles a title, and '.' or '..' as an id or organizer is a
 * different path at the vendor.
 */
class MangledInputTest {
    static final Instant NOW = Instant.parse("2029-06-01T00:00:00Z");

    final String name = UUID.randomUUID().toString();
    final ScriptedVendor vendor = ScriptedProvider.register(name);
    final SessionService service = ScriptedProvider.builder(name).clock(java.time.Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static SessionDraft.Builder meeting() {
        return SessionDraft.builder(SessionKind.MEETING).title("Weekly sync").start(NOW.plus(Duration.ofDays(1))).duration(Duration.ofMinutes(30));
    }

    @Test
    void aLoneSurrogateOrAControlCharacterIsRefusedNamingFieldAndPosition() {
        assertThatThrownBy(() -> service.create(meeting().title("Sync \uD83D now").build()))
                .isInstanceOf(InvalidSessionException.class)
                .hasMessageContaining("title must be well-formed Unicode; a lone surrogate (U+D83D) is at index 5");
        assertThatThrownBy(() -> service.create(meeting().description("x\uDE00").build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("description must be well-formed Unicode");
        assertThatThrownBy(() -> service.create(meeting().title("Sync\u001B]0;pwned\u0007").build()))
                .isInstanceOf(InvalidSessionException.class)
                .hasMessageContaining("title must not contain control characters; U+001B is at index 4");
        assertThatThrownBy(() -> service.update(SessionId.of("scripted", SessionKind.MEETING, "7"),
                SessionUpdate.builder().title("a\uD800").build())).isInstanceOf(InvalidSessionException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> service.create(meeting().hosts("ok", "b\uDC00").build()))
                .isInstanceOf(InvalidSessionException.class).hasMessageContaining("hosts[1] must be well-formed Unicode");
        assertThat(vendor.allAttempts()).isZero();
        // a whole character outside the BMP, tabs and line breaks are fine
        assertThat(service.validate(meeting().title("Sync \uD83D\uDE00").description("line\n\tline\r\n").build())).isEmpty();
    }

    @Test
    void dotsAsAnIdOrOrganizerAreInvalidInputNotABareConveneException() {
        for (String dots : new String[] {".", ".."}) {
            SessionId id = SessionId.of("scripted", SessionKind.MEETING, dots);
            assertThatThrownBy(() -> service.get(id)).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("id"));
            assertThatThrownBy(() -> service.cancel(id)).isInstanceOf(InvalidSessionException.class);
            assertThatThrownBy(() -> service.create(meeting().organizer(dots).build())).isInstanceOfSatisfying(InvalidSessionException.class,
                    e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("organizer"));
            assertThatThrownBy(() -> service.list(ListQuery.of(SessionKind.MEETING).withOrganizer(dots)))
                    .isInstanceOf(InvalidSessionException.class).hasMessageContaining("organizer must not be '" + dots + "'");
        }
        assertThat(vendor.allAttempts()).isZero();
    }
}
