package dev.convene.simulator.zoom;

import dev.convene.simulator.SimulatorFactory;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.VendorSimulator;

/** Registers the Zoom fake with {@link dev.convene.simulator.Simulators}. */
public final class ZoomSimulatorFactory implements SimulatorFactory {
    @Override
    public String vendor() {
        return "zoom";
    }

    @Override
    public VendorSimulator start(SimulatorOptions options) {
        return new ZoomSimulator(options);
    }
}
