package org.aifactory.model.hardware;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aifactory.model.Checks;

/**
 * A power cap on GPUs over time (an operator's policy, a grid request): from each step's time on,
 * every GPU it applies to is limited to the step's cap. Before the first step, no cap.
 *
 * @param steps by increasing time, at most one per time
 */
public record PowerCapSchedule(List<Step> steps) {

  /** A cap: a fraction of the GPU's TDP, or watts per GPU. */
  public sealed interface Cap {
    /** The cap in watts for {@code gpu}. */
    double watts(GpuType gpu);

    /** A fraction of TDP, in (0, 1]. */
    record OfTdp(double fraction) implements Cap {
      public OfTdp {
        Checks.fraction(fraction, "power cap");
        if (fraction == 0) {
          throw new IllegalArgumentException("a power cap must be above 0");
        }
      }

      @Override
      public double watts(GpuType gpu) {
        return fraction * gpu.tdpWatts();
      }
    }

    /** Watts per GPU, > 0. */
    record Watts(double watts) implements Cap {
      public Watts {
        Checks.positive(watts, "power cap");
      }

      @Override
      public double watts(GpuType gpu) {
        return watts;
      }
    }
  }

  /**
   * From {@code at} on, {@code cap}.
   *
   * @param at time from the start of the run
   * @param cap the cap
   */
  public record Step(Duration at, Cap cap) {
    public Step {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(cap, "cap");
      if (at.isNegative()) {
        throw new IllegalArgumentException("a cap's time must be >= 0");
      }
    }
  }

  public PowerCapSchedule {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a power cap schedule needs at least one step");
    }
    for (int i = 1; i < steps.size(); i++) {
      if (steps.get(i).at().compareTo(steps.get(i - 1).at()) <= 0) {
        throw new IllegalArgumentException(
            "the steps of a power cap schedule must be in time order");
      }
    }
  }

  /** The same cap from the start of the run. */
  public static PowerCapSchedule constant(Cap cap) {
    return new PowerCapSchedule(List.of(new Step(Duration.ZERO, cap)));
  }
}
