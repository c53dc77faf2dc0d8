package org.aifactory.scenario;

import java.util.Locale;
import java.util.Optional;
import org.aifactory.model.failure.TimeDistribution;

/**
 * Whether a cause's time to failure, scaled, is still one the simulation can use. Each value is
 * checked on its own as it is read, but {@code scale} divides the durations afterwards, so a valid
 * scale on a valid time to failure can give an infinite mean ({@code failures.scale: 1e-308}) or
 * one far below the clock's nanosecond (a failure every instant, a run that never ends); the model
 * would then refuse it with an exception. The binder asks here first, to report the scale that does
 * it.
 */
final class FailureScaling {
  private FailureScaling() {}

  /** The clock's resolution: a non-zero duration is at least 1 ns (README, Values). */
  private static final double SHORTEST_SECONDS = 1e-9;

  /**
   * What goes wrong when {@code timeToFailure}'s durations are divided by {@code factor}; empty if
   * nothing does.
   *
   * @param whose after the parameter's name in the message, e.g. " of cause 'nic'", or ""
   */
  static Optional<String> problem(TimeDistribution timeToFailure, double factor, String whose) {
    double seconds = timeScaleSeconds(timeToFailure) / factor;
    String what = parameter(timeToFailure) + whose;
    if (!Double.isFinite(seconds)) {
      return Optional.of(
          "would make the " + what + " infinite (beyond the largest 64-bit number, 1.8e308 s)");
    }
    if (seconds < SHORTEST_SECONDS) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "would make the %s %.3g s, shorter than the clock's resolution of 1 ns",
              what,
              seconds));
    }
    return Optional.empty();
  }

  /** The duration that {@link TimeDistribution#faster} divides. */
  private static double timeScaleSeconds(TimeDistribution d) {
    if (d instanceof TimeDistribution.Weibull w) {
      return w.scaleSeconds();
    }
    if (d instanceof TimeDistribution.Lognormal l) {
      return l.medianSeconds();
    }
    return d.meanSeconds(); // exponential, fixed
  }

  private static String parameter(TimeDistribution d) {
    if (d instanceof TimeDistribution.Weibull) {
      return "Weibull scale";
    }
    if (d instanceof TimeDistribution.Lognormal) {
      return "lognormal median";
    }
    return "mean time to failure";
  }
}
