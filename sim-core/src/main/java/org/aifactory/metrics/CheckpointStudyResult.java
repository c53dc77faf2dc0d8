package org.aifactory.metrics;

import java.util.List;

/**
 * A sweep of one job's checkpoint interval: ETTR (and tokens) with confidence intervals at each
 * interval, the simulated optimum, and Young's and Daly's intervals for comparison.
 *
 * @param scenario scenario name
 * @param job the job studied
 * @param seed root seed (the same streams at every interval: common random numbers)
 * @param replications replications per interval
 * @param checkpointSeconds checkpoint duration δ
 * @param restartSeconds restart time R
 * @param mtbfKillHours the job's mean time between job-killing failures M
 * @param youngSeconds Young's interval √(2δM)
 * @param dalySeconds Daly's interval
 * @param points one per interval, increasing
 * @param best index of the point with the highest mean ETTR
 * @param optimumLowSeconds smallest interval not distinguishable from the best (paired 95 % CI of
 *     the ETTR difference contains 0)
 * @param optimumHighSeconds largest such interval
 * @param current index of the point at the job's current interval (the scenario's)
 * @param lostGpuHourDollars the value of a GPU-hour of the job's progress used to price the token
 *     differences
 */
public record CheckpointStudyResult(
    String scenario,
    String job,
    long seed,
    int replications,
    double checkpointSeconds,
    double restartSeconds,
    double mtbfKillHours,
    double youngSeconds,
    double dalySeconds,
    List<Point> points,
    int best,
    double optimumLowSeconds,
    double optimumHighSeconds,
    int current,
    double lostGpuHourDollars) {

  public CheckpointStudyResult {
    points = List.copyOf(points);
  }

  /**
   * One interval.
   *
   * @param intervalSeconds the checkpoint interval
   * @param ettr the job's ETTR over the replications
   * @param tokens the job's tokens over the replications
   * @param ettrDifferenceFromBest mean and 95 % CI of (best ETTR − this ETTR), paired by
   *     replication
   * @param tokensVersusCurrent this interval's tokens − the current interval's, paired
   * @param dollarsVersusCurrent those tokens priced at the GPU-hours they stand for (per run)
   */
  public record Point(
      double intervalSeconds,
      MetricStats ettr,
      MetricStats tokens,
      MetricStats ettrDifferenceFromBest,
      MetricStats tokensVersusCurrent,
      MetricStats dollarsVersusCurrent) {}

  public Point bestPoint() {
    return points.get(best);
  }

  public Point currentPoint() {
    return points.get(current);
  }

  /** Whether a failure can kill the job (M is finite, so Young's and Daly's intervals exist). */
  public boolean killable() {
    return Double.isFinite(mtbfKillHours);
  }
}
