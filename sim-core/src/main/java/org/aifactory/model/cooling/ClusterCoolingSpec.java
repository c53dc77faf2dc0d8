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
   * GB300 NVL72: about 90 % of the rack's heat to liquid, 10 % to air (OEM rack guide, second-hand;
   * docs/sources.md §8). Used for liquid-cooled clusters that give no fraction.
   */
  public static final double DEFAULT_LIQUID_FRACTION = 0.9;

  /*
   * GPU temperature above the coolant per watt: 8 H100 at load ran at 41-50 °C liquid-cooled and
   * 54-72 °C air-cooled (Latif et al., "Cooling Matters", arXiv 2507.16781; docs/sources.md §8).
   * With a supply of about 25 °C and 700 W, the hottest GPUs give (50 − 25) / 700 = 0.036 K/W and
   * (72 − 25) / 700 = 0.067 K/W. DERIVED from a secondary reading; set your own cold plate's.
   */
  public static final double DEFAULT_LIQUID_RESISTANCE_K_PER_W = 0.036;

  public static final double DEFAULT_AIR_RESISTANCE_K_PER_W = 0.067;

  /** The default cooling of a cluster in a facility with {@code plant}: its liquid loop if any. */
  public static ClusterCoolingSpec defaultFor(CoolingSpec plant) {
    return plant.liquid().isPresent()
        ? new ClusterCoolingSpec(
            Type.LIQUID, DEFAULT_LIQUID_FRACTION, DEFAULT_LIQUID_RESISTANCE_K_PER_W)
        : new ClusterCoolingSpec(Type.AIR, 0, DEFAULT_AIR_RESISTANCE_K_PER_W);
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
