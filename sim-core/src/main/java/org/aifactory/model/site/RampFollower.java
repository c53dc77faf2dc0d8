package org.aifactory.model.site;

import org.aifactory.metrics.grid.Quadratic;

/**
 * Something that follows a piecewise-quadratic target but changes at most {@code rate} per
 * nanosecond either way (a ramp-limited set point, a generator's output). While it is on the target
 * and the target moves slower than the rate, it moves with the target, until the target's slope
 * reaches the rate (a root of a line); otherwise it moves at the rate towards the target and meets
 * it where the gap, a quadratic, reaches 0. Both times are found in closed form.
 */
final class RampFollower {
  /** Values this close (relative) are on the target. */
  private static final double ON_TARGET = 1e-12;

  private final double rate; // W per ns
  private double value;
  private double slope;
  private double curve; // on a curved target: the target's τ² coefficient
  private double meetsIn = Double.POSITIVE_INFINITY;

  /**
   * @param ratePerNano the largest change per nanosecond (> 0)
   * @param initial the value at the start
   */
  RampFollower(double ratePerNano, double initial) {
    this.rate = ratePerNano;
    this.value = initial;
  }

  /** {@link #decide(double, double, double)} for a linear target. */
  double decide(double target, double targetSlope) {
    return decide(target, targetSlope, 0);
  }

  /**
   * Decides how it moves now that the target is {@code target} + {@code targetSlope}·τ + {@code
   * targetCurve}·τ²: sets its own form and returns the time (ns) to its next breakpoint: meeting
   * the target, or, on it, the target's slope reaching the rate; infinite if neither while the
   * target keeps this form.
   */
  double decide(double target, double targetSlope, double targetCurve) {
    double gap = target - value;
    curve = 0;
    if (Math.abs(gap) <= ON_TARGET * Math.max(1, Math.max(Math.abs(target), Math.abs(value)))) {
      value = target;
      meetsIn = Double.POSITIVE_INFINITY;
      if (Math.abs(targetSlope) <= rate) {
        slope = targetSlope;
        curve = targetCurve;
        if (targetCurve == 0) {
          return Double.POSITIVE_INFINITY;
        }
        // On a curved target until its slope, targetSlope + 2·curve·τ, reaches ±rate.
        double limit = targetCurve > 0 ? rate : -rate;
        meetsIn = (limit - targetSlope) / (2 * targetCurve);
        if (meetsIn >= 1) {
          return meetsIn;
        }
        // At the rate within a nanosecond (rounding): leave the target now, at the rate.
        slope = limit;
        curve = 0;
        return meetAt(0, targetSlope - slope, targetCurve);
      }
      slope = Math.copySign(rate, targetSlope);
      if (targetCurve == 0) {
        return Double.POSITIVE_INFINITY;
      }
      // Left behind, the target may curve back to it: the gap is (s − ±r)·τ + c·τ².
      return meetAt(0, targetSlope - slope, targetCurve);
    }
    slope = gap > 0 ? rate : -rate;
    if (targetCurve == 0) {
      if (gap > 0) {
        meetsIn = rate > targetSlope ? gap / (rate - targetSlope) : Double.POSITIVE_INFINITY;
      } else {
        meetsIn = rate + targetSlope > 0 ? -gap / (rate + targetSlope) : Double.POSITIVE_INFINITY;
      }
      return meetsIn;
    }
    return meetAt(gap, targetSlope - slope, targetCurve);
  }

  /** When the gap, {@code gap} + {@code gapSlope}·τ + {@code gapCurve}·τ², first reaches 0. */
  private double meetAt(double gap, double gapSlope, double gapCurve) {
    meetsIn = Quadratic.firstCrossing(gapCurve, gapSlope, gap);
    return meetsIn;
  }

  /**
   * Moves on by {@code nanos}; if it meets the target by then, or rides a curved one, it is put
   * exactly on the target's value there, {@code targetThen}.
   */
  void advance(long nanos, double targetThen) {
    if (meetsIn <= nanos || curve != 0) {
      value = targetThen;
    } else {
      value += slope * nanos;
    }
  }

  double value() {
    return value;
  }

  /** Slope now (W per ns). */
  double slope() {
    return slope;
  }

  /** The coefficient of τ² now: the target's while it rides a curved one, else 0. */
  double curve() {
    return curve;
  }
}
