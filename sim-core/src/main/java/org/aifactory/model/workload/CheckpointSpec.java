package org.aifactory.model.workload;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * Periodic synchronous checkpoints: the whole job stops iterating and drops to {@code
 * powerFraction} of TDP for {@code duration}. A checkpoint starts at the first iteration boundary
 * once {@code interval} of training has passed since the previous checkpoint ended (or the job
 * started).
 *
 * @param interval training time between checkpoints
 * @param duration how long one checkpoint blocks the job
 * @param powerFraction GPU power while checkpointing, fraction of TDP
 * @param policy how the interval is chosen: {@code interval} itself, or Young's or Daly's optimum
 *     from the job's failure rate (then {@code interval} is used only when nothing can kill the
 *     job)
 */
public record CheckpointSpec(
    Duration interval, Duration duration, double powerFraction, CheckpointPolicy policy) {

  /** A fixed interval. */
  public CheckpointSpec(Duration interval, Duration duration, double powerFraction) {
    this(interval, duration, powerFraction, CheckpointPolicy.FIXED);
  }

  public CheckpointSpec {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(duration, "duration");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must be >= 0");
    }
    Checks.fraction(powerFraction, "power");
  }
}
