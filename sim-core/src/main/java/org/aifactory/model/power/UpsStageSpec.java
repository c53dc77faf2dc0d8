package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;

/**
 * The UPS stage as a planner describes it, before it is sized for the load: its layout (a
 * redundancy design or a written-out structure), its modules, batteries and efficiency, and how
 * modules and battery strings fail. {@link #forOutput} sizes it into a {@link UpsSpec}.
 *
 * @param layout a redundancy design (N, N+1, 2N, 4N/3 ...) or a written-out structure
 * @param moduleWatts output capacity of one module
 * @param batteryAutonomy ride-through of a system's battery at its rated load (zero: no battery)
 * @param rechargeTime from empty to full, linear
 * @param efficiency efficiency by load fraction of the whole stage (double conversion, eco mode or
 *     written out)
 * @param staticBypass whether a system its modules cannot carry transfers its load to the input
 * @param modules how one module fails and is repaired
 * @param batteryStrings how a system's battery string fails and is repaired; empty: never
 */
public record UpsStageSpec(
    StageLayout layout,
    double moduleWatts,
    Duration batteryAutonomy,
    Duration rechargeTime,
    EfficiencyCurve efficiency,
    boolean staticBypass,
    UnitReliability modules,
    Optional<UnitReliability> batteryStrings) {

  public UpsStageSpec {
    Objects.requireNonNull(layout, "layout");
    if (!(moduleWatts > 0) || !(moduleWatts <= PowerSystemSpec.MAX_UNIT_WATTS)) {
      throw new IllegalArgumentException("ups module capacity must be > 0 and at most 1 GW");
    }
    Objects.requireNonNull(batteryAutonomy, "batteryAutonomy");
    if (batteryAutonomy.isNegative()) {
      throw new IllegalArgumentException("UPS battery autonomy must be >= 0");
    }
    Objects.requireNonNull(rechargeTime, "rechargeTime");
    if (rechargeTime.isNegative() || rechargeTime.isZero()) {
      throw new IllegalArgumentException("UPS battery recharge time must be > 0");
    }
    Objects.requireNonNull(efficiency, "efficiency");
    Objects.requireNonNull(modules, "modules");
    Objects.requireNonNull(batteryStrings, "batteryStrings");
  }

  /**
   * The cited defaults of {@link UpsSpec#defaults}: 10 min battery, 8 h recharge (placeholder),
   * double conversion, static bypass, USACE module MTBF, 8 h module repair (placeholder), battery
   * strings that never fail.
   */
  public static UpsStageSpec defaults(StageLayout layout, double moduleWatts) {
    return new UpsStageSpec(
        layout,
        moduleWatts,
        UpsSpec.TYPICAL_BATTERY_AUTONOMY,
        UpsSpec.RECHARGE_PLACEHOLDER,
        EfficiencyCurve.DOUBLE_CONVERSION,
        true,
        new UnitReliability(
            TimeDistribution.Exponential.of(UpsSpec.USACE_MODULE_MTBF),
            TimeDistribution.Exponential.of(UpsSpec.MODULE_REPAIR_PLACEHOLDER)),
        Optional.empty());
  }

  /** The same stage with another battery autonomy. */
  public UpsStageSpec withBatteryAutonomy(Duration autonomy) {
    return new UpsStageSpec(
        layout,
        moduleWatts,
        autonomy,
        rechargeTime,
        efficiency,
        staticBypass,
        modules,
        batteryStrings);
  }

  /** The stage built for {@code outputWatts} of UPS output at full load. */
  public UpsSpec forOutput(double outputWatts) {
    return new UpsSpec(
        layout.structureFor(outputWatts, moduleWatts),
        moduleWatts,
        batteryAutonomy,
        rechargeTime,
        efficiency,
        staticBypass,
        modules.timeToFailure(),
        modules.repair(),
        batteryStrings);
  }
}
