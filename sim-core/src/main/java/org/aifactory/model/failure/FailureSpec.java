package org.aifactory.model.failure;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * How the factory fails and recovers.
 *
 * @param profile the failure causes
 * @param spareSwapTime time to bring a healthy unallocated system (a hot spare) into a job in place
 *     of a failed one
 * @param failedPowerFraction power of a failed GPU, as a fraction of its TDP (0: it is off)
 */
public record FailureSpec(
    FailureProfile profile, Duration spareSwapTime, double failedPowerFraction) {

  /*
   * Spare swap: no published figure in docs/sources.md. ASSUMPTION: 5 min for the scheduler to drain the
   * failed host and hand a powered, healthy spare to the job.
   */
  public static final Duration DEFAULT_SPARE_SWAP = Duration.ofMinutes(5);

  public FailureSpec {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(spareSwapTime, "spareSwapTime");
    if (spareSwapTime.isNegative()) {
      throw new IllegalArgumentException("spare_swap_time must be >= 0");
    }
    Checks.fraction(failedPowerFraction, "failed_power");
  }

  public static FailureSpec none() {
    return new FailureSpec(FailureProfile.none(), DEFAULT_SPARE_SWAP, 0);
  }

  public boolean enabled() {
    return !profile.causes().isEmpty();
  }
}
