package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;

/**
 * Planned maintenance of every unit of one kind: each unit is taken out of service for {@code
 * duration} once every {@code interval}, one unit after another (see {@link PlannedMaintenance}).
 *
 * @param interval time between two maintenances of the same unit
 * @param duration time a unit is out of service for each
 */
public record MaintenancePlan(Duration interval, Duration duration) {
  public MaintenancePlan {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(duration, "duration");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("a maintenance interval must be > 0");
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a maintenance duration must be > 0");
    }
    if (duration.compareTo(interval) > 0) {
      throw new IllegalArgumentException(
          "a maintenance duration must not exceed its interval, got "
              + hours(duration)
              + " every "
              + hours(interval));
    }
  }

  private static String hours(Duration d) {
    return org.aifactory.model.ProblemNumbers.significant(d.toNanos() / PowerTime.NANOS_PER_HOUR)
        + " h";
  }

  /** Time to maintain {@code units} units one after another. */
  Duration round(int units) {
    return duration.multipliedBy(units);
  }

  /** Whether {@code units} units, one after another, fit in one interval. */
  boolean fits(int units) {
    return round(units).compareTo(interval) <= 0;
  }
}
