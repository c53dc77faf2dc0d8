package org.aifactory.model.power;

import java.util.Arrays;

/**
 * Conversion efficiency as a function of load fraction (output / rated output), piecewise linear
 * between points and flat above the last one. Below the first point the loss stays at the first
 * point's loss in watts: the no-load (fixed) losses of a converter, so efficiency falls toward zero
 * at light load as real UPS curves do, instead of staying at the first point's efficiency.
 *
 * <p>Immutable.
 */
public final class EfficiencyCurve {
  /**
   * UPS double conversion: 96.4 % at 25 % load rising to 97.3 % (docs/sources.md §6: 96.4-97.3 %
   * across 25-100 % load, Eaton 9395XR curve, second-hand). The shape between the cited endpoints
   * is a placeholder: linear to the top at 50 % load, flat from there to 100 %.
   */
  public static final EfficiencyCurve DOUBLE_CONVERSION =
      of(new double[] {0.25, 0.50, 1.00}, new double[] {0.964, 0.973, 0.973});

  /**
   * UPS eco mode: 98.4 % at 25 % load rising to 99.2 % (docs/sources.md §6: eco mode 98.4-99.2 %);
   * shape between the endpoints a placeholder as for {@link #DOUBLE_CONVERSION}.
   */
  public static final EfficiencyCurve ECO_MODE =
      of(new double[] {0.25, 0.50, 1.00}, new double[] {0.984, 0.992, 0.992});

  private final double[] loadFractions;
  private final double[] efficiencies;

  private EfficiencyCurve(double[] loadFractions, double[] efficiencies) {
    this.loadFractions = loadFractions;
    this.efficiencies = efficiencies;
  }

  /**
   * A curve through (loadFractions[i], efficiencies[i]).
   *
   * <p>A curve of one point has that efficiency at every load.
   *
   * @param loadFractions strictly increasing, each &gt; 0
   * @param efficiencies each in (0, 1]
   */
  public static EfficiencyCurve of(double[] loadFractions, double[] efficiencies) {
    if (loadFractions.length == 0 || loadFractions.length != efficiencies.length) {
      throw new IllegalArgumentException(
          "an efficiency curve needs as many efficiencies as load fractions, at least one");
    }
    for (int i = 0; i < loadFractions.length; i++) {
      double f = loadFractions[i];
      if (!Double.isFinite(f) || f <= 0 || (i > 0 && f <= loadFractions[i - 1])) {
        throw new IllegalArgumentException(
            "load fractions must be positive and strictly increasing, got "
                + Arrays.toString(loadFractions));
      }
      double e = efficiencies[i];
      if (!(e > 0 && e <= 1)) {
        throw new IllegalArgumentException("efficiencies must be in (0, 1], got " + e);
      }
    }
    return new EfficiencyCurve(loadFractions.clone(), efficiencies.clone());
  }

  /** The same efficiency at every load (no fixed losses). */
  public static EfficiencyCurve constant(double efficiency) {
    return of(new double[] {1.0}, new double[] {efficiency});
  }

  /** Efficiency at {@code loadFraction} (output / rated). */
  public double efficiency(double loadFraction) {
    if (loadFraction <= 0) {
      return 0;
    }
    return loadFraction / (loadFraction + lossFraction(loadFraction));
  }

  /**
   * Loss in watts when delivering {@code outputWatts} from a converter rated {@code ratedWatts}.
   */
  public double lossWatts(double outputWatts, double ratedWatts) {
    if (!(ratedWatts > 0)) {
      throw new IllegalArgumentException("rated power must be > 0, got " + ratedWatts);
    }
    return ratedWatts * lossFraction(Math.max(0, outputWatts) / ratedWatts);
  }

  /** Loss as a fraction of rated power at load fraction f. */
  private double lossFraction(double f) {
    double[] x = loadFractions;
    double[] e = efficiencies;
    if (f <= x[0]) {
      // Fixed losses below the first point; with a single point the curve is flat (a constant).
      return x.length == 1 ? f * (1 / e[0] - 1) : x[0] * (1 / e[0] - 1);
    }
    int last = x.length - 1;
    if (f >= x[last]) {
      return f * (1 / e[last] - 1);
    }
    int i = 1;
    while (x[i] < f) {
      i++;
    }
    double t = (f - x[i - 1]) / (x[i] - x[i - 1]);
    double eff = e[i - 1] + t * (e[i] - e[i - 1]);
    return f * (1 / eff - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EfficiencyCurve c
        && Arrays.equals(loadFractions, c.loadFractions)
        && Arrays.equals(efficiencies, c.efficiencies);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(loadFractions) + Arrays.hashCode(efficiencies);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("EfficiencyCurve[");
    for (int i = 0; i < loadFractions.length; i++) {
      b.append(i == 0 ? "" : ", ").append(loadFractions[i]).append(": ").append(efficiencies[i]);
    }
    return b.append(']').toString();
  }
}
