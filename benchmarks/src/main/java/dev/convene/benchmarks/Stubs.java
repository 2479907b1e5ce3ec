package dev.convene.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A stub vendor in a second JVM ({@link StubServer}), started with {@link ProcessBuilder} and driven over
 * its standard input and output. Closing it ends the process.
 */
final class Stubs implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final String baseUrl;
    private final Map<String, String> properties;

    /** One request as the stub received it. */
    record Captured(String operation, String method, String rawPath, String rawQuery, List<String[]> headers, byte[] body) {
        String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }
    }

    private Stubs(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String base = null;
        Map<String, String> props = new LinkedHashMap<>();
        String line;
        while ((line = out.readLine()) != null && !line.equals("READY")) {
            if (line.startsWith("BASE ")) {
                base = line.substring(5);
            } else if (line.startsWith("PROP ")) {
                String[] kv = line.substring(5).split("=", 2);
                props.put(kv[0], kv[1]);
            }
        }
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("the stub vendor did not start");
        }
        this.baseUrl = base;
        this.properties = Map.copyOf(props);
    }

    /** Starts {@code vendor}'s simulator in its own JVM with {@code latencyMs} per answer. */
    static Stubs start(String vendor, long latencyMs, int recordLimit, String... settings) {
        try {
            ProcessBuilder pb = new ProcessBuilder(StubServer.command(vendor, latencyMs, recordLimit, List.of(settings)));
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            return new Stubs(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the benchmarks switch off in every stub: vendor quotas that a million calls would hit. */
    static Map<String, String> defaultSettings(String vendor) {
        return switch (vendor) {
            case "wecom" -> Map.of("api-calls-per-minute", "2000000000");
            case "zoom" -> Map.of("user-daily-write-limit", "0", "max-live-tokens", "unlimited");
            default -> Map.of();
        };
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The {@code convene.*} keys that point a client at this stub. */
    Map<String, String> properties() {
        return properties;
    }

    synchronized List<Captured> requests() {
        in.println("REQUESTS");
        List<Captured> all = new ArrayList<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (String line = read(); !line.equals("END"); line = read()) {
            String[] f = line.substring(4).split("\t", -1);
            List<String[]> headers = new ArrayList<>();
            for (String h : new String(b64.decode(f[4]), StandardCharsets.UTF_8).split("\n")) {
                if (!h.isEmpty()) {
                    headers.add(h.split(": ", 2));
                }
            }
            all.add(new Captured(f[0], f[1], f[2], f[3].equals("-") ? "" : f[3], headers, b64.decode(f[5])));
        }
        return all;
    }

    /** The most recent recorded request of {@code operation} (CREATE, GET, LIST, TOKEN …). */
    Captured last(String operation) {
        List<Captured> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).operation().equals(operation)) {
                return all.get(i);
            }
        }
        throw new IllegalStateException("the stub recorded no " + operation + " request");
    }

    synchronized int count(String operation) {
        in.println("COUNT " + operation);
        return Integer.parseInt(read().substring(6));
    }

    synchronized void clear() {
        in.println("CLEAR");
        read();
    }

    synchronized void gc() {
        in.println("GC");
        read();
    }

    /** Zoom only: {@code n} meetings for the organizer; answers how long it took in ms. */
    synchronized long seed(int n) {
        in.println("SEED " + n);
        String[] ok = read().split(" ");
        if (!ok[0].equals("OK") || Integer.parseInt(ok[1]) != n) {
            throw new IllegalStateException("seeding failed: " + String.join(" ", ok));
        }
        return Long.parseLong(ok[2]);
    }

    private String read() {
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the stub vendor died");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        in.println("QUIT");
        in.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
