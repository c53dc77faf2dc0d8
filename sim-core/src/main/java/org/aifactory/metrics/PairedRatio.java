package org.aifactory.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The ratio θ = E[x] / E[y] of the means of two paired samples (x and y measured in the same
 * replications), estimated by x̄ / ȳ, with its 95 % confidence set by Fieller's theorem.
 *
 * <p>Fieller's set is the set of θ that a paired t-test of "E[x − θ·y] = 0" does not reject at 5 %:
 * every θ at which the 95 % confidence interval of the mean of x − θ·y (Student t, n − 1 degrees of
 * freedom) contains 0. It is exact for normal data (the delta method is only asymptotic) and,
 * unlike the delta method, it says when the data cannot bound the ratio: when ȳ is not
 * significantly different from 0, the set is unbounded, either two half-lines or the whole line.
 * Solving (x̄ − θȳ)² ≤ t² (v_xx − 2θ v_xy + θ² v_yy), with v the variances and covariance of the
 * means, is a quadratic inequality in θ (Fieller 1954, J. R. Stat. Soc. B 16:175).
 *
 * <p>In a design comparison, with x the extra fixed cost of one design over another and y the
 * GPU-hours it saves, x − θ·y is the paired difference of their costs when a GPU-hour is worth θ,
 * so the set is exactly the values at which the two designs' costs are not distinguishable.
 *
 * @param estimate x̄ / ȳ (NaN when ȳ = 0, infinite never)
 * @param confidenceSet the 95 % confidence set of θ as at most two disjoint ranges in increasing
 *     order, possibly without an end; empty with fewer than two replications (no interval), or when
 *     no θ fits (ȳ = 0 exactly with no spread, x̄ ≠ 0)
 * @param n replications where both x and y are finite
 */
public record PairedRatio(double estimate, List<ValueRange> confidenceSet, int n) {
  public PairedRatio {
    confidenceSet = List.copyOf(confidenceSet);
  }

  /**
   * The ratio of the means of {@code x} and {@code y}, paired by index; pairs not finite left out.
   */
  public static PairedRatio of(double[] x, double[] y) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("unpaired samples: " + x.length + " and " + y.length);
    }
    int n = 0;
    double sx = 0;
    double sy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        n++;
        sx += x[i];
        sy += y[i];
      }
    }
    if (n == 0) {
      return new PairedRatio(Double.NaN, List.of(), 0);
    }
    double a = sx / n;
    double b = sy / n;
    double estimate = b == 0 ? Double.NaN : a / b;
    if (n < 2) {
      return new PairedRatio(estimate, List.of(), n);
    }
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        double dx = x[i] - a;
        double dy = y[i] - b;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
      }
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    double t2 = t * t;
    // variances and covariance of the means: sample (co)variance / n
    double vxx = sxx / (n - 1) / n;
    double vyy = syy / (n - 1) / n;
    double vxy = sxy / (n - 1) / n;
    return new PairedRatio(
        estimate, solve(b * b - t2 * vyy, a * b - t2 * vxy, a * a - t2 * vxx), n);
  }

  /** The θ where A·θ² − 2B·θ + C ≤ 0, as ranges in increasing order. */
  static List<ValueRange> solve(double qa, double qb, double qc) {
    double inf = Double.POSITIVE_INFINITY;
    if (qa == 0) {
      if (qb == 0) {
        return qc <= 0 ? List.of(new ValueRange(-inf, inf)) : List.of();
      }
      double root = qc / (2 * qb);
      return List.of(qb > 0 ? new ValueRange(root, inf) : new ValueRange(-inf, root));
    }
    double disc = qb * qb - qa * qc;
    if (qa > 0) {
      // A bounded interval around the estimate, which always satisfies the inequality: a
      // negative discriminant is rounding noise of a zero one.
      double s = Math.sqrt(Math.max(0, disc));
      double r1 = (qb - s) / qa;
      double r2 = (qb + s) / qa;
      return List.of(new ValueRange(Math.min(r1, r2), Math.max(r1, r2)));
    }
    if (disc <= 0) {
      return List.of(new ValueRange(-inf, inf)); // the parabola opens down, never above 0
    }
    double s = Math.sqrt(disc);
    double r1 = (qb - s) / qa;
    double r2 = (qb + s) / qa;
    return List.of(new ValueRange(-inf, Math.min(r1, r2)), new ValueRange(Math.max(r1, r2), inf));
  }

  /** The confidence set cut to {@code bounds}: the parts of its ranges inside it, in order. */
  public List<ValueRange> within(ValueRange bounds) {
    List<ValueRange> out = new ArrayList<>();
    for (ValueRange r : confidenceSet) {
      double from = Math.max(r.from(), bounds.from());
      double to = Math.min(r.to(), bounds.to());
      if (from <= to) {
        out.add(new ValueRange(from, to));
      }
    }
    return out;
  }
}
