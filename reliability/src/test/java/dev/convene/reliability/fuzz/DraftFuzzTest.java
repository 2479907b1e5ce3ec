package dev.convene.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.Access;
import dev.convene.ConveneException;
import dev.convene.Feature;
import dev.convene.InvalidSessionException;
import dev.convene.LiveOptions;
import dev.convene.MediaOptions;
import dev.convene.Recurrence;
import dev.convene.Session;
import dev.convene.SessionDraft;
import dev.convene.SessionId;
import dev.convene.SessionKind;
import dev.convene.SessionUpdate;
import dev.convene.UnsupportedFeatureException;
import dev.convene.VendorException;
import dev.convene.Violation;
import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Draft and update validation through each provider's real {@link dev.convene.SessionService} against
 * its simulator: arbitrary drafts and updates (nulls, blanks, huge and odd strings, extreme instants
 * and durations, odd zones, recurrences) either succeed or fail with {@link InvalidSessionException}
 * (listing violations) or {@link UnsupportedFeatureException}, and then nothing was sent; no NPE,
 * ArithmeticException or DateTimeException escapes; what succeeds is a sane session.
 */
class DraftFuzzTest {
    static final Duration CALL = Duration.ofSeconds(15);
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

    @Test
    void wecomDrafts() {
        drafts("wecom");
    }

    @Test
    void tencentMeetingDrafts() {
        drafts("tencentmeeting");
    }

    @Test
    void zoomDrafts() {
        drafts("zoom");
    }

    @Test
    void wecomUpdates() {
        updates("wecom");
    }

    @Test
    void tencentMeetingUpdates() {
        updates("tencentmeeting");
    }

    @Test
    void zoomUpdates() {
        updates("zoom");
    }

    private static void drafts(String vendor) {
        Vendors.Vendor v = vendors.byId.get(vendor);
        OUTCOMES.clear();
        Fuzz.forAll("draft." + vendor, 1500, r -> new DraftCase(draft(r, v), r.nextInt(4) == 0), c -> checkCreate(v, c.draft(), c.async()));
        System.out.println("draft." + vendor + " outcomes: " + OUTCOMES);
    }

    /** How the cases of the running property ended, printed so a weak generator (everything refused) shows. */
    static final Map<String, Integer> OUTCOMES = new java.util.TreeMap<>();

    static void outcome(String what) {
        OUTCOMES.merge(what, 1, Integer::sum);
    }

    /** Each case updates a session of its own, created from a generated draft (or a plain one where that is refused). */
    private static void updates(String vendor) {
        Vendors.Vendor v = vendors.byId.get(vendor);
        OUTCOMES.clear();
        Fuzz.forAll("update." + vendor, 600, r -> {
            SessionDraft base = draft(r, v);
            SessionKind kind = base.kind() != null && v.kinds().contains(base.kind()) ? base.kind() : Fuzz.pick(r, v.kinds());
            // The configured organizer owns it, so the update is the owner's (another user's session is the vendor's to refuse).
            return new Change(base.toBuilder().kind(kind).organizer(null).build(), update(r, v), r.nextInt(4) == 0);
        }, c -> checkUpdate(v, target(v, c.base()), c.update(), c.async()));
        System.out.println("update." + vendor + " outcomes: " + OUTCOMES);
    }

    record Change(SessionDraft base, SessionUpdate update, boolean async) {
        @Override
        public String toString() {
            return (async ? "async " : "") + "base " + Show.draft(base) + "\n  update " + Show.update(update);
        }
    }

    record DraftCase(SessionDraft draft, boolean async) {
        @Override
        public String toString() {
            return (async ? "async " : "") + Show.draft(draft);
        }
    }

    // ---- the checks (the corpus runs them too) ---------------------------------------------------

    static void checkCreate(Vendors.Vendor v, SessionDraft draft) throws Exception {
        checkCreate(v, draft, false);
    }

    /** {@code async}: through {@code createAsync}, whose refusals must come as a failed future, never thrown. */
    static void checkCreate(Vendors.Vendor v, SessionDraft draft, boolean async) throws Exception {
        v.simulator().clearRequests();
        Session s;
        try {
            s = Fuzz.within(CALL, () -> async ? unwrapped(() -> v.service().createAsync(draft)) : v.service().create(draft));
        } catch (InvalidSessionException | UnsupportedFeatureException e) {
            outcome(e.getClass().getSimpleName());
            refusedBeforeSending(v, e, Set.of());
            return;
        } catch (AssertionError e) {
            throw e;
        } catch (VendorException e) {
            if (namesStrangers(v, draft.organizer(), draft.hosts(), draft.invitees())) {
                outcome("refused by the vendor: unknown users");
                return; // only the vendor knows its directory
            }
            throw new AssertionError(v.id() + " validated the draft, but the vendor refused it: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError(v.id() + ": create let " + e + " escape", e);
        }
        sane(s);
        assertThat(s.kind()).isEqualTo(draft.kind());
        outcome("created");
    }

    static void checkUpdate(Vendors.Vendor v, SessionId target, SessionUpdate update) throws Exception {
        checkUpdate(v, target, update, false);
    }

    static void checkUpdate(Vendors.Vendor v, SessionId target, SessionUpdate update, boolean async) throws Exception {
        v.simulator().clearRequests();
        Session s;
        try {
            s = Fuzz.within(CALL, () -> async ? unwrapped(() -> v.service().updateAsync(target, update)) : v.service().update(target, update));
        } catch (InvalidSessionException | UnsupportedFeatureException e) {
            outcome(e.getClass().getSimpleName());
            // A provider may read the session first to check the update against it; it must write nothing.
            refusedBeforeSending(v, e, Set.of(Operation.GET));
            return;
        } catch (AssertionError e) {
            throw e;
        } catch (VendorException e) {
            if (namesStrangers(v, null, update.hosts(), update.invitees())) {
                outcome("refused by the vendor: unknown users");
                return;
            }
            throw new AssertionError(v.id() + " validated the update, but the vendor refused it: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new AssertionError(v.id() + ": update let " + e + " escape", e);
        }
        sane(s);
        assertThat(s.id()).isEqualTo(target);
        outcome("updated");
    }

    /**
     * Waits for an asynchronous call and throws what its future failed with. The call itself must not throw:
     * an exception thrown instead of a failed future is reported as such.
     */
    static Session unwrapped(java.util.function.Supplier<java.util.concurrent.CompletableFuture<Session>> call) throws Exception {
        java.util.concurrent.CompletableFuture<Session> future;
        try {
            future = call.get();
        } catch (RuntimeException e) {
            throw new AssertionError("the asynchronous call threw " + e + " instead of returning a failed future", e);
        }
        try {
            return future.get(CALL.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = dev.convene.spi.Exchange.unwrap(e);
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /**
     * True when the input names a user the vendor's directory may not have or may not let host: only the
     * vendor can refuse those, so a refusal is the right answer, not a gap in validation.
     */
    static boolean namesStrangers(Vendors.Vendor v, String organizer, List<String> hosts, List<String> invitees) {
        List<String> plain = Vendors.PLAIN_USERS.get(v.id());
        List<String> named = new ArrayList<>();
        if (organizer != null && !organizer.isBlank()) {
            named.add(organizer);
        }
        named.addAll(hosts == null ? List.of() : hosts);
        named.addAll(invitees == null ? List.of() : invitees);
        return named.stream().anyMatch(u -> !plain.contains(u));
    }

    private static void refusedBeforeSending(Vendors.Vendor v, ConveneException e, Set<Operation> allowedReads) {
        if (e instanceof InvalidSessionException invalid) {
            assertThat(invalid.violations()).as("an InvalidSessionException lists what is wrong").isNotEmpty();
            for (Violation violation : invalid.violations()) {
                assertThat(violation.field()).isNotBlank();
                assertThat(violation.rule()).isNotBlank();
            }
        }
        assertThat(e.getMessage()).isNotBlank();
        List<RecordedRequest> sent = v.businessRequests().stream().filter(r -> !allowedReads.contains(r.operation())).toList();
        assertThat(sent).as(v.id() + " refused the input (" + e.getMessage() + ") but sent").isEmpty();
    }

    /** A session that came back must be usable: printing it, its end and its local start must not throw. */
    static void sane(Session s) {
        assertThat(s).isNotNull();
        assertThat(SessionId.parse(s.id().toString())).isEqualTo(s.id());
        assertThat(s.toString()).isNotBlank();
        assertThat(s.duration().isNegative()).as("negative duration: " + s).isFalse();
        assertThat(s.end()).isAfterOrEqualTo(s.start());
        assertThat(s.localStart().toInstant()).isEqualTo(s.start());
    }

    /** A new session to update: {@code base} as created, or a plain one of its kind where the vendor refuses {@code base}. */
    static SessionId target(Vendors.Vendor v, SessionDraft base) {
        try {
            return v.service().create(base).id();
        } catch (ConveneException e) {
            return v.service().create(SessionDraft.builder(base.kind()).title("Fuzz target").start(Vendors.NOW.plus(Duration.ofDays(10)))
                    .duration(Duration.ofHours(1)).timeZone(ZoneId.of("Asia/Shanghai")).build()).id();
        }
    }

    // ---- generators ------------------------------------------------------------------------------

    private static final List<ZoneId> ZONES = new ArrayList<>();

    static {
        ZONES.addAll(List.of(ZoneId.of("Asia/Shanghai"), ZoneId.of("UTC"), ZoneOffset.UTC, ZoneId.of("America/New_York"),
                ZoneId.of("Europe/London"), ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/St_Johns"), ZoneId.of("Pacific/Kiritimati"),
                ZoneId.of("Pacific/Apia"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Antarctica/Troll"), ZoneId.of("Etc/GMT+12"),
                ZoneId.of("GMT"), ZoneId.of("Z"), ZoneOffset.MAX, ZoneOffset.MIN, ZoneOffset.ofHoursMinutesSeconds(5, 30, 15),
                ZoneId.of("UTC+08:00"), ZoneId.of("GMT-03:30"), ZoneId.of("EST5EDT"), ZoneId.of("Asia/Calcutta"), ZoneId.of("PRC")));
        ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).forEach(ZONES::add);
    }

    /**
     * Four in ten drafts are random in every part; the rest are a plain valid draft with one to three parts
     * replaced, so that validation is reached past the first broken rule. Three in four keep only the
     * features the provider declares for the kind, so that the capability check does not stop most of them.
     */
    static SessionDraft draft(Random r, Vendors.Vendor v) {
        SessionKind kind = r.nextInt(40) == 0 ? null : r.nextInt(10) == 0 ? Fuzz.pick(r, SessionKind.values()) : Fuzz.pick(r, v.kinds());
        SessionDraft d;
        if (r.nextInt(10) < 4) {
            d = SessionDraft.builder(kind).title(title(r)).description(r.nextBoolean() ? null : text(r)).start(start(r)).duration(duration(r))
                    .timeZone(r.nextInt(3) == 0 ? null : zone(r)).organizer(r.nextInt(4) == 0 ? person(r, v) : null)
                    .hosts(people(r, v)).invitees(people(r, v)).access(r.nextBoolean() ? null : Fuzz.pick(r, Access.values()))
                    .password(password(r)).media(media(r)).live(live(r)).recurrence(recurrence(r)).build();
        } else {
            SessionDraft.Builder b = SessionDraft.builder(kind).title("Fuzz " + r.nextInt(100_000))
                    .start(Vendors.NOW.plus(Duration.ofDays(2 + r.nextInt(60))).plus(Duration.ofMinutes(5L * r.nextInt(288))))
                    .duration(Duration.ofMinutes(30 + 5L * r.nextInt(12))).timeZone(ZoneId.of("Asia/Shanghai"));
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                switch (r.nextInt(12)) {
                    case 0 -> b.title(title(r));
                    case 1 -> b.description(text(r));
                    case 2 -> b.start(start(r));
                    case 3 -> b.duration(duration(r));
                    case 4 -> b.timeZone(zone(r));
                    case 5 -> b.organizer(person(r, v));
                    case 6 -> b.hosts(people(r, v));
                    case 7 -> b.invitees(people(r, v));
                    case 8 -> b.access(Fuzz.pick(r, Access.values())).password(password(r));
                    case 9 -> b.media(media(r));
                    case 10 -> b.live(live(r));
                    default -> b.recurrence(recurrence(r));
                }
            }
            d = b.build();
        }
        if (kind != null && r.nextInt(4) > 0) {
            d = onlySupported(d, v.service().capabilities().of(kind).map(k -> k.features()).orElse(Set.of()));
        }
        return d;
    }

    /** {@code d} without the parts that ask for features outside {@code features}. */
    static SessionDraft onlySupported(SessionDraft d, Set<Feature> features) {
        SessionDraft.Builder b = d.toBuilder();
        if (!features.contains(Feature.DESCRIPTION)) b.description(null);
        if (!features.contains(Feature.PASSWORD)) {
            b.password(null);
            if (d.access() == Access.PASSWORD) b.access(null);
        }
        if (!features.contains(Feature.REGISTRATION) && d.access() == Access.REGISTRATION) b.access(null);
        if (!features.contains(Feature.HOSTS)) b.hosts(List.of());
        if (!features.contains(Feature.INVITEES)) b.invitees(List.of());
        if (!features.contains(Feature.RECURRENCE)) b.recurrence(null);
        MediaOptions m = d.media();
        b.media(new MediaOptions(features.contains(Feature.MUTE_ON_ENTRY) ? m.muteOnEntry() : null,
                features.contains(Feature.WAITING_ROOM) ? m.waitingRoom() : null,
                features.contains(Feature.JOIN_BEFORE_HOST) ? m.joinBeforeHost() : null,
                features.contains(Feature.AUTO_RECORDING) ? m.autoRecording() : null));
        b.live(new LiveOptions(features.contains(Feature.LIVE_PASSWORD) ? d.live().password() : null,
                features.contains(Feature.LIVE_REPLAY) ? d.live().replay() : null));
        return b.build();
    }

    static SessionUpdate update(Random r, Vendors.Vendor v) {
        // Each part is left out (null: unchanged) more often than not, so updates touch a few things at a time.
        return SessionUpdate.builder()
                .title(r.nextInt(3) == 0 ? title(r) : null)
                .description(r.nextInt(5) == 0 ? text(r) : null)
                .start(r.nextInt(3) == 0 ? start(r) : null)
                .duration(r.nextInt(3) == 0 ? duration(r) : null)
                .timeZone(r.nextInt(5) == 0 ? zone(r) : null)
                .hosts(r.nextInt(5) == 0 ? people(r, v) : null)
                .invitees(r.nextInt(5) == 0 ? people(r, v) : null)
                .access(r.nextInt(5) == 0 ? Fuzz.pick(r, Access.values()) : null)
                .password(r.nextInt(5) == 0 ? password(r) : null)
                .media(r.nextInt(6) == 0 ? media(r) : null)
                .live(r.nextInt(6) == 0 ? live(r) : null)
                .recurrence(r.nextInt(5) == 0 ? recurrence(r) : null)
                .build();
    }

    static String title(Random r) {
        return switch (r.nextInt(10)) {
            case 0, 1, 2, 3 -> "Fuzz " + r.nextInt(100_000);
            case 4 -> null;
            case 5 -> Fuzz.pick(r, "周会", "Weekly sync 😀", "a", "x".repeat(20), "x".repeat(40), "x".repeat(41), "会".repeat(20), "会".repeat(21),
                    "x".repeat(200), "x".repeat(201), "x".repeat(255), "x".repeat(512), "😀".repeat(10), "😀".repeat(21));
            default -> Fuzz.oddString(r);
        };
    }

    static String text(Random r) {
        return r.nextBoolean() ? "Agenda: " + r.nextInt(1000) : Fuzz.oddString(r);
    }

    static Instant start(Random r) {
        Instant now = Vendors.NOW;
        return switch (r.nextInt(12)) {
            case 0 -> null;
            case 1 -> Fuzz.pick(r, Instant.MIN, Instant.MAX, Instant.EPOCH, now, now.minusSeconds(1), now.plusNanos(1), now.plusSeconds(59),
                    Instant.parse("9999-12-31T23:59:00Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2038-01-19T03:14:07Z"),
                    Instant.parse("2038-01-19T03:15:00Z"), Instant.parse("2106-02-07T06:28:15Z"), Instant.parse("+292278994-08-17T07:12:55Z"),
                    now.plus(Duration.ofDays(366 * 100)), now.plus(Duration.ofDays(400)), now.plus(Duration.ofMinutes(29)),
                    now.plus(Duration.ofMinutes(31)));
            case 2 -> now.plusSeconds(r.nextLong() % (86_400L * 400)).plusNanos(r.nextInt(1_000_000_000));
            default -> now.plus(Duration.ofMinutes(35 + r.nextInt(60 * 24 * 300 / 5) * 5L));
        };
    }

    static Duration duration(Random r) {
        return switch (r.nextInt(10)) {
            case 0 -> null;
            case 1 -> Fuzz.pick(r, Duration.ZERO, Duration.ofNanos(1), Duration.ofSeconds(-1), Duration.ofMinutes(-30), Duration.ofSeconds(59),
                    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(86_399), Duration.ofHours(24), Duration.ofHours(24).plusSeconds(1),
                    Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE), Duration.ofDays(1000),
                    Duration.ofMinutes(90).plusMillis(1));
            case 2 -> Duration.ofSeconds(r.nextLong() % 200_000, r.nextInt(1_000_000_000));
            default -> Duration.ofMinutes(5 + 5L * r.nextInt(36));
        };
    }

    static ZoneId zone(Random r) {
        return r.nextInt(3) == 0 ? ZONES.get(r.nextInt(22)) : Fuzz.pick(r, ZONES);
    }

    static String person(Random r, Vendors.Vendor v) {
        List<String> users = Vendors.USERS.get(v.id());
        return r.nextInt(4) == 0 ? Fuzz.oddString(r) : Fuzz.pick(r, users);
    }

    static List<String> people(Random r, Vendors.Vendor v) {
        return switch (r.nextInt(8)) {
            case 0, 1, 2, 3 -> List.of();
            case 4 -> List.of(person(r, v));
            case 5 -> List.of(person(r, v), person(r, v), person(r, v));
            case 6 -> {
                List<String> many = new ArrayList<>();
                int n = Fuzz.pick(r, 10, 99, 100, 101, 299, 300, 301);
                for (int i = 0; i < n; i++) {
                    many.add(r.nextInt(20) == 0 ? Fuzz.oddString(r) : "user" + i);
                }
                yield many;
            }
            default -> r.nextBoolean() ? List.of(Fuzz.pick(r, Vendors.USERS.get(v.id())), Fuzz.oddString(r))
                    : java.util.Arrays.asList(Fuzz.pick(r, Vendors.USERS.get(v.id())), null);
        };
    }

    static String password(Random r) {
        return switch (r.nextInt(6)) {
            case 0, 1, 2 -> null;
            case 3 -> Integer.toString(1000 + r.nextInt(9000));
            case 4 -> Fuzz.pick(r, "", "123", "1234567", "abc", "ab@-_*!", "12345678901", "１２３４", "١٢٣٤", "12 34");
            default -> Fuzz.oddString(r);
        };
    }

    static MediaOptions media(Random r) {
        if (r.nextInt(3) > 0) {
            return null;
        }
        return new MediaOptions(bool(r), bool(r), bool(r), r.nextBoolean() ? null : Fuzz.pick(r, MediaOptions.Recording.values()));
    }

    static LiveOptions live(Random r) {
        if (r.nextInt(3) > 0) {
            return null;
        }
        return new LiveOptions(r.nextBoolean() ? null : password(r), bool(r));
    }

    static Boolean bool(Random r) {
        return Fuzz.pick(r, null, Boolean.TRUE, Boolean.FALSE);
    }

    static Recurrence recurrence(Random r) {
        return r.nextInt(3) > 0 ? null : RecurrenceFuzzTest.builtRule(r);
    }
}
