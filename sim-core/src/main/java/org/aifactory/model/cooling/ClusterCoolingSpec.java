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

  /*
   * Share of a direct-liquid-cooled rack's heat taken by the liquid: 90 %, GB300 NVL72's split
   * (docs/sources.md §8, [S]; direct liquid cooling takes 80-95 %, GB200 NVL72 about 115 of 132 kW).
   */
  public static final double TYPICAL_LIQUID_FRACTION = 0.9;

  /*
   * GPU temperature rise per watt above the supply, derived from Latif et al., "Cooling Matters"
   * (docs/sources.md §8, [P]): 8×H100 HGX under load ran at 41-50 °C liquid-cooled and 54-72 °C
   * air-cooled. The paper's inlet temperatures are not in §8; ASSUMPTION: the hottest GPU at its
   * 700 W TDP with the default supply of its loop, 25 °C water (a typical secondary loop, §8) and
   * 27 °C air (the top of ASHRAE's recommended inlet range, §8). Liquid: (50 - 25) / 700 = 0.036
   * K/W, inside the modelled 0.027-0.066 K/W of §8. Air: (72 - 27) / 700 = 0.064 K/W.
   */
  public static final double LIQUID_THERMAL_RESISTANCE = 0.036;

  public static final double AIR_THERMAL_RESISTANCE = 0.064;

  /** Liquid cooling with {@code liquidFraction} of the heat to the liquid loop. */
  public static ClusterCoolingSpec liquid(double liquidFraction, double kelvinPerWatt) {
    return new ClusterCoolingSpec(Type.LIQUID, liquidFraction, kelvinPerWatt);
  }

  /** Air cooling: all the heat to the air loop. */
  public static ClusterCoolingSpec air(double kelvinPerWatt) {
    return new ClusterCoolingSpec(Type.AIR, 0, kelvinPerWatt);
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
