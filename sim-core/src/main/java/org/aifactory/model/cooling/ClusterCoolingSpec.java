package org.aifactory.model.cooling;

import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * How a cluster's heat leaves it, and how hot its GPUs run.
 *
 * @param type direct-to-chip liquid or air
 * @param liquidFraction with liquid cooling, the share of the cluster's IT heat taken by the liquid
 *     loop; the rest goes to the air loop (1 with air cooling: read as 0)
 * @param thermalResistanceKelvinPerWatt GPU temperature above its loop's supply temperature per
 *     watt the GPU draws: GPU °C = supply °C + this × GPU W
 */
public record ClusterCoolingSpec(
    Type type, double liquidFraction, double thermalResistanceKelvinPerWatt) {

  /** The kinds of cooling. */
  public enum Type {
    LIQUID,
    AIR
  }

  public ClusterCoolingSpec {
    Objects.requireNonNull(type, "type");
    Checks.fraction(liquidFraction, "liquid fraction");
    Checks.positive(thermalResistanceKelvinPerWatt, "thermal resistance");
  }

  /** Share of the heat to the liquid loop. */
  public double toLiquid() {
    return type == Type.LIQUID ? liquidFraction : 0;
  }

  /** Share of the heat to the air loop. */
  public double toAir() {
    return 1 - toLiquid();
  }
}
