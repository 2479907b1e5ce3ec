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
            "''|session id is empty",
            "zoom|is not of the form provider:kind:nativeId",
            "zoom:meeting|is not of the form",
            "zoom:party:1|unknown session kind 'party'",
            "Zoom:meeting:1|provider id must be lower-case",
            ":meeting:1|provider id must be lower-case",
            "zoom:meeting:|native id must be 1 to 256",
            "zoom:meeting:a b|native id must be 1 to 256 printable ASCII characters without spaces"})
    void rejectsGarbageSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> SessionId.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void kindNamesAcceptDashesAndCase() {
        assertThat(SessionId.parse("wecom:LIVE-STREAM:abc").kind()).isEqualTo(SessionKind.LIVE_STREAM);
    }
}
