package org.aifactory.model;

import org.aifactory.model.cooling.ClusterCoolingSpec;
import org.aifactory.model.cooling.CoolingSpec;
import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.SystemType;

/**
 * The design heat each loop of a cooling plant receives: every rack at its design IT load (GPUs at
 * TDP plus other IT power, as {@link RackGroups#designItWatts} sizes the electrical chain), split
 * between the liquid and air loops by its cluster's cooling. Pumps, fans and chillers add heat of
 * their own, which is not counted here.
 *
 * @param liquidWatts design heat to the liquid loop
 * @param airWatts design heat to the air loop
 */
public record LoopLoads(double liquidWatts, double airWatts) {

  /**
   * The loads of {@code factory}'s plant. Every cluster's system type and GPU type must be in the
   * catalog.
   */
  public static LoopLoads of(FactorySpec factory, CoolingSpec plant) {
    double liquid = 0;
    double air = 0;
    for (ClusterSpec c : factory.clusters()) {
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      double gpuWatts = system.gpusPerSystem() * gpu.tdpWatts();
      double designWatts = c.systemCount() * (gpuWatts + system.otherItPower().watts(gpuWatts));
      ClusterCoolingSpec cooling = plant.coolingOf(c.cooling());
      liquid += designWatts * cooling.toLiquid();
      air += designWatts * cooling.toAir();
    }
    return new LoopLoads(liquid, air);
  }
}
