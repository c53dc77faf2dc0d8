package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;

/**
 * The UPS stage: one or more UPS systems ({@link StageStructure}), each of modules of {@code
 * moduleCapacityWatts}, with its own battery and (optionally) a static bypass.
 *
 * <p>A system carries its load on its modules while their capacity covers it: from the input while
 * the input (utility or generators) is live, from its battery otherwise. Battery model (linear, no
 * Peukert effect): the battery holds {@code batteryAutonomyAtFullLoad} × the system's rated power
 * (needed modules × module capacity), so at load P it lasts that energy / P; it recharges at a
 * constant rate that refills it from empty in {@code rechargeTime} whenever the input is live and a
 * module works: after a discharge to energy E₀, the energy t later is min(E_full, E₀ + E_full · t /
 * rechargeTime), so an outage that comes before the recharge is complete finds a ride-through of
 * that energy / P, computed from the state at the instant it begins. When the modules cannot carry
 * the load (failures, overload) a system with {@code staticBypass} transfers it to the raw input,
 * which then has no ride-through; without a bypass the load drops.
 *
 * <p>Each system's battery is one string: when it fails ({@code batteryStrings}) the system has no
 * ride-through until it is repaired, and the repaired string starts empty and recharges (new blocks
 * are not delivered charged: an assumption, the conservative side).
 *
 * @param structure systems × modules, k-of-n per system
 * @param moduleCapacityWatts rated output of one module
 * @param batteryAutonomyAtFullLoad ride-through at the system's rated load (zero: no battery)
 * @param rechargeTime from empty to full
 * @param efficiency efficiency by load fraction (output / installed capacity of the stage)
 * @param staticBypass whether a failed or overloaded system transfers its load to the input
 * @param moduleTimeToFailure time to failure of one module
 * @param moduleRepair repair time of one module
 * @param batteryStrings how each system's battery string fails and is repaired; empty: never
 */
public record UpsSpec(
    StageStructure structure,
    double moduleCapacityWatts,
    Duration batteryAutonomyAtFullLoad,
    Duration rechargeTime,
    EfficiencyCurve efficiency,
    boolean staticBypass,
    TimeDistribution moduleTimeToFailure,
    TimeDistribution moduleRepair,
    Optional<UnitReliability> batteryStrings) {

  /** Battery autonomy at full load: 5-15 min typical (docs/sources.md §6); mid value. */
  public static final Duration TYPICAL_BATTERY_AUTONOMY = Duration.ofMinutes(10);

  /** Flywheel ride-through: 15-30 s (docs/sources.md §6); mid value. */
  public static final Duration FLYWHEEL_AUTONOMY = Duration.ofSeconds(20);

  /**
   * Module MTBF: ~40,000 h for a non-redundant UPS (USACE UFGS 16265A, docs/sources.md §6), used as
   * one module's MTBF. The ~200,000 h the same source gives for redundant UPS or UPS with bypass is
   * a system figure: the model should reproduce it from modules, redundancy and bypass, not take it
   * as an input.
   */
  public static final Duration USACE_MODULE_MTBF = Duration.ofHours(40_000);

  /**
   * Module repair time: placeholder (no figure in docs/sources.md §6), hot-swap with spares on
   * site.
   */
  public static final Duration MODULE_REPAIR_PLACEHOLDER = Duration.ofHours(8);

  /** Battery recharge time from empty: placeholder (no figure in docs/sources.md §6). */
  public static final Duration RECHARGE_PLACEHOLDER = Duration.ofHours(8);

  /**
   * Repair of a failed battery string: PLACEHOLDER. docs/sources.md §10 has no string failure data;
   * the reliability tool it cites assumes 12-24 h to replace a whole VRLA string (its own
   * placeholder, not data): the top of that range.
   */
  public static final Duration BATTERY_STRING_REPAIR_PLACEHOLDER = Duration.ofHours(24);

  public UpsSpec {
    Objects.requireNonNull(structure, "structure");
    Checks.positive(moduleCapacityWatts, "UPS module capacity");
    Objects.requireNonNull(batteryAutonomyAtFullLoad, "batteryAutonomyAtFullLoad");
    if (batteryAutonomyAtFullLoad.isNegative()) {
      throw new IllegalArgumentException("UPS battery autonomy must be >= 0");
    }
    Objects.requireNonNull(rechargeTime, "rechargeTime");
    if (rechargeTime.isNegative() || rechargeTime.isZero()) {
      throw new IllegalArgumentException("UPS battery recharge time must be > 0");
    }
    Objects.requireNonNull(efficiency, "efficiency");
    Objects.requireNonNull(moduleTimeToFailure, "moduleTimeToFailure");
    Objects.requireNonNull(moduleRepair, "moduleRepair");
    Objects.requireNonNull(batteryStrings, "batteryStrings");
  }

  /** A UPS stage whose battery strings never fail. */
  public UpsSpec(
      StageStructure structure,
      double moduleCapacityWatts,
      Duration batteryAutonomyAtFullLoad,
      Duration rechargeTime,
      EfficiencyCurve efficiency,
      boolean staticBypass,
      TimeDistribution moduleTimeToFailure,
      TimeDistribution moduleRepair) {
    this(
        structure,
        moduleCapacityWatts,
        batteryAutonomyAtFullLoad,
        rechargeTime,
        efficiency,
        staticBypass,
        moduleTimeToFailure,
        moduleRepair,
        Optional.empty());
  }

  /**
   * The cited defaults: 10 min battery, placeholder 8 h recharge, double-conversion curve, static
   * bypass, USACE module MTBF (exponential), placeholder 8 h exponential module repair.
   */
  public static UpsSpec defaults(StageStructure structure, double moduleCapacityWatts) {
    return new UpsSpec(
        structure,
        moduleCapacityWatts,
        TYPICAL_BATTERY_AUTONOMY,
        RECHARGE_PLACEHOLDER,
        EfficiencyCurve.DOUBLE_CONVERSION,
        true,
        TimeDistribution.Exponential.of(USACE_MODULE_MTBF),
        TimeDistribution.Exponential.of(MODULE_REPAIR_PLACEHOLDER));
  }

  /** Rated output of one system: needed modules × module capacity. */
  public double systemRatedWatts() {
    return structure.unitsNeededPerSystem() * moduleCapacityWatts;
  }

  /** Installed output of the whole stage: every module of every system. */
  public double installedWatts() {
    return structure.totalUnits() * moduleCapacityWatts;
  }
}
