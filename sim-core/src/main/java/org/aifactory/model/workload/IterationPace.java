package org.aifactory.model.workload;

import org.aifactory.model.hardware.SystemPower;

/**
 * How a job's iterations run under one power limit per GPU: each phase's power above idle and its
 * speed, the real length of the phases, and (for averaged resolution) the iteration's mean power
 * and its variance. A phase whose unconstrained power is above the limit draws the limit and slows
 * as the GPU's power curve says; a checkpoint (bound by storage, not by the GPU) only has its power
 * capped. Immutable; the job makes a new one when its limit changes.
 *
 * <p>Without a binding limit every figure is computed exactly as with no limit at all (the same
 * operations on the same numbers), so runs without caps are unchanged to the last bit.
 */
final class IterationPace {
  final double limitWatts;
  final double computeDelta;
  final double communicationDelta;
  final double checkpointDelta;
  final double computeSpeed;
  final double communicationSpeed;
  final JobBooks.PhaseTimes times;

  /** Progress per real nanosecond over whole iterations (1 at full speed). */
  final double pace;

  /** Mean GPU power above idle over an iteration (averaged resolution). */
  final double iteratingDelta;

  /** Variance of one GPU's IT power over an iteration (W²): two levels, Δ²·f(1−f). */
  final double iteratingItVariancePerGpu2;

  IterationPace(
      SystemPower power,
      IterationProfile profile,
      double checkpointFraction,
      long computeNanos,
      long communicationNanos,
      long periodNanos,
      double limitWatts) {
    this.limitWatts = limitWatts;
    double idle = power.idleGpuWatts();
    this.computeDelta = power.limitedGpuWatts(profile.computePowerFraction(), limitWatts) - idle;
    this.communicationDelta =
        power.limitedGpuWatts(profile.communicationPowerFraction(), limitWatts) - idle;
    this.checkpointDelta = power.limitedGpuWatts(checkpointFraction, limitWatts) - idle;
    this.computeSpeed = power.speed(profile.computePowerFraction(), limitWatts);
    this.communicationSpeed = power.speed(profile.communicationPowerFraction(), limitWatts);
    double compute = computeSpeed == 1 ? computeNanos : computeNanos / computeSpeed;
    double communication =
        communicationSpeed == 1 ? communicationNanos : communicationNanos / communicationSpeed;
    double iteration =
        computeSpeed == 1 && communicationSpeed == 1 ? periodNanos : compute + communication;
    this.times = new JobBooks.PhaseTimes(compute, communication, iteration);
    this.pace = periodNanos / iteration;
    this.iteratingDelta = (computeDelta * compute + communicationDelta * communication) / iteration;
    double f = compute / iteration;
    double swing = (computeDelta - communicationDelta) * power.itPerGpuWatt();
    this.iteratingItVariancePerGpu2 = swing * swing * f * (1 - f);
  }

  /** Whether the limit slows the iterations. */
  boolean slowed() {
    return computeSpeed < 1 || communicationSpeed < 1;
  }

  /** Real nanoseconds to do {@code work} nominal nanoseconds at {@code speed}, rounded up. */
  static long duration(double work, double speed) {
    if (speed == 1 && work == Math.rint(work)) {
      return (long) work;
    }
    double d = Math.ceil(work / speed);
    return d >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) d;
  }
}
