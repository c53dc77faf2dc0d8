package org.aifactory.report;

import org.aifactory.metrics.PowerSeries;

/** Bucket bounds of a {@link PowerSeries}; the last bucket ends at the horizon. */
final class Buckets {
  private Buckets() {}

  static long startNanos(PowerSeries series, int i) {
    return series.bucketStartNanos(i);
  }

  /**
   * End of bucket {@code i}: the next bucket's start, cut by the horizon; the horizon for the last.
   */
  static long endNanos(PowerSeries series, int i, long horizonNanos) {
    if (i == series.bucketCount() - 1) {
      return horizonNanos;
    }
    return Math.min(series.bucketStartNanos(i + 1), horizonNanos);
  }
}
