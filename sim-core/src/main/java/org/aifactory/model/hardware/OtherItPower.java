package org.aifactory.model.hardware;

import org.aifactory.model.Checks;

/**
 * IT power of a system that is not GPU power (CPUs, memory, NICs, fans, switches): either a fixed
 * power per system or a factor of the GPUs' instantaneous power (the Epoch AI method, where the
 * whole IT load is GPU power × 2.03 for H100 clusters, i.e. a factor of 1.03).
 */
public sealed interface OtherItPower {

  /** Other IT power drawn by a system whose GPUs draw {@code gpuWatts} in total. */
  double watts(double gpuWatts);

  /** Constant power per system, whatever its GPUs do. */
  record Fixed(double wattsPerSystem) implements OtherItPower {
    public Fixed {
      Checks.nonNegative(wattsPerSystem, "other_it_power");
    }

    @Override
    public double watts(double gpuWatts) {
      return wattsPerSystem;
    }
  }

  /** Other IT power proportional to the GPUs' power at every instant. */
  record FactorOfGpu(double factor) implements OtherItPower {
    public FactorOfGpu {
      Checks.nonNegative(factor, "other_it_power_factor");
    }

    @Override
    public double watts(double gpuWatts) {
      return factor * gpuWatts;
    }
  }
}
