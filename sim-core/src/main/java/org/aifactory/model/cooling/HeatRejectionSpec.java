package org.aifactory.model.cooling;

import java.util.Objects;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;
import org.aifactory.model.power.StageLayout;

/**
 * One kind of heat-rejection unit of a loop, how many are installed and how they fail.
 *
 * <ul>
 *   <li>{@link Kind#DRY_COOLER}: a fan-driven air-to-liquid exchanger. It rejects heat in
 *       proportion to the difference between the loop and the outdoor dry bulb: {@code
 *       unitCapacityWatts} at {@code ratingDifferenceKelvin}, so it cannot cool the loop below the
 *       outdoor air.
 *   <li>{@link Kind#COOLING_TOWER}: evaporative, the same law against the wet bulb; it uses {@code
 *       waterLitresPerKwh} of water per kWh of heat rejected.
 *   <li>{@link Kind#CHILLER}: a compressor (air-cooled chiller) that removes up to {@code
 *       unitCapacityWatts} whatever the weather, at a COP that falls with the lift from the loop to
 *       the outdoor air (Carnot scaled to {@code ratedCop} at the rating point).
 * </ul>
 *
 * <p>Fans (and chiller compressors) draw {@code fanPowerFraction} of the heat at full capacity; at
 * part load fans follow the affinity law (power ∝ load³). Units are installed by a {@link
 * StageLayout}: a design (N, N+1, 2N...) sized from the loop's design heat at the design outdoor
 * conditions, or written out. They share the loop, so the capacity is that of the units up.
 *
 * @param kind what the units are
 * @param layout how many are installed
 * @param sizedForFraction the share of the loop's design heat a design sizes the stage to carry at
 *     the design outdoor conditions (1: all of it; a chiller trim, e.g. 0.3)
 * @param unitCapacityWatts heat one unit rejects at the rating difference (a chiller: its cooling
 *     capacity)
 * @param ratingDifferenceKelvin loop supply minus the outdoor dry bulb (dry cooler) or wet bulb
 *     (tower) at which {@code unitCapacityWatts} is rated; ignored for chillers
 * @param fanPowerFraction electric power of a unit's fans at full capacity per watt of heat
 *     (chillers: 0, their power is the compressor's, from the COP)
 * @param ratedCop chillers: coefficient of performance at the rating point; ignored otherwise
 * @param waterLitresPerKwh towers: water evaporated and blown down per kWh of heat; 0 otherwise
 * @param timeToFailure time to failure of one unit
 * @param repair repair time of one unit
 */
public record HeatRejectionSpec(
    Kind kind,
    StageLayout layout,
    double sizedForFraction,
    double unitCapacityWatts,
    double ratingDifferenceKelvin,
    double fanPowerFraction,
    double ratedCop,
    double waterLitresPerKwh,
    TimeDistribution timeToFailure,
    TimeDistribution repair) {

  /**
   * A time to failure that never comes (a unit that does not fail): samples saturate at {@link
   * TimeDistribution#NEVER_NANOS}, beyond any horizon.
   */
  public static final TimeDistribution NEVER_FAILS =
      new TimeDistribution.Fixed(TimeDistribution.NEVER_NANOS / 1e9);

  /** The kinds of unit. */
  public enum Kind {
    DRY_COOLER,
    COOLING_TOWER,
    CHILLER
  }

  public HeatRejectionSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(layout, "layout");
    Checks.fraction(sizedForFraction, "sized for");
    if (sizedForFraction == 0) {
      throw new IllegalArgumentException("a stage must be sized for more than 0 % of the heat");
    }
    Checks.positive(unitCapacityWatts, "unit capacity");
    if (kind != Kind.CHILLER) {
      Checks.positive(ratingDifferenceKelvin, "rating difference");
    }
    Checks.nonNegative(fanPowerFraction, "fan power");
    if (kind == Kind.CHILLER) {
      Checks.positive(ratedCop, "rated COP");
    }
    Checks.nonNegative(waterLitresPerKwh, "water use");
    Objects.requireNonNull(timeToFailure, "timeToFailure");
    Objects.requireNonNull(repair, "repair");
  }
}
