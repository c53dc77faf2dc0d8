package org.aifactory.model.shaping;

import java.time.Duration;
import java.util.Objects;

/**
 * GPU power smoothing as NVIDIA's Blackwell firmware offers it (NVML power-smoothing profiles: a
 * floor as a percentage of the GPU's maximum power, ramp-up and ramp-down rates in W/s, a ramp-down
 * hysteresis; docs/sources.md §9). NVIDIA publishes no preset values (§9: missing), so every figure
 * is the scenario's.
 *
 * <p>What the simulator does with it ({@link GpuSmoother}): while a job iterates or checkpoints,
 * none of its GPUs draws below the floor; when the power a GPU's work asks for rises, its power
 * rises towards it at most at the ramp-up rate; when it falls, the GPU holds its power for the
 * hysteresis, then falls at most at the ramp-down rate. The work is not slowed: only power is
 * shaped.
 *
 * @param floorFraction the floor while a job runs, as a fraction of TDP, in [0, 1] (0: none)
 * @param rampUpWattsPerSecond the largest rise of one GPU's power per second, > 0 ({@link
 *     Double#POSITIVE_INFINITY}: no limit)
 * @param rampDownWattsPerSecond the largest fall of one GPU's power per second, > 0 (infinite: no
 *     limit)
 * @param hysteresis how long a GPU holds its power once its work asks for less, before ramping down
 */
public record PowerSmoothingSpec(
    double floorFraction,
    double rampUpWattsPerSecond,
    double rampDownWattsPerSecond,
    Duration hysteresis) {

  /** No limit on a ramp. */
  public static final double UNLIMITED = Double.POSITIVE_INFINITY;

  public PowerSmoothingSpec {
    if (!(floorFraction >= 0 && floorFraction <= 1)) {
      throw new IllegalArgumentException(
          "floor must be a fraction in [0, 1], got " + floorFraction);
    }
    if (!(rampUpWattsPerSecond > 0) || !(rampDownWattsPerSecond > 0)) {
      throw new IllegalArgumentException("ramp rates must be > 0 (infinite: no limit)");
    }
    Objects.requireNonNull(hysteresis, "hysteresis");
    if (hysteresis.isNegative()) {
      throw new IllegalArgumentException("hysteresis must be >= 0");
    }
  }

  /** Whether it changes anything: a floor, a ramp limit or a hysteresis. */
  public boolean shapes() {
    return floorFraction > 0
        || rampUpWattsPerSecond != UNLIMITED
        || rampDownWattsPerSecond != UNLIMITED
        || !hysteresis.isZero();
  }
}
