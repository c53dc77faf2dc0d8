package org.aifactory.model.site;

import org.aifactory.metrics.grid.Cubic;
import org.aifactory.metrics.grid.Quadratic;

/**
 * The site battery at run time: its stored energy, the power it is asked for and the power it can
 * give, in closed form between breakpoints. Power P at its terminals is positive when it discharges
 * (supplies the site) and negative when it charges; the stored energy E changes by −P/η when
 * discharging and −η·P when charging (η = √ of the round-trip efficiency). P is piecewise linear (a
 * load of steps) or piecewise quadratic (a ramping load's moving average), so E is piecewise
 * quadratic or cubic, and the moments it reaches its limits are roots of quadratics or cubics
 * (rounded up to the next nanosecond): nothing is stepped.
 *
 * <p>At its lower limit it gives nothing (the grid takes what it was asked for) until asked to
 * charge; at its upper limit likewise. When E leaves the middle half of its range, the restoring
 * power ({@link BatterySpec.SmoothingPolicy#restoreWatts}) ramps in until E is back at the middle.
 */
final class SiteBattery {
  private static final double JOULES_PER_WATT_NANO = 1e-9;

  private enum Restore {
    NONE,
    CHARGE,
    DISCHARGE
  }

  private final double maxWatts;
  private final double low; // E limits (J)
  private final double high;
  private final double restoreLow;
  private final double restoreHigh;
  private final double middle;
  private final double eta;
  private final double restoreWatts;
  private final double tolerance; // J: "at a limit"
  private final RampFollower restore;
  private final double capacity;
  private final double initial;

  private Restore restoring = Restore.NONE;
  private double energy;
  private double power;
  private double powerSlope;
  private double powerCurve;
  private double asked;
  private boolean clamped;

  // Books.
  private double dischargedJoules;
  private double chargedJoules;
  private double lossJoules;
  private long timesEmpty;
  private long timesFull;
  private double emptyNanos;
  private double fullNanos;
  private boolean wasEmpty;
  private boolean wasFull;
  private double minEnergy;
  private double maxEnergy;

  SiteBattery(BatterySpec spec) {
    this.capacity = spec.energyJoules();
    this.maxWatts = spec.powerWatts();
    this.low = spec.socMin() * capacity;
    this.high = spec.socMax() * capacity;
    this.middle = 0.5 * (low + high);
    this.restoreLow = low + 0.25 * (high - low);
    this.restoreHigh = high - 0.25 * (high - low);
    this.eta = spec.oneWayEfficiency();
    this.restoreWatts = spec.policy().restoreWatts();
    double rate =
        Math.max(restoreWatts / BatterySpec.SmoothingPolicy.RESTORE_RAMP_NANOS, Double.MIN_NORMAL);
    this.restore = new RampFollower(rate, 0);
    // Two nanoseconds at full power: the most a crossing rounded up to a whole ns overshoots.
    this.tolerance = 2 * maxWatts * JOULES_PER_WATT_NANO / eta;
    this.energy = spec.socInitial() * capacity;
    this.initial = energy;
    this.minEnergy = energy;
    this.maxEnergy = energy;
    updateRestore();
  }

  /** Decides how the restoring power moves; returns when it next changes slope (ns). */
  double decideRestore() {
    double target =
        switch (restoring) {
          case NONE -> 0;
          case CHARGE -> restoreWatts;
          case DISCHARGE -> -restoreWatts;
        };
    return restore.decide(target, 0);
  }

  /** The grid's extra import for restoring the charge now (W; negative: less import). */
  double restoreWatts() {
    return restore.value();
  }

  double restoreSlope() {
    return restore.slope();
  }

  /**
   * The battery is asked for {@code desired} + {@code desiredSlope}·τ + {@code desiredCurve}·τ² W:
   * decides what it gives and returns the time (ns) to its next breakpoint: the request crossing 0
   * or its power limit, its energy reaching a limit or a restoring threshold. Breakpoints beyond
   * {@code within} ns (the end of the piece, known to the caller) need not be found.
   */
  double decide(double desired, double desiredSlope, double desiredCurve, double within) {
    asked = desired;
    boolean empty = energy <= low + tolerance;
    boolean full = energy >= high - tolerance;
    double upper = empty ? 0 : maxWatts;
    double lower = full ? 0 : -maxWatts;
    double next = Double.POSITIVE_INFINITY;
    clamped = true;
    powerCurve = 0;
    int way = way(desiredSlope, desiredCurve);
    if (desired > upper || desired == upper && way > 0) {
      power = upper;
      powerSlope = 0;
      next = Quadratic.firstCrossing(desiredCurve, desiredSlope, desired - upper);
    } else if (desired < lower || desired == lower && way < 0) {
      power = lower;
      powerSlope = 0;
      next = Quadratic.firstCrossing(desiredCurve, desiredSlope, desired - lower);
    } else {
      clamped = false;
      power = desired;
      powerSlope = desiredSlope;
      powerCurve = desiredCurve;
      if (desiredCurve == 0) {
        if (desiredSlope > 0) {
          next = (upper - desired) / desiredSlope;
          if (desired < 0) {
            next = Math.min(next, -desired / desiredSlope);
          }
        } else if (desiredSlope < 0) {
          next = (desired - lower) / -desiredSlope;
          if (desired > 0) {
            next = Math.min(next, desired / -desiredSlope);
          }
        }
      } else {
        // Only crossings within the piece matter; a level farther than the request can move by
        // then is not solved for.
        double span = Math.min(within, MAX_LOOK_NANOS);
        double reach = Math.abs(desiredSlope) * span + Math.abs(desiredCurve) * span * span;
        if (upper - desired <= reach) {
          next = Quadratic.firstCrossing(desiredCurve, desiredSlope, desired - upper);
        }
        if (desired - lower <= reach) {
          next =
              Math.min(next, Quadratic.firstCrossing(desiredCurve, desiredSlope, desired - lower));
        }
        if (Math.abs(desired) <= reach) {
          next = Math.min(next, Quadratic.firstCrossing(desiredCurve, desiredSlope, desired));
        }
        if (span < within && next == Double.POSITIVE_INFINITY) {
          next = span; // looked no further: decide again there
        }
      }
    }
    return Math.min(next, energyBreak(Math.min(next, within)));
  }

  /** Which way a quadratic goes from its start: the sign of its slope, or of its curve. */
  private static int way(double slope, double curve) {
    return slope != 0 ? (slope > 0 ? 1 : -1) : (curve > 0 ? 1 : curve < 0 ? -1 : 0);
  }

  /**
   * When the energy reaches a limit or a restoring threshold at the power decided (ns); under a
   * curved power only crossings within {@code within} ns are looked for.
   */
  private double energyBreak(double within) {
    int way = power != 0 ? (power > 0 ? 1 : -1) : way(powerSlope, powerCurve);
    double next = Double.POSITIVE_INFINITY;
    if (way > 0) {
      next = Math.min(next, reach(low, 1 / eta, within));
      if (restoring == Restore.NONE) {
        next = Math.min(next, reach(restoreLow, 1 / eta, within));
      } else if (restoring == Restore.DISCHARGE) {
        next = Math.min(next, reach(middle, 1 / eta, within));
      }
    } else if (way < 0) {
      next = Math.min(next, reach(high, eta, within));
      if (restoring == Restore.NONE) {
        next = Math.min(next, reach(restoreHigh, eta, within));
      } else if (restoring == Restore.CHARGE) {
        next = Math.min(next, reach(middle, eta, within));
      }
    }
    return next;
  }

  /**
   * Time for the energy to reach {@code target} going its present way, with {@code factor} the
   * energy stored per unit delivered: E − factor·(P·τ + s·τ²/2 + c·τ³/3)·1e-9 = target. Under a
   * curved power (a cubic) only a crossing within {@code within} ns is looked for; beyond it,
   * infinite.
   */
  private double reach(double target, double factor, double within) {
    double gap = (energy - target) / (factor * JOULES_PER_WATT_NANO);
    if (power > 0 || power == 0 && way(powerSlope, powerCurve) > 0) {
      if (gap <= 0) {
        return Double.POSITIVE_INFINITY; // already below: only limits going down matter
      }
    } else if (gap >= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double root;
    if (powerCurve == 0) {
      root = Quadratic.firstRoot(0.5 * powerSlope, power, -gap, Double.POSITIVE_INFINITY);
    } else {
      // Within a piece the power keeps its sign (its zeros are breakpoints), so the delivered
      // energy is monotonic; a crossing beyond the piece's end is not needed.
      double limit = Math.min(within, MAX_LOOK_NANOS);
      double most =
          (Math.abs(power)
                  + (0.5 * Math.abs(powerSlope) + Math.abs(powerCurve) * limit / 3) * limit)
              * limit;
      // The most it can deliver by the limit falls short of the threshold: no crossing there.
      root =
          most < Math.abs(gap)
              ? Double.NaN
              : Cubic.firstRoot(powerCurve / 3, 0.5 * powerSlope, power, -gap, limit);
      if (Double.isNaN(root) && limit < within) {
        return limit; // looked no further: decide again there
      }
    }
    return Double.isNaN(root) ? Double.POSITIVE_INFINITY : root;
  }

  /** The furthest a crossing under a curved power is looked for: a day (pieces are far shorter). */
  private static final double MAX_LOOK_NANOS = 86_400e9;

  /** Whether it gives all it was asked for (not held at a power or energy limit). */
  boolean givesWhatIsAsked() {
    return !clamped;
  }

  /** Power it gives now (W) and its slope (W per ns). */
  double power() {
    return power;
  }

  double powerSlope() {
    return powerSlope;
  }

  /** The coefficient of τ² of the power (W per ns²): 0 but under a ramping load's average. */
  double powerCurve() {
    return powerCurve;
  }

  /** Moves on by {@code nanos} at the power decided. */
  void advance(long nanos) {
    double dt = nanos;
    double delivered =
        (powerCurve == 0
                ? power * dt + 0.5 * powerSlope * dt * dt
                : power * dt + 0.5 * powerSlope * dt * dt + powerCurve * dt * dt * dt / 3)
            * JOULES_PER_WATT_NANO;
    boolean empty = energy <= low + tolerance;
    boolean full = energy >= high - tolerance;
    if (delivered > 0) {
      dischargedJoules += delivered;
      double drawn = delivered / eta;
      lossJoules += drawn - delivered;
      energy -= drawn;
    } else if (delivered < 0) {
      double taken = -delivered;
      chargedJoules += taken;
      double stored = taken * eta;
      lossJoules += taken - stored;
      energy += stored;
    }
    if (empty && power == 0 && asked > 0) {
      emptyNanos += dt;
    }
    if (full && power == 0 && asked < 0) {
      fullNanos += dt;
    }
    restore.advance(nanos, restoreTarget());
    minEnergy = Math.min(minEnergy, energy);
    maxEnergy = Math.max(maxEnergy, energy);
    boolean nowEmpty = energy <= low + tolerance;
    boolean nowFull = energy >= high - tolerance;
    if (nowEmpty && !wasEmpty) {
      timesEmpty++;
    }
    if (nowFull && !wasFull) {
      timesFull++;
    }
    wasEmpty = nowEmpty;
    wasFull = nowFull;
    updateRestore();
  }

  /** The restoring state for the energy now. */
  private void updateRestore() {
    double near = tolerance;
    switch (restoring) {
      case NONE -> {
        if (restoreWatts > 0 && energy <= restoreLow + near) {
          restoring = Restore.CHARGE;
        } else if (restoreWatts > 0 && energy >= restoreHigh - near) {
          restoring = Restore.DISCHARGE;
        }
      }
      case CHARGE -> {
        if (energy >= middle - near) {
          restoring = Restore.NONE;
        }
      }
      case DISCHARGE -> {
        if (energy <= middle + near) {
          restoring = Restore.NONE;
        }
      }
    }
  }

  /** The restoring power's target after the state now. */
  double restoreTarget() {
    return switch (restoring) {
      case NONE -> 0;
      case CHARGE -> restoreWatts;
      case DISCHARGE -> -restoreWatts;
    };
  }

  double energyJoules() {
    return energy;
  }

  double stateOfCharge() {
    return energy / capacity;
  }

  BatteryBooks books() {
    return new BatteryBooks(
        capacity,
        maxWatts,
        initial,
        energy,
        dischargedJoules,
        chargedJoules,
        lossJoules,
        timesEmpty,
        timesFull,
        emptyNanos,
        fullNanos,
        minEnergy / capacity,
        maxEnergy / capacity);
  }

  /** What the battery did. */
  record BatteryBooks(
      double capacityJoules,
      double powerWatts,
      double initialJoules,
      double finalJoules,
      double dischargedJoules,
      double chargedJoules,
      double lossJoules,
      long timesEmpty,
      long timesFull,
      double emptyNanos,
      double fullNanos,
      double lowestSoc,
      double highestSoc) {}
}
