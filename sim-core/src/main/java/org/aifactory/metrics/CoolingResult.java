package org.aifactory.metrics;

import java.util.List;

/**
 * What the cooling plant did in one run.
 *
 * @param weather the weather, described
 * @param maxDryBulbCelsius the hottest outdoor hour
 * @param loops each loop's figures (liquid first)
 * @param series the plant over time
 */
public record CoolingResult(
    String weather, double maxDryBulbCelsius, List<LoopResult> loops, Series series) {

  public CoolingResult {
    loops = List.copyOf(loops);
  }

  /**
   * One loop.
   *
   * @param name {@code liquid} or {@code air}
   * @param setpointCelsius its supply setpoint
   * @param designHeatWatts the heat it was sized for
   * @param heatCapacityJoulesPerKelvin its heat capacity C
   * @param heatInJoules heat its clusters put in
   * @param heatRejectedJoules heat its units rejected
   * @param heatStoredJoules heat stored at the end: C × (T − setpoint)
   * @param coolingJoules electricity of its fans, pumps and chillers
   * @param waterLitres water its towers used
   * @param maxCelsius its highest temperature
   * @param maxGpuCelsius the highest temperature of a GPU on it (NaN without GPUs)
   * @param aboveSetpointNanos time above its setpoint (its units flat out)
   * @param limitedNanos time with a thermal limit on some of its GPUs
   * @param trips clusters tripped by heat
   * @param stages its units
   */
  public record LoopResult(
      String name,
      double setpointCelsius,
      double designHeatWatts,
      double heatCapacityJoulesPerKelvin,
      double heatInJoules,
      double heatRejectedJoules,
      double heatStoredJoules,
      double coolingJoules,
      double waterLitres,
      double maxCelsius,
      double maxGpuCelsius,
      long aboveSetpointNanos,
      long limitedNanos,
      long trips,
      List<StageResult> stages) {
    public LoopResult {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One kind of unit of a loop.
   *
   * @param name {@code dry_coolers}, {@code cooling_towers} or {@code chillers}
   * @param installed units installed
   * @param needed units needed for its share of the design heat (N)
   * @param failures unit failures
   * @param shortNanos time with fewer than {@code needed} units up
   */
  public record StageResult(
      String name, int installed, int needed, long failures, long shortNanos) {}

  /**
   * The plant over time, in equal buckets.
   *
   * @param bucketNanos width of a bucket
   * @param outdoorCelsius mean dry bulb
   * @param loopMaxCelsius highest temperature of the first loop
   * @param limitedShare share of GPUs under a thermal limit (time-weighted)
   * @param coolingWatts mean cooling power
   */
  public record Series(
      long bucketNanos,
      double[] outdoorCelsius,
      double[] loopMaxCelsius,
      double[] limitedShare,
      double[] coolingWatts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Series s
          && bucketNanos == s.bucketNanos
          && java.util.Arrays.equals(outdoorCelsius, s.outdoorCelsius)
          && java.util.Arrays.equals(loopMaxCelsius, s.loopMaxCelsius)
          && java.util.Arrays.equals(limitedShare, s.limitedShare)
          && java.util.Arrays.equals(coolingWatts, s.coolingWatts);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(loopMaxCelsius);
    }

    @Override
    public String toString() {
      return "Series[" + outdoorCelsius.length + " buckets]";
    }
  }

  /** Electricity of the whole plant. */
  public double coolingJoules() {
    double s = 0;
    for (LoopResult l : loops) {
      s += l.coolingJoules();
    }
    return s;
  }

  /** Water of the whole plant. */
  public double waterLitres() {
    double s = 0;
    for (LoopResult l : loops) {
      s += l.waterLitres();
    }
    return s;
  }

  /** The hottest GPU of the run. */
  public double maxGpuCelsius() {
    double m = Double.NaN;
    for (LoopResult l : loops) {
      if (Double.isFinite(l.maxGpuCelsius())) {
        m = Double.isNaN(m) ? l.maxGpuCelsius() : Math.max(m, l.maxGpuCelsius());
      }
    }
    return m;
  }
}
