package org.aifactory.model;

import org.aifactory.model.hardware.ClusterSpec;
import org.aifactory.model.hardware.GpuType;
import org.aifactory.model.hardware.SystemPower;
import org.aifactory.model.hardware.SystemType;

/**
 * How the factory's racks (systems) are spread over the electrical chain's rack groups (paths): in
 * contiguous blocks, in cluster order. The chain is sized from each group's design IT load, so the
 * scenario checks ({@link FactorySpec#problems()}) and the run ({@link FactoryRun}) both take it
 * from here.
 */
public final class RackGroups {
  private RackGroups() {}

  /** The rack group of system {@code system} (0-based over all clusters) of {@code systems}. */
  public static int of(long system, long systems, int groups) {
    return (int) (system * groups / systems);
  }

  /**
   * Each rack group's design IT load: its racks' GPUs at TDP plus their other IT power. Every
   * cluster's system type and GPU type must be in the catalog.
   */
  public static double[] designItWatts(FactorySpec factory, int groups) {
    long systems = 0;
    for (ClusterSpec c : factory.clusters()) {
      systems += c.systemCount();
    }
    double[] watts = new double[groups];
    long global = 0;
    for (ClusterSpec c : factory.clusters()) {
      SystemType system = factory.catalog().system(c.systemType()).orElseThrow();
      GpuType gpu = factory.catalog().gpu(system.gpuType()).orElseThrow();
      double designWatts = new SystemPower(system, gpu).designItWattsPerSystem();
      // One addition per rack, in order, as the run has always summed them (same bits).
      for (int s = 0; s < c.systemCount(); s++, global++) {
        watts[of(global, systems, groups)] += designWatts;
      }
    }
    return watts;
  }
}
