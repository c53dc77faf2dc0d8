package org.aifactory.model.workload;

/**
 * A training job's books at the end of a run: job time and GPU time (nanoseconds) by state, and
 * lost work, restart and waiting time by failure cause (arrays indexed like the factory's causes).
 *
 * @param activeNanos job wall time from its start to its completion or the horizon
 * @param completionNanos when its work completed, -1 if it did not
 * @param lostThrottledNanos of the lost iterating time, by cause, the part a limit had slowed (made
 *     no progress anyway)
 * @param lostThrottledGpuNanos the same in GPU time
 * @param throttledNanos iterating time a limit kept from progressing, by reason (cap, thermal)
 * @param throttledGpuNanos the same in GPU time, all reasons
 * @param slowGpuNanos GPU time spent iterating below full speed
 */
public record JobAccount(
    TrainingJob job,
    long activeNanos,
    long completionNanos,
    long iterations,
    long checkpoints,
    long[] nanosInState,
    double[] gpuNanosInState,
    double computeGpuNanos,
    double communicationGpuNanos,
    long[] lostNanos,
    double[] lostGpuNanos,
    long[] restartNanos,
    double[] restartGpuNanos,
    long[] waitingNanos,
    double[] waitingGpuNanos,
    long[] interruptions,
    double gpuWattNanos,
    double checkpointIntervalSeconds,
    double meanTimeBetweenKillsSeconds,
    double[] lostThrottledNanos,
    double[] lostThrottledGpuNanos,
    double[] throttledNanos,
    double throttledGpuNanos,
    double slowGpuNanos) {

  public long nanosIn(JobState s) {
    return nanosInState[s.ordinal()];
  }

  public double gpuNanosIn(JobState s) {
    return gpuNanosInState[s.ordinal()];
  }

  /** Job time spent iterating, including iterations later lost. */
  public long iteratingNanos() {
    return nanosIn(JobState.COMPUTE)
        + nanosIn(JobState.COMMUNICATION)
        + nanosIn(JobState.ITERATING);
  }

  public double iteratingGpuNanos() {
    return gpuNanosIn(JobState.COMPUTE)
        + gpuNanosIn(JobState.COMMUNICATION)
        + gpuNanosIn(JobState.ITERATING);
  }

  public long lostNanosTotal() {
    return sum(lostNanos);
  }

  public double lostGpuNanosTotal() {
    return sum(lostGpuNanos);
  }

  /**
   * Job time iterating whose work survived at full speed: iterating time less lost work and less
   * what limits kept from progressing.
   */
  public double productiveNanos() {
    double throttled = throttledNanosTotal() - lostThrottledNanosTotal();
    long beyondLost = iteratingNanos() - lostNanosTotal();
    return throttled == 0 ? beyondLost : beyondLost - throttled;
  }

  public long restartNanosTotal() {
    return sum(restartNanos);
  }

  public long waitingNanosTotal() {
    return sum(waitingNanos);
  }

  /** Iterating time kept from progressing by power caps. */
  public double capThrottledNanos() {
    return throttledNanos[JobBooks.Throttle.CAP.ordinal()];
  }

  /** Iterating time kept from progressing by thermal limits. */
  public double thermalThrottledNanos() {
    return throttledNanos[JobBooks.Throttle.THERMAL.ordinal()];
  }

  public double throttledNanosTotal() {
    return sum(throttledNanos);
  }

  public double lostThrottledNanosTotal() {
    return sum(lostThrottledNanos);
  }

  public double lostThrottledGpuNanosTotal() {
    return sum(lostThrottledGpuNanos);
  }

  public long interruptionsTotal() {
    return sum(interruptions);
  }

  /** Effective training time ratio: productive time / wall time since the job started. */
  public double ettr() {
    return activeNanos > 0 ? productiveNanos() / activeNanos : Double.NaN;
  }

  static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }

  static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
