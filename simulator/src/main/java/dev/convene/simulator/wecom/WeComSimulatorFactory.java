package dev.convene.simulator.wecom;

import dev.convene.simulator.SimulatorFactory;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.VendorSimulator;

/** Registers the WeCom fake under the vendor id {@code wecom}. */
public final class WeComSimulatorFactory implements SimulatorFactory {
    @Override
    public String vendor() {
        return "wecom";
    }

    @Override
    public VendorSimulator start(SimulatorOptions options) {
        return new WeComSimulator(options);
    }
}
