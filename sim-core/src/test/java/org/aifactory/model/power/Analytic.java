package org.aifactory.model.power;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.CombinatoricsUtils;

/** Analytic truth for the tests: Markov chains, binomials, confidence intervals. */
final class Analytic {
  private Analytic() {}

  /** Confidence level of every interval in these tests: 99.9 %, two-sided. */
  static final double CONFIDENCE = 0.999;

  /**
   * Generator matrix of the k-of-n birth-death chain (docs/sources.md §6): state i = failed units,
   * i → i+1 at (n − i)λ, i → i−1 at min(i, r)μ.
   */
  static double[][] birthDeath(int n, double lambda, double mu, int crews) {
    double[][] q = new double[n + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      if (i < n) {
        q[i][i + 1] = (n - i) * lambda;
      }
      if (i > 0) {
        q[i][i - 1] = Math.min(i, crews) * mu;
      }
    }
    return withDiagonal(q);
  }

  /** Sets each diagonal entry to minus the sum of the row's other entries. */
  static double[][] withDiagonal(double[][] q) {
    for (int i = 0; i < q.length; i++) {
      double out = 0;
      for (int j = 0; j < q.length; j++) {
        if (j != i) {
          out += q[i][j];
        }
      }
      q[i][i] = -out;
    }
    return q;
  }

  /** Stationary distribution π of generator {@code q}: πQ = 0, Σπ = 1 (LU solve). */
  static double[] stationary(double[][] q) {
    int m = q.length;
    RealMatrix a = new Array2DRowRealMatrix(m, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a.setEntry(i, j, q[j][i]); // Qᵀ
      }
    }
    for (int j = 0; j < m; j++) {
      a.setEntry(m - 1, j, 1); // replace one balance equation by Σπ = 1
    }
    RealVector b = new ArrayRealVector(m);
    b.setEntry(m - 1, 1);
    return new LUDecomposition(a).getSolver().solve(b).toArray();
  }

  /**
   * Mean time to absorption from state 0, when states {@code 0..lastTransient} are transient: solve
   * −Q_TT m = 1.
   */
  static double meanTimeToAbsorption(double[][] q, int lastTransient) {
    int m = lastTransient + 1;
    RealMatrix a = new Array2DRowRealMatrix(m, m);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a.setEntry(i, j, -q[i][j]);
      }
    }
    RealVector ones = new ArrayRealVector(m, 1.0);
    return new LUDecomposition(a).getSolver().solve(ones).getEntry(0);
  }

  /** P(at least k successes of n), each with probability s. */
  static double atLeast(int k, int n, double s) {
    double p = 0;
    for (int j = k; j <= n; j++) {
      p +=
          CombinatoricsUtils.binomialCoefficientDouble(n, j)
              * Math.pow(s, j)
              * Math.pow(1 - s, n - j);
    }
    return p;
  }

  /** Two-sided Student-t quantile for {@link #CONFIDENCE} with {@code df} degrees of freedom. */
  static double tQuantile(int df) {
    return new TDistribution(df).inverseCumulativeProbability(0.5 + CONFIDENCE / 2);
  }

  /**
   * Prints a validation figure when run with {@code -Dpower.report} (for the record, not a check).
   */
  static void report(String format, Object... args) {
    if (System.getProperty("power.report") != null) {
      System.out.println(
          "[power validation] " + String.format(java.util.Locale.ROOT, format, args));
    }
  }

  /** A mean and the half-width of its confidence interval. */
  record Estimate(double mean, double halfWidth) {
    boolean covers(double truth) {
      return Math.abs(mean - truth) <= halfWidth;
    }

    @Override
    public String toString() {
      return mean + " ± " + halfWidth;
    }
  }

  /**
   * Mean of independent (or batch-mean) observations with a Student-t interval at {@link
   * #CONFIDENCE}: mean ± t_{df=b−1} · s / √b.
   */
  static Estimate estimate(double[] values) {
    int b = values.length;
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= b;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(ss / (b - 1) / b);
    return new Estimate(mean, tQuantile(b - 1) * se);
  }
}
