package dev.convene.benchmarks;

import dev.convene.simulator.Operation;
import dev.convene.simulator.RecordedRequest;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The stub vendor, run in its own JVM so that client and server do not share a heap or a GC:
 * {@code java -cp benchmarks.jar dev.convene.benchmarks.StubServer VENDOR LATENCY_MS RECORD_LIMIT [key=value …]}.
 * It starts the simulator on 127.0.0.1, prints {@code BASE url}, one {@code PROP key=value} per client
 * property, then {@code READY}, and obeys commands on standard input (one a line):
 * {@code REQUESTS} (the recorded requests, one {@code REQ} line each, then {@code END}),
 * {@code COUNT OPERATION}, {@code CLEAR}, {@code SEED n} (Zoom: n meetings for the organizer), {@code QUIT}.
 * It exits when its standard input closes, so a dead benchmark never leaves a stub behind.
 */
public final class StubServer {
    private StubServer() {
    }

    public static void main(String[] args) throws Exception {
        String vendor = args[0];
        SimulatorOptions options = SimulatorOptions.defaults()
                .withLatency(Duration.ofMillis(Long.parseLong(args[1])))
                .withRecordLimit(Integer.parseInt(args[2]));
        for (Map.Entry<String, String> e : Stubs.defaultSettings(vendor).entrySet()) {
            options = options.with(e.getKey(), e.getValue());
        }
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options = options.with(kv[0], kv[1]);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (VendorSimulator sim = Simulators.start(vendor, options)) {
            out.println("BASE " + sim.baseUrl());
            sim.properties().forEach((k, v) -> out.println("PROP " + k + "=" + v));
            out.println("READY");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] cmd = line.trim().split(" ", 2);
                switch (cmd[0]) {
                    case "REQUESTS" -> {
                        for (RecordedRequest r : sim.requests()) {
                            out.println("REQ " + encode(r));
                        }
                        out.println("END");
                    }
                    case "COUNT" -> out.println("COUNT " + sim.requests(Operation.valueOf(cmd[1])).size());
                    case "CLEAR" -> {
                        sim.clearRequests();
                        out.println("OK");
                    }
                    case "SEED" -> {
                        long started = System.nanoTime();
                        int n = ZoomSeeder.seed(sim, Integer.parseInt(cmd[1]));
                        out.println("OK " + n + " " + (System.nanoTime() - started) / 1_000_000);
                    }
                    case "GC" -> {
                        System.gc();
                        out.println("OK");
                    }
                    case "QUIT" -> {
                        return;
                    }
                    default -> out.println("ERR unknown command " + line);
                }
            }
        }
    }

    /** {@code operation TAB method TAB rawPath TAB rawQuery TAB base64(headers, "name: value" lines) TAB base64(body)}. */
    private static String encode(RecordedRequest r) {
        StringBuilder headers = new StringBuilder();
        r.headers().forEach((name, values) -> values.forEach(v -> headers.append(name).append(": ").append(v).append('\n')));
        Base64.Encoder b64 = Base64.getEncoder();
        return String.join("\t", r.operation().name(), r.method(), r.rawPath(), r.rawQuery().isEmpty() ? "-" : r.rawQuery(),
                b64.encodeToString(headers.toString().getBytes(StandardCharsets.UTF_8)), b64.encodeToString(r.body()));
    }

    static List<String> command(String vendor, long latencyMs, int recordLimit, List<String> settings) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Stubs.java(), "-Xms1g", "-Xmx4g", "-XX:+UseParallelGC",
                // The JDK's HTTP server writes headers and body apart; without TCP_NODELAY, Nagle and delayed ACKs
                // add ~40 ms to an answer on loopback.
                "-Dsun.net.httpserver.nodelay=true",
                // Keep every connection of 256 calls in flight: by default the server closes idle ones beyond 200,
                // and a client that does not retry (Convene never replays a create) would see that as a failure.
                "-Dsun.net.httpserver.maxIdleConnections=2000", "-Dsun.net.httpserver.idleInterval=600",
                "-cp", Stubs.classPath(), StubServer.class.getName(), vendor, Long.toString(latencyMs), Integer.toString(recordLimit)));
        cmd.addAll(settings);
        return cmd;
    }
}
