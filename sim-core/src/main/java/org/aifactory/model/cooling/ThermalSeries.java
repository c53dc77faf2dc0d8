package org.aifactory.model.cooling;

import java.util.Arrays;
import org.aifactory.metrics.CoolingResult;

/**
 * The plant over time, in equal buckets over the horizon (like the power recorder's): the mean
 * outdoor temperature, the highest temperature of the plant's first loop, the share of GPUs under a
 * thermal limit, and the mean cooling power. Values in force between two calls are integrated
 * exactly; the loop's temperature, an exponential between loop events, is taken at every bucket
 * boundary, where its maximum over a bucket lies.
 */
final class ThermalSeries {
  private final long horizon;
  private final long bucketNanos;
  private final double[] outdoorNanos;
  private final double[] loopMax;
  private final double[] limitedNanos;
  private final double[] coolingWattNanos;
  private long last;
  private double outdoor;
  private double limited;
  private double cooling;

  ThermalSeries(long horizonNanos, int buckets) {
    this.horizon = horizonNanos;
    this.bucketNanos = Math.max(1, -Math.floorDiv(-horizonNanos, buckets));
    int n = (int) -Math.floorDiv(-horizonNanos, bucketNanos);
    this.outdoorNanos = new double[n];
    this.loopMax = new double[n];
    this.limitedNanos = new double[n];
    this.coolingWattNanos = new double[n];
    Arrays.fill(loopMax, Double.NEGATIVE_INFINITY);
  }

  /** Integrates the values in force since the last call up to {@code now}, then takes new ones. */
  void advance(long now, CoolingPlant plant) {
    long to = Math.min(now, horizon);
    ThermalLoop loop = plant.primary();
    long a = last;
    while (a < to) {
      int i = (int) (a / bucketNanos);
      long end = Math.min((i + 1) * bucketNanos, to);
      double dt = end - a;
      outdoorNanos[i] += outdoor * dt;
      limitedNanos[i] += limited * dt;
      coolingWattNanos[i] += cooling * dt;
      loopMax[i] = Math.max(loopMax[i], Math.max(loop.temperatureAt(a), loop.temperatureAt(end)));
      a = end;
    }
    last = Math.max(last, to);
    outdoor = plant.dryBulbCelsius();
    limited = plant.limitedShare();
    cooling = plant.coolingWatts();
  }

  CoolingResult.Series result() {
    int n = outdoorNanos.length;
    double[] out = new double[n];
    double[] lim = new double[n];
    double[] cool = new double[n];
    for (int i = 0; i < n; i++) {
      double width = Math.min(horizon, (i + 1) * bucketNanos) - (double) i * bucketNanos;
      out[i] = outdoorNanos[i] / width;
      lim[i] = limitedNanos[i] / width;
      cool[i] = coolingWattNanos[i] / width;
    }
    return new CoolingResult.Series(bucketNanos, out, loopMax.clone(), lim, cool);
  }
}
