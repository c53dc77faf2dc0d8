package org.aifactory.model.cooling;

import java.util.List;
import org.aifactory.model.Checks;

/**
 * A coolant loop: the liquid loop of direct-to-chip cooling, or the chilled-water loop behind the
 * air handlers of an air-cooled hall. Lumped: one temperature, held at {@code supplyCelsius} while
 * the units can reject the heat, rising (C·dT/dt = heat in − heat out, closed form between events)
 * when they cannot.
 *
 * @param supplyCelsius the setpoint: the coolant (or supply air) temperature the plant holds
 * @param heatCapacitySecondsPerKelvin the loop's heat capacity C as seconds of design heat per
 *     kelvin: with all cooling lost at full load the loop warms 1 K in this many seconds
 * @param pumpPowerFraction pumps (and CDUs, air handlers' fans for an air loop) at design heat, per
 *     watt of heat; at part load ∝ load³ (affinity)
 * @param units the heat-rejection units, used in order: economisers (dry coolers, towers) before
 *     chillers, which trim what they cannot carry
 * @param designDryBulbCelsius the outdoor dry bulb the units are sized for
 * @param designWetBulbCelsius the outdoor wet bulb the towers are sized for
 */
public record LoopSpec(
    double supplyCelsius,
    double heatCapacitySecondsPerKelvin,
    double pumpPowerFraction,
    List<HeatRejectionSpec> units,
    double designDryBulbCelsius,
    double designWetBulbCelsius) {
  public LoopSpec {
    if (!Double.isFinite(supplyCelsius)) {
      throw new IllegalArgumentException("supply temperature must be finite");
    }
    Checks.positive(heatCapacitySecondsPerKelvin, "heat capacity");
    Checks.nonNegative(pumpPowerFraction, "pump power");
    units = List.copyOf(units);
    if (units.isEmpty()) {
      throw new IllegalArgumentException("a loop needs at least one kind of heat-rejection unit");
    }
    if (!Double.isFinite(designDryBulbCelsius) || !Double.isFinite(designWetBulbCelsius)) {
      throw new IllegalArgumentException("design temperatures must be finite");
    }
  }
}
