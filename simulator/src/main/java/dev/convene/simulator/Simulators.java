package dev.convene.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds and starts vendor fakes by id. */
public final class Simulators {
    private Simulators() {
    }

    public static VendorSimulator start(String vendor) {
        return start(vendor, SimulatorOptions.defaults());
    }

    public static VendorSimulator start(String vendor, SimulatorOptions options) {
        List<String> known = new ArrayList<>();
        for (SimulatorFactory factory : ServiceLoader.load(SimulatorFactory.class, Simulators.class.getClassLoader())) {
            if (factory.vendor().equals(vendor)) {
                return factory.start(options);
            }
            known.add(factory.vendor());
        }
        throw new IllegalArgumentException("no simulator for vendor '" + vendor + "'; available: " + known);
    }

    /** The vendors this jar can fake. */
    public static List<String> vendors() {
        List<String> known = new ArrayList<>();
        ServiceLoader.load(SimulatorFactory.class, Simulators.class.getClassLoader()).forEach(f -> known.add(f.vendor()));
        return known;
    }
}
