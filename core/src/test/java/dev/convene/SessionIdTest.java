package dev.convene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionIdTest {
    @Test
    void printsAndParsesTheStringForm() {
        SessionId id = SessionId.of("zoom", SessionKind.LIVE_STREAM, "97871060099");
        assertThat(id.toString()).isEqualTo("zoom:live_stream:97871060099");
        assertThat(SessionId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void nativeIdsMayContainColonsAndBase64() {
        SessionId id = SessionId.parse("zoom:meeting:m3WqMkvuRXyYqH+eKWhk9w==:x");
        assertThat(id.nativeId()).isEqualTo("m3WqMkvuRXyYqH+eKWhk9w==:x");
        assertThat(SessionId.parse(id.toString())).isEqualTo(id);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|is empty",
            "zoom|is not of the form provider:kind:nativeId",
            "zoom:meeting|is not of the form",
            "zoom:party:1|'party' is not a session kind",
            "Zoom:meeting:1|provider id must be lower-case",
            ":meeting:1|provider id must be lower-case",
            "zoom:meeting:|native id must be 1 to 256",
            "zoom:meeting:a b|native id must be 1 to 256 printable ASCII characters without spaces"})
    void rejectsGarbageSayingWhy(String text, String reason) {
        // A ConveneException like every other failure, naming the field and the rule; nothing else escapes.
        assertThatThrownBy(() -> SessionId.parse(text)).isInstanceOfSatisfying(InvalidSessionException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("id");
                assertThat(v.rule()).contains(reason);
            });
        }).hasMessageContaining(reason);
    }

    @Test
    void aNullIdIsRefusedLikeAnEmptyOne() {
        assertThatThrownBy(() -> SessionId.parse(null)).isInstanceOf(InvalidSessionException.class).hasMessageContaining("id is empty");
    }

    @Test
    void kindsFromTextAreRefusedAsInvalidInputToo() {
        assertThatThrownBy(() -> SessionKind.parse("party")).isInstanceOfSatisfying(InvalidSessionException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("kind"));
        assertThatThrownBy(() -> SessionKind.parse(null)).isInstanceOf(InvalidSessionException.class);
    }

    @Test
    void idsBuiltInCodeRefuseMissingPartsWithIllegalArgument() {
        // The one rule for self-checking values: a part that is missing or malformed is an IllegalArgumentException naming it.
        assertThatThrownBy(() -> SessionId.of("zoom", null, "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kind");
        assertThatThrownBy(() -> SessionId.of(null, SessionKind.MEETING, "1")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> SessionId.of("zoom", SessionKind.MEETING, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("native id");
    }

    @Test
    void kindNamesAcceptDashesAndCase() {
        assertThat(SessionId.parse("wecom:LIVE-STREAM:abc").kind()).isEqualTo(SessionKind.LIVE_STREAM);
    }
}
