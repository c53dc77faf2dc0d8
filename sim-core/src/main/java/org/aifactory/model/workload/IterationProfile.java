package org.aifactory.model.workload;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * One training iteration: a compute-heavy phase followed by a communication-heavy phase. Power is
 * given as fractions of the GPU's TDP.
 *
 * @param period wall time of one iteration
 * @param computeFraction share of the period spent in the compute phase, in (0, 1]
 * @param computePowerFraction GPU power in the compute phase, fraction of TDP
 * @param communicationPowerFraction GPU power in the communication phase, fraction of TDP
 */
public record IterationProfile(
    Duration period,
    double computeFraction,
    double computePowerFraction,
    double communicationPowerFraction) {
  public IterationProfile {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("period must be positive");
    }
    Checks.fraction(computeFraction, "compute_fraction");
    if (computeFraction == 0) {
      throw new IllegalArgumentException("compute_fraction must be > 0");
    }
    Checks.fraction(computePowerFraction, "compute_power");
    Checks.fraction(communicationPowerFraction, "communication_power");
  }
}
