package dev.convene.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Medians and ranges over several {@link Compare} outputs, as a Markdown table:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.convene.benchmarks.Summarize run1.txt run2.txt run3.txt}.
 */
public final class Summarize {
    private Summarize() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (String file : args) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                String[] f = line.trim().split("\\s+");
                if (line.startsWith("#") || f.length != 3) {
                    continue;
                }
                boolean ratio = f[0].equals("ratio");
                String name = ratio ? "ratio " + f[1] : f[0];
                try {
                    values.computeIfAbsent(name, k -> new ArrayList<>()).add(Double.parseDouble(ratio ? f[2] : f[1]));
                    units.put(name, ratio ? "" : f[2]);
                } catch (NumberFormatException ignored) {
                    // not a figure line
                }
            }
        }
        System.out.println("| figure | median | range | unit | runs |");
        System.out.println("|---|---:|---:|---|---:|");
        values.forEach((name, v) -> {
            double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.println("| " + name + " | " + fmt(Compare.median(a)) + " | " + fmt(a[0]) + "–" + fmt(a[a.length - 1]) + " | "
                    + units.get(name) + " | " + a.length + " |");
        });
    }

    private static String fmt(double v) {
        if (Math.abs(v) < 10 && v != Math.rint(v)) {
            // Ratios keep three decimals; figures read from Compare's one-decimal lines keep theirs.
            return String.format(Locale.ROOT, "%.3f", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
