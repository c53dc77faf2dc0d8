package org.aifactory.model.workload;

import java.util.List;
import org.aifactory.model.failure.FailureCause;

/**
 * A job's checkpoint plan, computed from its spec and the failure causes alone (no simulation): the
 * mean time between job-killing failures M, the interval its policy chooses, and the interval in
 * whole iterations. Young's and Daly's intervals are given for comparison whatever the policy.
 *
 * @param mtbfKillSeconds M: mean time between the job's unplanned failures, from the causes' rates
 *     and the job's size (infinite when nothing can kill it)
 * @param checkpointSeconds δ: how long one checkpoint blocks the job (0 without checkpoints)
 * @param intervalSeconds the interval used (NaN without checkpoints)
 * @param iterationsPerCheckpoint iterations between checkpoints: the interval rounded up to whole
 *     iterations (0 without checkpoints)
 */
public record CheckpointPlan(
    double mtbfKillSeconds,
    double checkpointSeconds,
    double intervalSeconds,
    long iterationsPerCheckpoint) {

  /**
   * The plan of {@code job} on systems of {@code systemGpus} GPUs (of which it uses its share).
   *
   * @param causes the causes with a rate of their own (a cause driven from outside, such as loss of
   *     power, is left out of M)
   */
  public static CheckpointPlan of(TrainingJobSpec job, int systemGpus, List<FailureCause> causes) {
    int systems = job.systemsOn(systemGpus);
    double m = meanTimeBetweenKills(causes, job.gpus(), systems);
    if (job.checkpoint().isEmpty()) {
      return new CheckpointPlan(m, 0, Double.NaN, 0);
    }
    CheckpointSpec cp = job.checkpoint().get();
    double delta = cp.duration().toNanos() / 1e9;
    double interval = cp.policy().intervalSeconds(cp.interval().toNanos() / 1e9, delta, m);
    long intervalNanos = Math.max(1, Math.round(interval * 1e9));
    long period = job.iteration().period().toNanos();
    long iterations = Math.max(1, -Math.floorDiv(-intervalNanos, period));
    return new CheckpointPlan(m, delta, interval, iterations);
  }

  /** Mean time between job-killing (unplanned) failures from the causes' rates; ∞ if none. */
  private static double meanTimeBetweenKills(List<FailureCause> causes, int gpus, int systems) {
    double rate = 0;
    for (FailureCause c : causes) {
      if (c.planned()) {
        continue;
      }
      double units =
          switch (c.scope()) {
            case GPU, NETWORK -> gpus;
            case SYSTEM -> systems;
            case JOB -> 1;
          };
      rate += units * c.ratePerUnitSecond();
    }
    return rate > 0 ? 1 / rate : Double.POSITIVE_INFINITY;
  }

  /** Whether anything can kill the job (M is finite). */
  public boolean killable() {
    return Double.isFinite(mtbfKillSeconds);
  }

  /** Young's interval √(2δM); the fixed interval's fallback when M is infinite or δ is 0. */
  public double youngSeconds(double fallbackSeconds) {
    return CheckpointPolicy.YOUNG.intervalSeconds(
        fallbackSeconds, checkpointSeconds, mtbfKillSeconds);
  }

  /** Daly's interval; {@code fallbackSeconds} when M is infinite or δ is 0. */
  public double dalySeconds(double fallbackSeconds) {
    return CheckpointPolicy.DALY.intervalSeconds(
        fallbackSeconds, checkpointSeconds, mtbfKillSeconds);
  }
}
