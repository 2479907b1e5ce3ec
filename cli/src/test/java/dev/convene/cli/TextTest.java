package dev.convene.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convene.Session;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.VendorError;
import dev.convene.VendorRejectedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Text a vendor hands back cannot steer the terminal the human output goes to; JSON output stays exact. */
class TextTest {
    /** Clear the screen, set the window title, ring the bell, reverse the text that follows. */
    static final String HOSTILE = "Sync\u001b[2J\u001b]0;pwned\u0007 \u202eevil\u009b31m";

    static Session session(String title) {
        return Session.builder().id(SessionId.of("zoom", SessionKind.MEETING, "85746065432")).title(title)
                .description("line one\nline two\r\u001b[1A").start(Instant.parse("2030-01-01T02:00:00Z")).duration(Duration.ofHours(1)).build();
    }

    @Test
    void controlCharactersInHumanOutputAreWrittenAsEscapes() {
        String shown = Text.session(session(HOSTILE)) + Text.sessions(List.of(session(HOSTILE)));
        assertThat(shown.chars().filter(c -> c != '\n' && (Character.isISOControl(c) || c == '\u202e'))).as("control characters printed").isEmpty();
        assertThat(shown).contains("Sync\\u001b[2J\\u001b]0;pwned\\u0007 \\u202eevil\\u009b31m")
                .contains("line one\\nline two\\r\\u001b[1A");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        String title = "周会 · Weekly sync 👨‍👩‍👧 — Ünïcode";
        assertThat(Text.visible(title)).isSameAs(title);
        assertThat(Text.visible("a lone \ud800 surrogate")).isEqualTo("a lone \\ud800 surrogate");
    }

    @Test
    void jsonOutputStaysExact() throws Exception {
        assertThat(new ObjectMapper().readTree(Json.session(session(HOSTILE))).get("title").asText()).isEqualTo(HOSTILE);
    }

    @Test
    void aVendorMessageOnStderrIsEscapedToo() {
        var refused = new VendorRejectedException(new VendorError("zoom", 400, "300", "bad \u001b]0;title\u0007", null, null));
        String line = Text.visibleLines(ExitCodes.headline(refused));
        assertThat(line).doesNotContain("\u001b").contains("bad \\u001b]0;title\\u0007");
    }
}
