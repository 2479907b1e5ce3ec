package dev.convene.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.convene.InvalidSessionException;
import dev.convene.Recurrence;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Recurrence#parse}: arbitrary text and RRULE-shaped text either parse or fail with an
 * {@link InvalidSessionException} (field {@code recurrence}) naming the RRULE and the problem; whatever parses prints back to
 * an RRULE that parses to an equal value; expanding any rule from any start never hangs and yields
 * increasing times that honour count and until.
 */
class RecurrenceFuzzTest {
    static final Duration HANG = Duration.ofSeconds(5);

    @Test
    void anyTextParsesOrIsRefusedWithAReason() {
        Fuzz.forAll("recurrence.anyText", 3000, r -> r.nextBoolean() ? Fuzz.oddString(r) : Fuzz.randomChars(r, r.nextInt(60), 0x20, 0x7E),
                RecurrenceFuzzTest::checkParse);
    }

    @Test
    void rruleShapedTextParsesOrIsRefusedWithAReason() {
        Fuzz.forAll("recurrence.rruleShaped", 6000, RecurrenceFuzzTest::rruleShaped, RecurrenceFuzzTest::checkParse);
    }

    @Test
    void builtRulesPrintToWhatTheyParseTo() {
        Fuzz.forAll("recurrence.built", 3000, RecurrenceFuzzTest::builtRule,
                rule -> assertThat(Recurrence.parse(rule.toRRule())).as(rule.toRRule()).isEqualTo(rule));
    }

    @Test
    void expansionEndsAndIsOrdered() {
        Fuzz.forAll("recurrence.expansion", 3000, r -> new Expansion(builtRule(r), start(r), Fuzz.pick(r, 1, 2, 10, 60, 500)),
                e -> checkExpansion(e.rule(), e.first(), e.limit()));
    }

    record Expansion(Recurrence rule, ZonedDateTime first, int limit) {
    }

    /** The corpus: RRULEs that once broke something, and representative edge cases; each line is checked like a generated one. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void corpusCase(String text) throws Exception {
        checkParse(text);
    }

    static Stream<String> corpus() {
        return Fuzz.corpus("rrules.txt").stream();
    }

    /** Expansion cases of the corpus: {@code RRULE | first (ISO zoned date-time) | limit}. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("expansionCorpus")
    void expansionCorpusCase(String line) throws Exception {
        String[] parts = line.split("\\|");
        checkExpansion(Recurrence.parse(parts[0].trim()), ZonedDateTime.parse(parts[1].trim()), Integer.parseInt(parts[2].trim()));
    }

    static Stream<String> expansionCorpus() {
        return Fuzz.corpus("rrule-expansions.txt").stream();
    }

    /** The checks every parse input meets; also run by the corpus. */
    static void checkParse(String text) throws Exception {
        Recurrence parsed;
        try {
            parsed = Fuzz.within(HANG, () -> Recurrence.parse(text));
        } catch (InvalidSessionException e) {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("recurrence");
                assertThat(v.rule()).as("the refusal names the RRULE and the problem").isNotBlank().startsWith("RRULE");
            });
            return;
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("parse(" + text + ") threw " + e, e);
        }
        String printed = parsed.toRRule();
        assertThat(Recurrence.parse(printed)).as("parse(print(parse(%s)))", text).isEqualTo(parsed);
        assertThat(Recurrence.parse(printed).toRRule()).as("printing is canonical").isEqualTo(printed);
        checkExpansion(parsed, ZonedDateTime.of(2030, 1, 31, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")), 60);
        checkExpansion(parsed, ZonedDateTime.of(2030, 3, 10, 2, 30, 0, 0, ZoneId.of("America/New_York")), 60);
    }

    static void checkExpansion(Recurrence rule, ZonedDateTime first, int limit) throws Exception {
        List<ZonedDateTime> times;
        try {
            times = Fuzz.within(HANG, () -> rule.occurrences(first).limit(limit).toList());
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(rule + " from " + first + " threw " + e, e);
        }
        String what = rule + " from " + first + " (limit " + limit + "): ";
        if (times.size() > limit || (rule.count() != null && times.size() > rule.count())) {
            throw new AssertionError(what + times.size() + " occurrences");
        }
        ZonedDateTime previous = null;
        for (ZonedDateTime t : times) {
            // Plain comparisons: this loop runs about a million times per build.
            if (t.isBefore(first)) {
                throw new AssertionError(what + t + " is before the first");
            }
            if (previous != null && !t.isAfter(previous)) {
                throw new AssertionError(what + t + " does not come after " + previous);
            }
            if (rule.until() != null && t.toLocalDate().isAfter(rule.until())) {
                throw new AssertionError(what + t + " is after until");
            }
            previous = t;
        }
    }

    // ---- generators ----------------------------------------------------------------------------

    private static final String[] NAMES = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "COUNT", "UNTIL", "WKST",
            "BYMONTH", "BYHOUR", "DTSTART", "freq", "Interval", "X-NAME", ""};
    private static final String[] FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "daily", "Weekly", "", "DAILY ", "MONTHLY;"};
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU", "mo", "XX", "M", "MON", ""};

    static String rruleShaped(Random r) {
        List<String> parts = new ArrayList<>();
        parts.add("FREQ=" + Fuzz.pick(r, FREQS));
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String name = Fuzz.pick(r, NAMES);
            parts.add(name + "=" + value(r, name.toUpperCase(java.util.Locale.ROOT)));
        }
        if (r.nextInt(8) == 0) {
            parts.add(Fuzz.pick(r, "", "=", "FREQ", "=DAILY", "COUNT==3", ";"));
        }
        java.util.Collections.shuffle(parts.subList(r.nextInt(3) == 0 ? 0 : 1, parts.size()), r);
        String rule = String.join(";", parts);
        return switch (r.nextInt(10)) {
            case 0 -> "RRULE:" + rule;
            case 1 -> "rrule:" + rule + ";";
            case 2 -> "  " + rule + "\n";
            case 3 -> rule.substring(0, r.nextInt(rule.length() + 1));
            default -> rule;
        };
    }

    private static String value(Random r, String name) {
        return switch (name) {
            case "FREQ" -> Fuzz.pick(r, FREQS);
            case "INTERVAL", "COUNT" -> number(r);
            case "BYMONTHDAY", "BYSETPOS" -> r.nextBoolean() ? Integer.toString(r.nextInt(70) - 35) : number(r);
            case "BYDAY" -> {
                int k = 1 + r.nextInt(r.nextInt(4) == 0 ? 8 : 2);
                List<String> days = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    String ordinal = switch (r.nextInt(6)) {
                        case 0 -> Integer.toString(r.nextInt(11) - 5);
                        case 1 -> "+" + r.nextInt(6);
                        case 2 -> Integer.toString(r.nextInt(60) - 30);
                        default -> "";
                    };
                    days.add(ordinal + Fuzz.pick(r, DAYS));
                }
                yield String.join(",", days);
            }
            case "UNTIL" -> Fuzz.pick(r, "20301231", "20300229", "20320229", "00000101", "99991231", "20301301", "2030-12-31",
                    "20301231T235959Z", "20301231T235959", "20301231T240000Z", "20300231T000000Z", "+100000101", "2030123",
                    "20301231Z", "20301231+0800", "19700101", "20301231T235960Z", "20300101T000000Z");
            case "WKST" -> Fuzz.pick(r, DAYS);
            default -> Fuzz.pick(r, "1", "", "x", "\u0000", "DAILY", "20301231", "-1", "😀");
        };
    }

    private static String number(Random r) {
        return switch (r.nextInt(8)) {
            case 0 -> "0";
            case 1 -> "-" + (1 + r.nextInt(5));
            case 2 -> Long.toString(r.nextLong());
            case 3 -> Fuzz.pick(r, "999999999", "1000000000", "2147483647", "2147483648", "4294967297");
            case 4 -> "+" + (1 + r.nextInt(100));
            case 5 -> "0000" + (1 + r.nextInt(9));
            case 6 -> Integer.toString(1 + r.nextInt(Integer.MAX_VALUE));
            default -> Integer.toString(1 + r.nextInt(r.nextBoolean() ? 10 : 10_000));
        };
    }

    static Recurrence builtRule(Random r) {
        int interval = r.nextInt(7) == 0 ? 1 + r.nextInt(Integer.MAX_VALUE) : 1 + r.nextInt(12);
        Recurrence rule = switch (r.nextInt(5)) {
            case 0 -> Recurrence.daily(interval);
            case 1 -> Recurrence.weekdays();
            case 2 -> {
                List<DayOfWeek> days = new ArrayList<>();
                for (DayOfWeek d : DayOfWeek.values()) {
                    if (r.nextInt(3) == 0) {
                        days.add(d);
                    }
                }
                yield Recurrence.weekly(interval, days.toArray(DayOfWeek[]::new));
            }
            case 3 -> Recurrence.monthlyOnDay(interval, 1 + r.nextInt(31));
            default -> Recurrence.monthlyOnWeekday(interval, Fuzz.pick(r, 1, 2, 3, 4, -1), Fuzz.pick(r, DayOfWeek.values()));
        };
        return switch (r.nextInt(3)) {
            case 0 -> rule;
            case 1 -> rule.times(1 + r.nextInt(r.nextBoolean() ? 60 : 100_000));
            default -> rule.until(r.nextInt(6) == 0
                    ? Fuzz.pick(r, LocalDate.of(0, 1, 1), LocalDate.of(9999, 12, 31), LocalDate.of(2032, 2, 29), LocalDate.of(1970, 1, 1))
                    : LocalDate.of(2030, 1, 1).plusDays(r.nextInt(3400) - 400));
        };
    }

    private static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Asia/Shanghai"), ZoneId.of("America/New_York"),
            ZoneId.of("Europe/London"), ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Pacific/Apia"), ZoneId.of("America/Sao_Paulo"),
            ZoneOffset.MAX, ZoneOffset.MIN, ZoneId.of("Asia/Kathmandu"));

    static ZonedDateTime start(Random r) {
        LocalDateTime local = switch (r.nextInt(10)) {
            case 0 -> Fuzz.pick(r, LocalDateTime.of(2030, 3, 10, 2, 30), LocalDateTime.of(2030, 11, 3, 1, 30),
                    LocalDateTime.of(2011, 12, 29, 12, 0), LocalDateTime.of(2030, 1, 31, 23, 59, 59, 999_999_999));
            case 1 -> Fuzz.pick(r, LocalDateTime.MIN, LocalDateTime.MAX, LocalDateTime.MAX.minusDays(3), LocalDateTime.MIN.plusDays(3),
                    LocalDateTime.of(9999, 12, 31, 23, 0), LocalDateTime.of(0, 1, 1, 0, 0));
            default -> LocalDateTime.of(2030, 1, 1, 0, 0).plusSeconds(r.nextLong() % (86_400L * 800));
        };
        return ZonedDateTime.of(local, Fuzz.pick(r, ZONES));
    }
}
