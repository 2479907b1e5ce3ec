package dev.convene.reliability.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A small seeded property runner and what the fuzz suites share: a hang guard, odd strings, the corpus files.
 *
 * <p>Each property runs a fixed number of cases; case {@code i} draws everything from
 * {@code new Random(seed(property, i))}, so every build replays exactly the same inputs and a failure
 * names the property, the case and its input (ready to be kept in the corpus). Every case runs even
 * after a failure; the failures are reported grouped by kind, each with its first input. For a deeper run with
 * fresh inputs: {@code -Dconvene.fuzz.seed=N} (another seed) and {@code -Dconvene.fuzz.scale=K}
 * (K times the cases), e.g.
 * {@code mvn -B -pl reliability -am verify -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false -Dconvene.fuzz.scale=20 -Dconvene.fuzz.seed=7}.
 */
final class Fuzz {
    static final long SEED = Long.getLong("convene.fuzz.seed", 20301121L);
    static final int SCALE = Math.max(1, Integer.getInteger("convene.fuzz.scale", 1));

    private static final ExecutorService GUARD = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-guard");
        t.setDaemon(true);
        return t;
    });

    private Fuzz() {
    }

    @FunctionalInterface
    interface Check<T> {
        void accept(T value) throws Exception;
    }

    /**
     * Runs {@code cases} (times the scale) generated inputs through {@code check}; the first one that
     * fails ends the property with its case number, seed and input.
     */
    static <T> void forAll(String property, int cases, Function<Random, T> generate, Check<T> check) {
        int n = cases * SCALE;
        Map<String, String> failures = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Throwable first = null;
        for (int i = 0; i < n; i++) {
            long seed = seed(property, i);
            T value = generate.apply(new Random(seed));
            try {
                check.accept(value);
            } catch (Throwable t) {
                // Every case runs; failures are grouped by what went wrong, each group shown with its first input.
                String kind = signature(t);
                counts.merge(kind, 1, Integer::sum);
                failures.putIfAbsent(kind, "case " + i + " (seed " + seed + "): " + show(value) + "\n    " + t);
                first = first == null ? t : first;
            }
        }
        if (first != null) {
            StringBuilder b = new StringBuilder(property + ": " + counts.values().stream().mapToInt(Integer::intValue).sum() + " of " + n
                    + " cases failed, " + failures.size() + " kinds of failure:");
            failures.forEach((kind, example) -> b.append("\n  [").append(counts.get(kind)).append("x] ").append(example));
            throw new AssertionError(b.toString(), first);
        }
    }

    /** What went wrong, without the parts that vary with the input: the innermost cause's class and the message's first words. */
    private static String signature(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(t.getMessage()).replaceAll("[0-9]+", "#");
        return t.getClass().getSimpleName() + "/" + root.getClass().getSimpleName() + ": "
                + message.substring(0, Math.min(60, message.length()));
    }

    static long seed(String property, int i) {
        long h = SEED * 0x9E3779B97F4A7C15L + property.hashCode();
        return h ^ (i * 0xC2B2AE3D27D4EB4FL);
    }

    /** The input as one printable line: control characters, surrogates and non-ASCII as {@code \\uXXXX}, long runs shortened. */
    static String show(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 2_000; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return s.length() > 2_000 ? b + "… (" + s.length() + " chars)" : b.toString();
    }

    /**
     * Runs {@code work} and fails when it takes longer than {@code limit} (a hang): the worker is
     * interrupted and left behind as a daemon, so a hang fails one case instead of the build.
     * Whatever {@code work} throws is rethrown as it is.
     */
    static <T> T within(Duration limit, Callable<T> work) throws Exception {
        Future<T> f = GUARD.submit(work);
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("did not finish within " + limit + " (a hang)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // ---- generation helpers ----------------------------------------------------------------------

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }

    @SafeVarargs
    static <T> T pick(Random r, T... options) {
        return options[r.nextInt(options.length)];
    }

    private static final String[] ODD = {"", " ", "\t\n", "\u0000", "\u200B", "\uFEFF", "\uD800", "\uDC00x", "😀", "👩‍👩‍👧‍👦",
            "\u202Eevil", "e\u0301\u0301\u0301", "İı", "ß", "ﬀ", "中文会议", "null", "NaN", "-0", "%00", "\\", "\"", "'",
            "<script>", "${x}", "%s%n", "\r\n\r\n", "\u00A0", "\u3000", "Ⅻ", "𝔘𝔫𝔦"};

    /** Strings that break naive code: empty, blank, control characters, lone surrogates, emoji, RTL, combining marks, long. */
    static String oddString(Random r) {
        return switch (r.nextInt(9)) {
            case 0, 1 -> pick(r, ODD);
            case 2 -> randomChars(r, r.nextInt(40), 0, 0xFFFF);
            case 3 -> randomChars(r, r.nextInt(40), 0x20, 0x7E);
            case 4 -> "x".repeat(1 + r.nextInt(r.nextBoolean() ? 300 : 20_000));
            case 5 -> "😀".repeat(1 + r.nextInt(300));
            case 6 -> pick(r, ODD) + randomChars(r, 1 + r.nextInt(10), 0x20, 0x7E) + pick(r, ODD);
            default -> randomChars(r, 1 + r.nextInt(30), 0x4E00, 0x9FFF);
        };
    }

    static String randomChars(Random r, int length, int from, int to) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) (from + r.nextInt(to - from + 1)));
        }
        return b.toString();
    }

    // ---- the corpus ------------------------------------------------------------------------------

    /**
     * The non-blank, non-comment ({@code #}) lines of a corpus file under {@code src/test/resources/fuzz/},
     * with {@code \\uXXXX}, {@code \\t}, {@code \\n}, {@code \\r}, {@code \\s} (space) and {@code \\\\} unescaped
     * and {@code <repeat N>text</repeat>} expanded.
     */
    static List<String> corpus(String name) {
        try (InputStream in = Fuzz.class.getResourceAsStream("/fuzz/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file fuzz/" + name);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(unescape(expand(line)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String unescape(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                b.append(c);
                continue;
            }
            char n = line.charAt(++i);
            switch (n) {
                case 'u' -> {
                    b.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 's' -> b.append(' ');
                case '\\' -> b.append('\\');
                default -> b.append('\\').append(n);
            }
        }
        return b.toString();
    }

    static String expand(String line) {
        int open = line.indexOf("<repeat ");
        if (open < 0) {
            return line;
        }
        int gt = line.indexOf('>', open);
        int close = line.indexOf("</repeat>", gt);
        int n = Integer.parseInt(line.substring(open + 8, gt));
        return line.substring(0, open) + line.substring(gt + 1, close).repeat(n) + expand(line.substring(close + 9));
    }
}
