package org.aifactory.model.site;

/**
 * Something that follows a piecewise-linear target but changes at most {@code rate} per nanosecond
 * either way (a ramp-limited set point, a generator's output): while it is on the target and the
 * target moves slower than the rate, it moves with the target; otherwise it moves at the rate
 * towards it, and meets it at a time found in closed form (the gap closes linearly).
 */
final class RampFollower {
  /** Values this close (relative) are on the target. */
  private static final double ON_TARGET = 1e-12;

  private final double rate; // W per ns
  private double value;
  private double slope;
  private double meetsIn = Double.POSITIVE_INFINITY;

  /**
   * @param ratePerNano the largest change per nanosecond (> 0)
   * @param initial the value at the start
   */
  RampFollower(double ratePerNano, double initial) {
    this.rate = ratePerNano;
    this.value = initial;
  }

  /**
   * Decides how it moves now that the target is {@code target} changing by {@code targetSlope} per
   * ns: sets its slope and returns the time (ns) in which it meets the target, infinite if it does
   * not while the target keeps this slope.
   */
  double decide(double target, double targetSlope) {
    double gap = target - value;
    if (Math.abs(gap) <= ON_TARGET * Math.max(1, Math.max(Math.abs(target), Math.abs(value)))) {
      value = target;
      slope = Math.abs(targetSlope) <= rate ? targetSlope : Math.copySign(rate, targetSlope);
      meetsIn = Double.POSITIVE_INFINITY;
    } else if (gap > 0) {
      slope = rate;
      meetsIn = rate > targetSlope ? gap / (rate - targetSlope) : Double.POSITIVE_INFINITY;
    } else {
      slope = -rate;
      meetsIn = rate + targetSlope > 0 ? -gap / (rate + targetSlope) : Double.POSITIVE_INFINITY;
    }
    return meetsIn;
  }

  /**
   * Moves on by {@code nanos}; if it meets the target by then, it is put exactly on the target's
   * value there, {@code targetThen}.
   */
  void advance(long nanos, double targetThen) {
    if (meetsIn <= nanos) {
      value = targetThen;
    } else {
      value += slope * nanos;
    }
  }

  double value() {
    return value;
  }

  double slope() {
    return slope;
  }
}
