package org.aifactory.metrics;

import java.util.Arrays;

/**
 * Site power over time: min, mean and max in equal buckets over the whole run (so no peak is hidden
 * by averaging), plus every change inside a full-resolution window. Immutable.
 *
 * <p>In the window, each change starts a piece that holds its value until the next change, or, if
 * the piece has a slope (a ramp of GPU power smoothing), moves along a straight line from its value
 * at that slope until the next change, where the power may also jump.
 */
public final class PowerSeries {
  private final long bucketNanos;
  private final double[] minWatts;
  private final double[] meanWatts;
  private final double[] maxWatts;
  private final long windowStartNanos;
  private final long windowEndNanos;
  private final long[] stepTimesNanos;
  private final double[] stepWatts;
  private final double[] meanItWatts;
  private final double[] stepWattsPerSecond; // null: every piece is a level

  /**
   * @param bucketNanos width of every bucket; bucket i covers [i·w, (i+1)·w) (the last one may be
   *     cut by the horizon)
   * @param stepTimesNanos times at which the power took the matching value in {@code stepWatts};
   *     the first is the window start, the level holds until the next step or the window end
   */
  public PowerSeries(
      long bucketNanos,
      double[] minWatts,
      double[] meanWatts,
      double[] maxWatts,
      long windowStartNanos,
      long windowEndNanos,
      long[] stepTimesNanos,
      double[] stepWatts) {
    this(
        bucketNanos,
        minWatts,
        meanWatts,
        maxWatts,
        windowStartNanos,
        windowEndNanos,
        stepTimesNanos,
        stepWatts,
        new double[minWatts.length]);
  }

  /**
   * @param meanItWatts mean IT power of each bucket (the site power's IT part)
   */
  public PowerSeries(
      long bucketNanos,
      double[] minWatts,
      double[] meanWatts,
      double[] maxWatts,
      long windowStartNanos,
      long windowEndNanos,
      long[] stepTimesNanos,
      double[] stepWatts,
      double[] meanItWatts) {
    this(
        bucketNanos,
        minWatts,
        meanWatts,
        maxWatts,
        windowStartNanos,
        windowEndNanos,
        stepTimesNanos,
        stepWatts,
        meanItWatts,
        null);
  }

  /**
   * @param stepWattsPerSecond the slope of each window piece from its step on (W/s); null when
   *     every piece is a level
   */
  public PowerSeries(
      long bucketNanos,
      double[] minWatts,
      double[] meanWatts,
      double[] maxWatts,
      long windowStartNanos,
      long windowEndNanos,
      long[] stepTimesNanos,
      double[] stepWatts,
      double[] meanItWatts,
      double[] stepWattsPerSecond) {
    if (minWatts.length != meanWatts.length || minWatts.length != maxWatts.length) {
      throw new IllegalArgumentException("bucket arrays differ in length");
    }
    if (stepTimesNanos.length != stepWatts.length) {
      throw new IllegalArgumentException("step arrays differ in length");
    }
    this.bucketNanos = bucketNanos;
    this.minWatts = minWatts.clone();
    this.meanWatts = meanWatts.clone();
    this.maxWatts = maxWatts.clone();
    this.windowStartNanos = windowStartNanos;
    this.windowEndNanos = windowEndNanos;
    this.stepTimesNanos = stepTimesNanos.clone();
    this.stepWatts = stepWatts.clone();
    if (meanItWatts.length != minWatts.length) {
      throw new IllegalArgumentException("bucket arrays differ in length");
    }
    this.meanItWatts = meanItWatts.clone();
    if (stepWattsPerSecond != null && stepWattsPerSecond.length != stepWatts.length) {
      throw new IllegalArgumentException("step arrays differ in length");
    }
    this.stepWattsPerSecond = stepWattsPerSecond == null ? null : stepWattsPerSecond.clone();
  }

  public long bucketNanos() {
    return bucketNanos;
  }

  public int bucketCount() {
    return minWatts.length;
  }

  public long bucketStartNanos(int i) {
    return i * bucketNanos;
  }

  public double minWatts(int i) {
    return minWatts[i];
  }

  public double meanWatts(int i) {
    return meanWatts[i];
  }

  /** Mean IT power of bucket i (0 if not recorded). */
  public double meanItWatts(int i) {
    return meanItWatts[i];
  }

  public double maxWatts(int i) {
    return maxWatts[i];
  }

  public long windowStartNanos() {
    return windowStartNanos;
  }

  public long windowEndNanos() {
    return windowEndNanos;
  }

  public int stepCount() {
    return stepTimesNanos.length;
  }

  public long stepTimeNanos(int i) {
    return stepTimesNanos[i];
  }

  public double stepWatts(int i) {
    return stepWatts[i];
  }

  /** The slope of window piece i from its step on (W/s); 0 for a level. */
  public double stepWattsPerSecond(int i) {
    return stepWattsPerSecond == null ? 0 : stepWattsPerSecond[i];
  }

  /** Whether some piece of the window is a ramp rather than a level. */
  public boolean windowHasRamps() {
    if (stepWattsPerSecond != null) {
      for (double s : stepWattsPerSecond) {
        if (s != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The window's power at the end of piece i (just before piece i + 1, or the window's end). */
  public double stepEndWatts(int i) {
    long end = i + 1 < stepTimesNanos.length ? stepTimesNanos[i + 1] : windowEndNanos;
    double slope = stepWattsPerSecond(i);
    return slope == 0 ? stepWatts[i] : stepWatts[i] + slope * (end - stepTimesNanos[i]) * 1e-9;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PowerSeries p
        && bucketNanos == p.bucketNanos
        && windowStartNanos == p.windowStartNanos
        && windowEndNanos == p.windowEndNanos
        && Arrays.equals(minWatts, p.minWatts)
        && Arrays.equals(meanWatts, p.meanWatts)
        && Arrays.equals(maxWatts, p.maxWatts)
        && Arrays.equals(stepTimesNanos, p.stepTimesNanos)
        && Arrays.equals(stepWatts, p.stepWatts)
        && Arrays.equals(meanItWatts, p.meanItWatts)
        && Arrays.equals(stepWattsPerSecond, p.stepWattsPerSecond);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(meanWatts) * 31 + Arrays.hashCode(stepWatts);
  }
}
