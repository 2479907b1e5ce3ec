package dev.convene.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.InvalidSessionException;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.Violation;
import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SessionId#parse}: any text either parses or fails with an {@link InvalidSessionException}
 * (field {@code id}) that quotes it; whatever parses prints back to itself in canonical form, and every id the model
 * accepts survives print and parse unchanged.
 */
class SessionIdFuzzTest {
    static final Duration HANG = Duration.ofSeconds(5);

    @Test
    void anyTextParsesOrIsRefusedWithAReason() {
        Fuzz.forAll("sessionId.anyText", 4000, SessionIdFuzzTest::idShaped, SessionIdFuzzTest::checkParse);
    }

    @Test
    void everyIdPrintsToTextThatParsesBackToIt() {
        Fuzz.forAll("sessionId.roundTrip", 4000, SessionIdFuzzTest::validId, id -> {
            assertThat(SessionId.parse(id.toString())).isEqualTo(id);
            assertThat(SessionId.parse(id.toString()).toString()).isEqualTo(id.toString());
        });
    }

    @Test
    void theModelRefusesBadPartsWithIllegalArgument() {
        Fuzz.forAll("sessionId.model", 3000, r -> new String[] {part(r), Fuzz.pick(r, "x", null), part(r)}, parts -> {
            SessionKind kind = parts[1] == null ? null : SessionKind.MEETING;
            try {
                SessionId id = SessionId.of(parts[0], kind, parts[2]);
                assertThat(SessionId.parse(id.toString())).isEqualTo(id);
            } catch (IllegalArgumentException e) {
                // Built in code, a missing or malformed part (a null kind included) is a programming error naming the part.
                assertThat(e.getMessage()).isNotBlank();
                if (kind == null) {
                    assertThat(e.getMessage()).contains("kind");
                }
            }
        });
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void corpusCase(String text) throws Exception {
        checkParse(text);
    }

    static Stream<String> corpus() {
        return Fuzz.corpus("session-ids.txt").stream();
    }

    static void checkParse(String text) throws Exception {
        SessionId id;
        try {
            id = Fuzz.within(HANG, () -> SessionId.parse(text));
        } catch (InvalidSessionException e) {
            assertThat(e.violations()).singleElement().extracting(Violation::field).isEqualTo("id");
            assertThat(e.getMessage()).isNotBlank().contains(text == null || text.isBlank() ? "id is empty" : text);
            return;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("parse threw " + e, e);
        }
        assertThat(SessionId.parse(id.toString())).isEqualTo(id);
        assertThat(id.provider()).matches("[a-z][a-z0-9-]{0,31}");
        assertThat(id.nativeId()).matches("[\\x21-\\x7E]{1,256}");
    }

    // ---- generators ----------------------------------------------------------------------------

    static String idShaped(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> Fuzz.oddString(r);
            case 1 -> Fuzz.pick(r, null, "", ":", "::", ":::", "a::", "::x", "zoom:meeting:", "zoom::1");
            default -> String.join(Fuzz.pick(r, ":", ":", ":", "：", "; "), part(r), kindText(r), part(r))
                    + (r.nextInt(5) == 0 ? ":" + part(r) : "");
        };
    }

    private static String kindText(Random r) {
        return Fuzz.pick(r, "meeting", "webinar", "live_stream", "live-stream", "LIVE_STREAM", " meeting ", "Meeting", "meetıng",
                "MEETİNG", "", "stream", "\u0000meeting", Fuzz.oddString(r));
    }

    private static String part(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> Fuzz.oddString(r);
            case 1 -> Fuzz.pick(r, "zoom", "wecom", "tencentmeeting", "a", "z9-", "x".repeat(32), "x".repeat(33), "-a", "9a", "Zoom");
            case 2 -> Long.toString(r.nextLong());
            case 3 -> Fuzz.randomChars(r, 1 + r.nextInt(300), 0x21, 0x7E);
            case 4 -> Fuzz.randomChars(r, 1 + r.nextInt(20), 0x00, 0x7F);
            default -> Fuzz.randomChars(r, 1 + r.nextInt(12), 'a', 'z');
        };
    }

    static SessionId validId(Random r) {
        String provider = (char) ('a' + r.nextInt(26)) + Fuzz.randomChars(r, r.nextInt(32), 'a', 'z').replace('q', '-').replace('j', '7');
        String nativeId = Fuzz.randomChars(r, 1 + r.nextInt(r.nextBoolean() ? 20 : 256), 0x21, 0x7E);
        return SessionId.of(provider, Fuzz.pick(r, SessionKind.values()), nativeId);
    }
}
