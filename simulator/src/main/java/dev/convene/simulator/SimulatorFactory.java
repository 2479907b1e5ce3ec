package dev.convene.simulator;

/** Starts one vendor's fake; registered in {@code META-INF/services/dev.convene.simulator.SimulatorFactory}. */
public interface SimulatorFactory {
    String vendor();

    VendorSimulator start(SimulatorOptions options);
}
