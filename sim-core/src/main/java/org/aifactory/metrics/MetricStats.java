package org.aifactory.metrics;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A metric over independent replications: mean, sample standard deviation, and the half-width of
 * the 95 % confidence interval of the mean (Student t with n − 1 degrees of freedom). Non-finite
 * values (a job that never completed, no failures so no MTBF) are left out of n.
 *
 * @param key metric key
 * @param unit its unit
 * @param definition what it means
 * @param mean sample mean (NaN when n = 0)
 * @param sd sample standard deviation (NaN when n &lt; 2)
 * @param ci95 95 % confidence half-width of the mean (NaN when n &lt; 2)
 * @param n finite values
 */
public record MetricStats(
    String key, String unit, String definition, double mean, double sd, double ci95, int n) {

  /** Statistics of {@code values} for the metric described by {@code like}. */
  public static MetricStats of(Metric like, double[] values) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        n++;
        sum += v;
      }
    }
    double mean = n > 0 ? sum / n : Double.NaN;
    double sd = Double.NaN;
    double ci = Double.NaN;
    if (n >= 2) {
      double ss = 0;
      for (double v : values) {
        if (Double.isFinite(v)) {
          ss += (v - mean) * (v - mean);
        }
      }
      sd = Math.sqrt(ss / (n - 1));
      ci = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    }
    return new MetricStats(like.key(), like.unit(), like.definition(), mean, sd, ci, n);
  }

  /** True when the metric is a whole count (see {@link Metric#isCount()}). */
  public boolean isCount() {
    return new Metric(key, unit, definition, 0).isCount();
  }
}
