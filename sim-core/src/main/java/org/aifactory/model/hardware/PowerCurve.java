package org.aifactory.model.hardware;

import java.util.Arrays;

/**
 * How fast a GPU runs a compute-bound phase under a power limit: relative throughput (1 at full
 * power) against the limit as a fraction of TDP, piecewise linear between measured points,
 * non-decreasing, and 1.0 at 100 %. The first point is the lowest limit the GPU accepts: a lower
 * cap is held at it (drivers refuse limits below their minimum).
 *
 * <p>A phase whose unconstrained power is a fraction {@code f} of TDP runs at full speed under any
 * limit at or above {@code f}; under a lower limit {@code l} it draws {@code l} and runs at {@code
 * throughput(l) / throughput(f)} of its speed (see {@link #speed}).
 *
 * <p>Immutable.
 */
public final class PowerCurve {
  /*
   * Zeus (NSDI'23) released traces, median over configurations (docs/sources.md §4): relative
   * throughput at power limits of 40-100 % of the V100's 250 W.
   */
  public static final PowerCurve ZEUS_V100_MEDIAN =
      of(
          new double[] {0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.00},
          new double[] {0.730, 0.859, 0.904, 0.946, 0.966, 0.990, 1.000});

  /* Zeus traces, median, A40 (300 W): 33-100 % of TDP (docs/sources.md §4). */
  public static final PowerCurve ZEUS_A40_MEDIAN =
      of(
          new double[] {0.33, 0.42, 0.50, 0.58, 0.67, 0.75, 0.83, 0.92, 1.00},
          new double[] {0.354, 0.509, 0.751, 0.929, 0.956, 0.985, 0.989, 0.995, 1.000});

  private final double[] limits;
  private final double[] throughputs;

  private PowerCurve(double[] limits, double[] throughputs) {
    this.limits = limits;
    this.throughputs = throughputs;
  }

  /**
   * A curve through (limitFractions[i], throughputs[i]).
   *
   * @param limitFractions strictly increasing, in (0, 1], the last 1
   * @param throughputs non-decreasing, in (0, 1], the last 1
   * @throws IllegalArgumentException saying which rule a point breaks
   */
  public static PowerCurve of(double[] limitFractions, double[] throughputs) {
    if (limitFractions.length == 0 || limitFractions.length != throughputs.length) {
      throw new IllegalArgumentException(
          "a power curve needs as many throughputs as power limits, at least one");
    }
    int last = limitFractions.length - 1;
    for (int i = 0; i <= last; i++) {
      double f = limitFractions[i];
      double t = throughputs[i];
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException(
            "power limits must be fractions of TDP in (0, 1], got " + f);
      }
      if (i > 0 && !(f > limitFractions[i - 1])) {
        throw new IllegalArgumentException(
            "power limits must increase, got " + limitFractions[i - 1] + " then " + f);
      }
      if (!(t > 0 && t <= 1)) {
        throw new IllegalArgumentException("throughputs must be in (0, 1], got " + t);
      }
      if (i > 0 && t < throughputs[i - 1]) {
        throw new IllegalArgumentException(
            "throughput must not fall as the power limit rises (monotone), got "
                + throughputs[i - 1]
                + " then "
                + t);
      }
    }
    if (limitFractions[last] != 1 || throughputs[last] != 1) {
      throw new IllegalArgumentException(
          "a power curve must end at throughput 1.0 at 100 % of TDP, got "
              + throughputs[last]
              + " at "
              + limitFractions[last]);
    }
    return new PowerCurve(limitFractions.clone(), throughputs.clone());
  }

  /** The lowest limit the GPU accepts, as a fraction of TDP: the first point. */
  public double minimumLimitFraction() {
    return limits[0];
  }

  /** Relative throughput of a compute-bound phase at {@code limitFraction} of TDP. */
  public double throughput(double limitFraction) {
    double f = Math.max(limitFraction, limits[0]);
    if (f >= 1) {
      return 1;
    }
    int i = 1;
    while (limits[i] < f) {
      i++;
    }
    double t = (f - limits[i - 1]) / (limits[i] - limits[i - 1]);
    return throughputs[i - 1] + t * (throughputs[i] - throughputs[i - 1]);
  }

  /**
   * Speed of a phase that draws {@code phaseFraction} of TDP unconstrained, under a limit of {@code
   * limitFraction}: 1 if the limit does not bind, else throughput(limit) / throughput(phase).
   */
  public double speed(double phaseFraction, double limitFraction) {
    double limit = Math.max(limitFraction, limits[0]);
    if (limit >= phaseFraction) {
      return 1;
    }
    return throughput(limit) / throughput(phaseFraction);
  }

  /** Power limits of the points, fractions of TDP. */
  public double[] limitFractions() {
    return limits.clone();
  }

  /** Throughputs of the points. */
  public double[] throughputs() {
    return throughputs.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PowerCurve c
        && Arrays.equals(limits, c.limits)
        && Arrays.equals(throughputs, c.throughputs);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(limits) + Arrays.hashCode(throughputs);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("PowerCurve[");
    for (int i = 0; i < limits.length; i++) {
      b.append(i == 0 ? "" : ", ").append(limits[i]).append(": ").append(throughputs[i]);
    }
    return b.append(']').toString();
  }
}
