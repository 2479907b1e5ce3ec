package dev.convene.cli;

import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.Simulators;
import dev.convene.simulator.VendorSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the vendor simulators as HTTP servers until stopped (Ctrl-C), printing what to configure to use them.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "First port; the simulators take N, N+1, … (default: free ports).")
    Integer port;

    @Option(names = "--write-config", paramLabel = "DIR", description = "Also write <vendor>.properties files into DIR for --config.")
    Path writeConfig;

    @Option(names = "--daily-limits", description = "Enforce the vendors' per-day quotas (Zoom: 100 creates and updates per host a day), "
            + "which last until the simulators restart (default: off).")
    boolean dailyLimits;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<VendorSimulator> running = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.forEach(VendorSimulator::close);
            stopped.countDown();
        }));
        List<String> vendors = Simulators.vendors().stream().sorted().toList();
        for (int i = 0; i < vendors.size(); i++) {
            // A fresh seed at each start (the default): ids kept from an earlier run never name a new session.
            SimulatorOptions options = SimulatorOptions.defaults().withRecordLimit(10_000).withDailyLimits(dailyLimits);
            if (port != null) {
                options = options.withPort(port + i);
            }
            VendorSimulator sim = Simulators.start(vendors.get(i), options);
            running.add(sim);
            out.println(sim.vendor() + " simulator at " + sim.baseUrl());
            Map<String, String> props = new TreeMap<>(sim.properties());
            props.forEach((k, v) -> out.println("  " + k + "=" + v));
            if (writeConfig != null) {
                write(writeConfig.resolve(sim.vendor() + ".properties"), props);
            }
            out.println();
        }
        out.println("ready: " + running.size() + " simulators running; use e.g. 'convene --config <vendor>.properties create meeting …'; Ctrl-C stops them");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private static void write(Path file, Map<String, String> props) {
        StringBuilder b = new StringBuilder("# written by 'convene simulate'\n");
        props.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
