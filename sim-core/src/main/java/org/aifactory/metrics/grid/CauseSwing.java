package org.aifactory.metrics.grid;

import java.util.List;
import java.util.Objects;

/**
 * What one cause of power changes does to the site load (before any battery or generation): its
 * largest steps up and down at one instant, and its largest ramp over each ramp window (the ramp of
 * the load as if only this cause changed it). A planner reads which cause breaks a rule.
 *
 * @param cause the metric key segment ({@code pulses}, {@code checkpoints}, {@code jobs}, {@code
 *     other})
 * @param label the cause in words
 * @param changes instants at which it changed the site load
 * @param largestUpWatts its largest rise at one instant (0 if none)
 * @param largestUpAtNanos when
 * @param largestDownWatts its largest fall at one instant (positive; 0 if none)
 * @param largestDownAtNanos when
 * @param rampWindowsNanos the ramp windows (those of the ramp rules, or the recording's)
 * @param maxRampWattsPerSecond its largest ramp either way over each window (positive)
 */
public record CauseSwing(
    String cause,
    String label,
    long changes,
    double largestUpWatts,
    double largestUpAtNanos,
    double largestDownWatts,
    double largestDownAtNanos,
    List<Long> rampWindowsNanos,
    List<Double> maxRampWattsPerSecond) {
  public CauseSwing {
    Objects.requireNonNull(cause, "cause");
    rampWindowsNanos = List.copyOf(rampWindowsNanos);
    maxRampWattsPerSecond = List.copyOf(maxRampWattsPerSecond);
  }

  /** The largest step either way (W). */
  public double largestStepWatts() {
    return Math.max(largestUpWatts, largestDownWatts);
  }
}
