package org.aifactory.metrics;

/**
 * A bounded record of latencies: weights in logarithmic buckets 1 % wide from 1 µs to about 11.6
 * days (2,780 buckets, whatever the number of requests), plus the exact count, mean, minimum and
 * maximum. A quantile is the upper edge of its bucket (clamped to the maximum seen): at most 1 %
 * above the true value. Zero latencies are counted in a bucket of their own.
 */
public final class LatencyHistogram {
  /** The lowest latency told apart from zero: 1 µs. */
  static final double MIN_SECONDS = 1e-6;

  /** Relative width of a bucket. */
  static final double GROWTH = 1.01;

  private static final double LOG_GROWTH = Math.log(GROWTH);
  static final int BUCKETS = 2_780;

  private final double[] weights = new double[BUCKETS + 2];
  private double total;
  private double weightedSum;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Records one latency. */
  public void record(double seconds) {
    record(seconds, 1);
  }

  /**
   * Records {@code weight} requests (may be fractional, for a fluid) with latency {@code seconds}.
   */
  public void record(double seconds, double weight) {
    if (!(weight > 0)) {
      return;
    }
    double s = Math.max(0, seconds);
    weights[bucket(s)] += weight;
    total += weight;
    weightedSum += s * weight;
    min = Math.min(min, s);
    max = Math.max(max, s);
  }

  /**
   * Records {@code weight} requests whose latencies are spread evenly from {@code from} to {@code
   * to} (a fluid's delays, linear in time): each bucket gets the share of the range it covers.
   */
  public void recordUniform(double from, double to, double weight) {
    double a = Math.max(0, Math.min(from, to));
    double b = Math.max(0, Math.max(from, to));
    if (!(weight > 0)) {
      return;
    }
    if (b - a <= 0) {
      record(a, weight);
      return;
    }
    int first = bucket(a);
    int last = bucket(b);
    for (int i = first; i <= last; i++) {
      double lo = Math.max(a, lowerEdge(i));
      double hi = Math.min(b, upperEdge(i));
      if (hi > lo) {
        weights[i] += weight * (hi - lo) / (b - a);
      }
    }
    total += weight;
    weightedSum += weight * (a + b) / 2;
    min = Math.min(min, a);
    max = Math.max(max, b);
  }

  /** Adds another histogram's records to this one. */
  public void add(LatencyHistogram other) {
    for (int i = 0; i < weights.length; i++) {
      weights[i] += other.weights[i];
    }
    total += other.total;
    weightedSum += other.weightedSum;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /**
   * The share of the records at or below {@code seconds}, to the bucket: every bucket whose upper
   * edge is at most {@code seconds}, and the zero bucket for 0.
   */
  public double fractionAtMost(double seconds) {
    if (!(total > 0)) {
      return Double.NaN;
    }
    double w = 0;
    for (int i = 0; i < weights.length; i++) {
      if (i == 0 || upperEdge(i) <= seconds) {
        w += weights[i];
      }
    }
    return w / total;
  }

  /** Requests recorded (a sum of weights). */
  public double count() {
    return total;
  }

  /** Mean latency (s); NaN without records. */
  public double mean() {
    return total > 0 ? weightedSum / total : Double.NaN;
  }

  /** Largest latency recorded (s); NaN without records. */
  public double max() {
    return total > 0 ? max : Double.NaN;
  }

  /**
   * The {@code q}-quantile (0 < q <= 1): the upper edge of the bucket where the cumulative weight
   * reaches q × count, clamped to the largest latency seen; NaN without records.
   */
  public double quantile(double q) {
    if (!(total > 0)) {
      return Double.NaN;
    }
    double target = q * total;
    double cumulative = 0;
    for (int i = 0; i < weights.length; i++) {
      cumulative += weights[i];
      if (cumulative >= target * (1 - 1e-12) && weights[i] > 0) {
        return Math.max(min, Math.min(max, upperEdge(i)));
      }
    }
    return max;
  }

  private static int bucket(double seconds) {
    if (seconds < MIN_SECONDS) {
      return 0;
    }
    // Clamped as a double: an infinite latency (a request that can never finish) is in the top
    // bucket, not an int overflow.
    double i = 1 + Math.floor(Math.log(seconds / MIN_SECONDS) / LOG_GROWTH);
    return (int) Math.min(i, BUCKETS + 1);
  }

  private static double lowerEdge(int bucket) {
    return bucket == 0 ? 0 : MIN_SECONDS * Math.pow(GROWTH, bucket - 1);
  }

  private static double upperEdge(int bucket) {
    if (bucket == 0) {
      return MIN_SECONDS;
    }
    if (bucket > BUCKETS) {
      return Double.POSITIVE_INFINITY;
    }
    return MIN_SECONDS * Math.pow(GROWTH, bucket);
  }
}
