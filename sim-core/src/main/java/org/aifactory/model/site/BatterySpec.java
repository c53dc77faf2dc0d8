package org.aifactory.model.site;

import java.util.Objects;

/**
 * A battery behind the meter (BESS) and how it is run: the grid import follows a smoothed version
 * of the site load ({@link SmoothingPolicy}); the battery supplies or absorbs the difference within
 * its power and its state-of-charge limits.
 *
 * @param energyJoules usable capacity at 100 % state of charge
 * @param powerWatts most it charges or discharges, at its terminals
 * @param roundTripEfficiency energy out / energy in over a full cycle, in (0, 1]; split evenly
 *     between charging and discharging (√ each way)
 * @param socMin lowest state of charge it is run down to
 * @param socMax highest state of charge it is charged to
 * @param socInitial state of charge at the start, in [socMin, socMax]
 * @param policy how the grid import is shaped
 * @param dollarsPerKwh installed cost per kWh of capacity (for the capital figure)
 */
public record BatterySpec(
    double energyJoules,
    double powerWatts,
    double roundTripEfficiency,
    double socMin,
    double socMax,
    double socInitial,
    SmoothingPolicy policy,
    double dollarsPerKwh) {

  /*
   * 85 %: NREL Annual Technology Baseline 2020, utility-scale batteries (docs/sources.md §9,
   * "Site battery economics and performance", primary).
   */
  public static final double NREL_ROUND_TRIP_EFFICIENCY = 0.85;

  /*
   * 10 % and 90 %: a usable window of 80 %. ASSUMPTION: §9 gives cycle lives at 60-80 % depth of
   * discharge, not operators' limits.
   */
  public static final double DEFAULT_SOC_MIN = 0.10;

  public static final double DEFAULT_SOC_MAX = 0.90;

  /*
   * $165 per kWh: the 2024 global average turnkey price of a battery system (BNEF survey via
   * energy-storage.news, docs/sources.md §9, secondary).
   */
  public static final double BNEF_TURNKEY_DOLLARS_PER_KWH = 165;

  /** The largest battery: 1 TWh (the largest built hold a few GWh). */
  public static final double MAX_ENERGY_JOULES = 3.6e15;

  /** The largest battery power: 100 GW. */
  public static final double MAX_POWER_WATTS = 1e11;

  public BatterySpec {
    if (!(energyJoules > 0) || energyJoules > MAX_ENERGY_JOULES) {
      throw new IllegalArgumentException("energy must be > 0 and at most 1 TWh");
    }
    if (!(powerWatts > 0) || powerWatts > MAX_POWER_WATTS) {
      throw new IllegalArgumentException("power must be > 0 and at most 100 GW");
    }
    if (!(roundTripEfficiency > 0) || roundTripEfficiency > 1) {
      throw new IllegalArgumentException("round-trip efficiency must be in (0, 1]");
    }
    if (!(socMin >= 0) || !(socMax <= 1) || !(socMin < socMax)) {
      throw new IllegalArgumentException("need 0 <= soc_min < soc_max <= 1");
    }
    if (!(socInitial >= socMin) || !(socInitial <= socMax)) {
      throw new IllegalArgumentException("the initial state of charge must be within the limits");
    }
    Objects.requireNonNull(policy, "policy");
    if (!(dollarsPerKwh >= 0) || !Double.isFinite(dollarsPerKwh)) {
      throw new IllegalArgumentException("cost must be a finite amount >= 0");
    }
  }

  /** Efficiency of charging and of discharging: √ of the round trip each. */
  public double oneWayEfficiency() {
    return Math.sqrt(roundTripEfficiency);
  }

  /** Capital cost of the battery: capacity × cost per kWh. */
  public double capitalDollars() {
    return energyJoules / 3.6e6 * dollarsPerKwh;
  }

  /**
   * How the battery shapes the grid import: the import follows the site load's moving average over
   * {@code windowNanos} (0: none), then limited to ramp at {@code rampWattsPerSecond} (infinite:
   * none); at least one of the two. When the state of charge leaves the middle half of its range,
   * the grid takes (or gives) {@code restoreWatts} more until it is back at the middle, ramped in
   * and out over {@link #RESTORE_RAMP_NANOS} (or at the ramp limit if slower), so that the losses
   * and any drift do not empty or fill the battery over a long run.
   *
   * @param windowNanos moving-average window; 0 for none
   * @param rampWattsPerSecond ramp limit; infinite for none
   * @param restoreWatts extra import (or less import) while the state of charge is restored; 0: the
   *     state of charge is left to drift
   */
  public record SmoothingPolicy(long windowNanos, double rampWattsPerSecond, double restoreWatts) {
    /*
     * The restoring power ramps in and out over a minute. ASSUMPTION: a slow, small change of
     * the import's set point; utilities state ramp limits per minute (docs/sources.md §9, AESO's
     * draft 10 MW/min).
     */
    public static final long RESTORE_RAMP_NANOS = 60_000_000_000L;

    /*
     * Restoring takes 10 % of the battery's power. ASSUMPTION: enough to replace a 15 % loss on
     * the battery's throughput at a duty of up to 2/3 of its power, small next to the load.
     */
    public static final double DEFAULT_RESTORE_FRACTION = 0.10;

    public SmoothingPolicy {
      if (windowNanos < 0 || windowNanos > GridRule.MAX_WINDOW_NANOS) {
        throw new IllegalArgumentException("window must be >= 0 and at most 1 d");
      }
      if (!(rampWattsPerSecond > 0)) {
        throw new IllegalArgumentException("ramp limit must be > 0");
      }
      if (windowNanos == 0 && rampWattsPerSecond == Double.POSITIVE_INFINITY) {
        throw new IllegalArgumentException("give a window, a ramp limit or both");
      }
      if (!(restoreWatts >= 0) || !Double.isFinite(restoreWatts)) {
        throw new IllegalArgumentException("restore power must be finite and >= 0");
      }
    }

    /** Whether the import is ramp limited. */
    public boolean rampLimited() {
      return rampWattsPerSecond != Double.POSITIVE_INFINITY;
    }
  }
}
