package org.aifactory.model.cooling;

import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;

/**
 * The cooling plant of a facility: the weather it works in, a liquid loop and/or an air (chilled
 * water) loop, and the rest of the facility's overhead. With it, facility power = IT + electrical
 * chain losses + cooling (fans, pumps, chillers) + {@code otherOverheadFraction} × IT, computed at
 * every instant (no fixed PUE).
 *
 * @param weather outdoor conditions
 * @param liquid the direct-to-chip liquid loop, if any
 * @param air the air (chilled-water) loop, if any
 * @param otherOverheadFraction lighting, offices, controls, per watt of IT
 */
public record CoolingSpec(
    WeatherSpec weather,
    Optional<LoopSpec> liquid,
    Optional<LoopSpec> air,
    double otherOverheadFraction) {
  public CoolingSpec {
    Objects.requireNonNull(weather, "weather");
    Objects.requireNonNull(liquid, "liquid");
    Objects.requireNonNull(air, "air");
    if (liquid.isEmpty() && air.isEmpty()) {
      throw new IllegalArgumentException(
          "a cooling plant needs a liquid loop, an air loop or both");
    }
    Checks.nonNegative(otherOverheadFraction, "other overhead");
  }

  /**
   * How a cluster that says nothing of its cooling is cooled: liquid if the plant has a liquid loop
   * ({@link ClusterCoolingSpec#TYPICAL_LIQUID_FRACTION} of the heat to it, the rest to the air
   * loop; all of it without an air loop, as in an all-liquid rack), else air.
   */
  public ClusterCoolingSpec defaultClusterCooling() {
    if (liquid.isPresent()) {
      return ClusterCoolingSpec.liquid(
          defaultLiquidFraction(), ClusterCoolingSpec.LIQUID_THERMAL_RESISTANCE);
    }
    return ClusterCoolingSpec.air(ClusterCoolingSpec.AIR_THERMAL_RESISTANCE);
  }

  /**
   * The share of a liquid-cooled cluster's heat to the liquid loop when none is given: {@link
   * ClusterCoolingSpec#TYPICAL_LIQUID_FRACTION} with an air loop for the rest; 1 without (a plant
   * of only a liquid loop takes the racks' residual heat too, e.g. by rear-door exchangers).
   */
  public double defaultLiquidFraction() {
    return air.isPresent() ? ClusterCoolingSpec.TYPICAL_LIQUID_FRACTION : 1;
  }

  /** How a cluster is cooled: as it says, or {@link #defaultClusterCooling()}. */
  public ClusterCoolingSpec coolingOf(Optional<ClusterCoolingSpec> clusterCooling) {
    return clusterCooling.orElseGet(this::defaultClusterCooling);
  }
}
