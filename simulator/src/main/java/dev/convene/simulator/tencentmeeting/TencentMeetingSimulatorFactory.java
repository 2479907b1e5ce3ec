package dev.convene.simulator.tencentmeeting;

import dev.convene.simulator.SimulatorFactory;
import dev.convene.simulator.SimulatorOptions;
import dev.convene.simulator.VendorSimulator;

/** Registers the Tencent Meeting fake under the provider's id, {@code tencentmeeting}. */
public final class TencentMeetingSimulatorFactory implements SimulatorFactory {
    @Override
    public String vendor() {
        return TencentMeetingSimulator.VENDOR;
    }

    @Override
    public VendorSimulator start(SimulatorOptions options) {
        return new TencentMeetingSimulator(options);
    }
}
