package org.aifactory.model.inference;

/**
 * A service's tokens and latency over the run in a fixed number of equal buckets (memory bounded by
 * the buckets, not by the requests): output tokens demanded and served per bucket, and per bucket a
 * coarse latency histogram (10 % wide bins from 1 ms) for its p99. Amounts spread over an interval
 * (a fluid's) are shared among the buckets the interval overlaps.
 */
public final class ServiceTimeline {
  private static final double MIN_SECONDS = 1e-3;
  private static final double GROWTH = 1.1;
  private static final double LOG_GROWTH = Math.log(GROWTH);
  private static final int BINS = 200; // 1 ms × 1.1^200 ≈ 190 h

  private final long bucketNanos;
  private final double[] demanded;
  private final double[] served;
  private final float[][] latency;

  /** {@code buckets} buckets over {@code horizonNanos}. */
  public ServiceTimeline(long horizonNanos, int buckets) {
    int n = Math.max(1, buckets);
    this.bucketNanos = Math.max(1, (horizonNanos + n - 1) / n);
    int count = (int) Math.max(1, (horizonNanos + bucketNanos - 1) / bucketNanos);
    demanded = new double[count];
    served = new double[count];
    latency = new float[count][];
  }

  private int bucket(long t) {
    return (int) Math.min(demanded.length - 1, Math.max(0, t / bucketNanos));
  }

  void demandedAt(long t, double tokens) {
    demanded[bucket(t)] += tokens;
  }

  void servedAt(long t, double tokens) {
    served[bucket(t)] += tokens;
  }

  void latencyAt(long t, double seconds, double weight) {
    int b = bucket(t);
    if (latency[b] == null) {
      latency[b] = new float[BINS + 1];
    }
    int bin =
        seconds <= MIN_SECONDS
            ? 0
            : (int) Math.min(BINS, 1 + Math.floor(Math.log(seconds / MIN_SECONDS) / LOG_GROWTH));
    latency[b][bin] += (float) weight;
  }

  /** Demanded and served tokens spread evenly over [from, to), and their latency. */
  void spread(
      long from,
      long to,
      double demandedTokens,
      double servedTokens,
      double seconds,
      double weight) {
    if (to <= from) {
      demandedAt(from, demandedTokens);
      servedAt(from, servedTokens);
      latencyAt(from, seconds, weight);
      return;
    }
    double length = to - from;
    for (int b = bucket(from); b <= bucket(to - 1); b++) {
      long a = Math.max(from, (long) b * bucketNanos);
      long z = Math.min(to, (long) (b + 1) * bucketNanos);
      double share = (z - a) / length;
      demanded[b] += demandedTokens * share;
      served[b] += servedTokens * share;
      if (weight * share > 0) {
        latencyAt(a, seconds, weight * share);
      }
    }
  }

  public long bucketNanos() {
    return bucketNanos;
  }

  public double[] demandedTokens() {
    return demanded.clone();
  }

  public double[] servedTokens() {
    return served.clone();
  }

  /** The p99 latency of each bucket (upper edge of its bin, s); NaN where nothing completed. */
  public double[] p99Seconds() {
    double[] p = new double[latency.length];
    for (int b = 0; b < p.length; b++) {
      p[b] = Double.NaN;
      float[] h = latency[b];
      if (h == null) {
        continue;
      }
      double total = 0;
      for (float w : h) {
        total += w;
      }
      double target = 0.99 * total;
      double run = 0;
      for (int i = 0; i < h.length; i++) {
        run += h[i];
        if (run >= target && total > 0) {
          p[b] = MIN_SECONDS * Math.pow(GROWTH, i);
          break;
        }
      }
    }
    return p;
  }
}
