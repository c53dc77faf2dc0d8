package org.aifactory.model.hardware;

import org.aifactory.model.Checks;

/**
 * A GPU model as the power model sees it.
 *
 * @param name catalog name, e.g. {@code H100-SXM}
 * @param tdpWatts thermal design power: the power limit a GPU draws in a compute-bound phase
 * @param idleWatts power drawn by a GPU that no job uses
 */
public record GpuType(String name, double tdpWatts, double idleWatts) {
  public GpuType {
    Checks.name(name, "gpu name");
    Checks.positive(tdpWatts, "tdp");
    Checks.nonNegative(idleWatts, "idle");
    if (idleWatts > tdpWatts) {
      throw new IllegalArgumentException("idle power must not exceed tdp");
    }
  }
}
