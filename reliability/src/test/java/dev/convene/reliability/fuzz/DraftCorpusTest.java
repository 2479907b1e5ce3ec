package dev.convene.reliability.fuzz;

import dev.convene.Access;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The draft and update corpus: every input the fuzzing of {@link DraftFuzzTest} found breaking something
 * (noted with what it broke), and representative edge cases, checked exactly as generated ones are:
 * success, or {@code InvalidSessionException} / {@code UnsupportedFeatureException} with nothing sent.
 * A failing generated case prints itself as the Java below, ready to be added here.
 */
class DraftCorpusTest {
    static final Instant NOW = Vendors.NOW;
    static Vendors vendors;

    @BeforeAll
    static void start() {
        vendors = Vendors.start();
    }

    @AfterAll
    static void stop() {
        if (vendors != null) {
            vendors.close();
        }
    }

    static SessionDraft plain(SessionKind kind) {
        return SessionDraft.builder(kind).title("Fuzz target").start(NOW.plus(Duration.ofDays(10))).duration(Duration.ofHours(1))
                .timeZone(ZoneId.of("Asia/Shanghai")).build();
    }

    static SessionDraft.Builder plainBuilder(SessionKind kind) {
        return plain(kind).toBuilder();
    }

    // ---- drafts ----------------------------------------------------------------------------------

    static Stream<Arguments> drafts() {
        return Stream.of(
                // Found: DateTimeException from core's recurrence check (start beyond the calendar).
                draft("wecom", "Instant.MAX start with an end date", SessionDraft.builder(SessionKind.MEETING).title("Fuzz 80867").start(Instant.MAX)
                        .duration(Duration.parse("PT15M")).timeZone(ZoneId.of("PRC")).access(Access.PASSWORD).password("1234")
                        .recurrence(Recurrence.parse("FREQ=WEEKLY;INTERVAL=8;BYDAY=TU;UNTIL=20370227")).build()),
                draft("zoom", "Instant.MIN start, 1 ns", SessionDraft.builder(SessionKind.WEBINAR).title("Fuzz 56834").start(Instant.MIN)
                        .duration(Duration.ofNanos(1)).timeZone(ZoneId.of("Africa/Lusaka")).access(Access.REGISTRATION).password("12")
                        .recurrence(Recurrence.parse("FREQ=DAILY;INTERVAL=7;UNTIL=20380204")).build()),
                draft("tencentmeeting", "Instant.MAX start with a count", SessionDraft.builder(SessionKind.LIVE_STREAM).title("<script>C,G(e(null")
                        .start(Instant.MAX).duration(Duration.parse("PT10M")).timeZone(ZoneId.of("Africa/Cairo"))
                        .recurrence(Recurrence.parse("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=7;COUNT=38")).build()),
                // Found: validated, then refused by the vendor.
                draft("wecom", "start after 2106 (32-bit seconds)", plainBuilder(SessionKind.WEBINAR).start(Instant.parse("2130-05-19T01:00:00Z"))
                        .duration(Duration.ofMinutes(5)).timeZone(ZoneId.of("Australia/Lindeman")).build()),
                draft("wecom", "empty webinar description", plainBuilder(SessionKind.WEBINAR).description("").build()),
                draft("zoom", "150 emoji title (300 UTF-16 units)", plainBuilder(SessionKind.WEBINAR).title("😀".repeat(150)).build()),
                draft("wecom", "start a nanosecond from now", plainBuilder(SessionKind.LIVE_STREAM).start(NOW.plusNanos(1)).build()),
                // Found: a null entry in a list threw NullPointerException while the draft was built.
                draft("wecom", "a null host", plainBuilder(SessionKind.MEETING).hosts(java.util.Arrays.asList("lisi", null)).build()),
                draft("tencentmeeting", "a null invitee", plainBuilder(SessionKind.MEETING).invitees(java.util.Arrays.asList(null, "test1")).build()),
                // Representative edge cases.
                draft("zoom", "no kind", SessionDraft.builder(null).build()),
                draft("wecom", "blank title, zero duration", plainBuilder(SessionKind.MEETING).title(" \t").duration(Duration.ZERO).build()),
                draft("tencentmeeting", "longest duration", plainBuilder(SessionKind.MEETING).duration(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999)).build()),
                draft("zoom", "most negative duration", plainBuilder(SessionKind.MEETING).duration(Duration.ofSeconds(Long.MIN_VALUE)).build()),
                draft("tencentmeeting", "zone +18:00", plainBuilder(SessionKind.MEETING).timeZone(ZoneOffset.MAX).build()),
                draft("zoom", "zone with seconds", plainBuilder(SessionKind.MEETING).timeZone(ZoneOffset.ofHoursMinutesSeconds(5, 30, 15)).build()),
                draft("wecom", "recurring in Antarctica/Troll", plainBuilder(SessionKind.MEETING).timeZone(ZoneId.of("Antarctica/Troll"))
                        .recurrence(Recurrence.daily(1).times(3)).build()),
                draft("tencentmeeting", "lone surrogate title", plainBuilder(SessionKind.MEETING).title("\uD800").build()),
                draft("wecom", "20 Chinese characters, 60 bytes", plainBuilder(SessionKind.MEETING).title("会".repeat(20)).build()),
                draft("wecom", "21 Chinese characters", plainBuilder(SessionKind.MEETING).title("会".repeat(21)).build()),
                draft("zoom", "huge description", plainBuilder(SessionKind.MEETING).description("x".repeat(20_000)).build()),
                draft("tencentmeeting", "301 invitees", plainBuilder(SessionKind.MEETING).invitees(numbered(301)).build()),
                draft("wecom", "blank and repeated hosts", plainBuilder(SessionKind.MEETING).hosts("lisi", " ", "lisi").build()),
                draft("zoom", "host with list separators", plainBuilder(SessionKind.MEETING).hosts("a,b@example.com").build()),
                draft("tencentmeeting", "fullwidth-digit password", plainBuilder(SessionKind.MEETING).password("１２３４").build()),
                draft("zoom", "interval of 2^31-1 days", plainBuilder(SessionKind.MEETING).recurrence(Recurrence.daily(Integer.MAX_VALUE)).build()),
                draft("tencentmeeting", "monthly on the 31st from February", plainBuilder(SessionKind.MEETING)
                        .start(Instant.parse("2030-02-28T02:00:00Z")).recurrence(Recurrence.monthlyOnDay(1, 31).times(5)).build()),
                draft("wecom", "replay without cloud recording", plainBuilder(SessionKind.WEBINAR).live(new LiveOptions(null, true)).build()),
                draft("tencentmeeting", "live password blank", plainBuilder(SessionKind.LIVE_STREAM).live(new LiveOptions(" ", null)).build()));
    }

    /** A draft case; several drafts are created one after another (a state one leaves may break the next). */
    static Arguments draft(String vendor, String what, SessionDraft... drafts) {
        return Arguments.of(vendor + ": " + what, vendor, List.of(drafts));
    }

    static List<String> numbered(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("user" + i);
        }
        return Collections.unmodifiableList(out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drafts")
    void draftCase(String name, String vendor, List<SessionDraft> drafts) throws Exception {
        for (SessionDraft d : drafts) {
            DraftFuzzTest.checkCreate(vendors.byId.get(vendor), d);
        }
    }

    static Stream<Arguments> sequences() {
        // Found: a stored Tencent series whose step ran past the calendar made the simulator drop every later recurring create.
        return Stream.of(draft("tencentmeeting", "a series past the end of the calendar, then an ordinary one",
                plainBuilder(SessionKind.MEETING).recurrence(Recurrence.daily(Integer.MAX_VALUE).times(200)).build(),
                plainBuilder(SessionKind.MEETING).recurrence(Recurrence.daily(11)).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void sequenceCase(String name, String vendor, List<SessionDraft> drafts) throws Exception {
        draftCase(name, vendor, drafts);
    }

    // ---- updates ---------------------------------------------------------------------------------

    static Stream<Arguments> updates() {
        return Stream.of(
                // Found: sent, then the answer could not be read (SessionOutcomeUnknownException).
                update("wecom", "start in year 292278994", plain(SessionKind.MEETING),
                        SessionUpdate.builder().start(Instant.parse("+292278994-08-17T07:12:55Z")).duration(Duration.ofMinutes(70)).build()),
                update("zoom", "Instant.MAX start", plain(SessionKind.WEBINAR),
                        SessionUpdate.builder().start(Instant.MAX).access(Access.OPEN).invitees(List.of()).build()),
                update("wecom", "a monthly rule ending in year 0, no start (IndexOutOfBounds building the request)",
                        plainBuilder(SessionKind.MEETING).start(Instant.parse("2030-03-29T18:30:00Z")).duration(Duration.ofMinutes(50)).build(),
                        SessionUpdate.builder().description("\u9530\u4ECC\u580F\u5A40")
                                .recurrence(Recurrence.parse("FREQ=MONTHLY;BYMONTHDAY=30;UNTIL=00000101")).build()),
                // Found: validated, then refused by the vendor.
                update("wecom", "recording off while replay is on", plainBuilder(SessionKind.WEBINAR)
                                .media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.CLOUD)).live(new LiveOptions(null, true)).build(),
                        SessionUpdate.builder().media(MediaOptions.DEFAULTS.withAutoRecording(MediaOptions.Recording.LOCAL)).build()),
                update("wecom", "empty webinar description", plain(SessionKind.WEBINAR), SessionUpdate.builder().description("").build()),
                update("wecom", "end past 2106", plain(SessionKind.WEBINAR), SessionUpdate.builder().start(Instant.ofEpochSecond(0xFFFF_FFFFL - 60)).build()),
                update("wecom", "start a nanosecond from now", plain(SessionKind.LIVE_STREAM), SessionUpdate.builder().start(NOW.plusNanos(1)).build()),
                update("zoom", "weekdays for four years, no start", plain(SessionKind.WEBINAR), SessionUpdate.builder().title("Fuzz 76481")
                        .timeZone(ZoneId.of("America/Puerto_Rico")).recurrence(Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20340902")).build()),
                update("zoom", "150 emoji title", plain(SessionKind.WEBINAR), SessionUpdate.builder().title("😀".repeat(150)).build()),
                update("tencentmeeting", "rule ending before the stored start", plain(SessionKind.LIVE_STREAM), SessionUpdate.builder()
                        .duration(Duration.ofMinutes(5)).timeZone(ZoneId.of("Asia/Kathmandu"))
                        .recurrence(Recurrence.parse("FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20291119")).build()),
                update("zoom", "a null host", plain(SessionKind.MEETING), SessionUpdate.builder().hosts(java.util.Arrays.asList((String) null)).build()),
                // Representative edge cases.
                update("tencentmeeting", "nothing", plain(SessionKind.MEETING), SessionUpdate.builder().build()),
                update("zoom", "blank title", plain(SessionKind.MEETING), SessionUpdate.builder().title("").build()),
                update("wecom", "clear invitees", plain(SessionKind.MEETING), SessionUpdate.builder().invitees(List.of()).build()),
                update("tencentmeeting", "password access without a password", plain(SessionKind.WEBINAR),
                        SessionUpdate.builder().access(Access.PASSWORD).build()),
                update("zoom", "zone without a Zoom name", plain(SessionKind.MEETING), SessionUpdate.builder().timeZone(ZoneOffset.ofHours(8)).build()));
    }

    static Arguments update(String vendor, String what, SessionDraft base, SessionUpdate update) {
        return Arguments.of(vendor + ": " + what, vendor, base, update);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("updates")
    void updateCase(String name, String vendor, SessionDraft base, SessionUpdate update) throws Exception {
        Vendors.Vendor v = vendors.byId.get(vendor);
        SessionId target = DraftFuzzTest.target(v, base);
        DraftFuzzTest.checkUpdate(v, target, update);
    }
}
