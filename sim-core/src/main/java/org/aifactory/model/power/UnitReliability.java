package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.failure.TimeDistribution;

/**
 * How one unit of a component of the chain fails and is repaired: its time to failure (counted in
 * operating time) and its repair time, each a distribution, as a failure cause has them. Every unit
 * of a component has the same; each draws from its own random stream.
 *
 * @param timeToFailure time from a unit's start (or repair) to its next failure
 * @param repair time from a crew starting on a failed unit to the unit working again
 */
public record UnitReliability(TimeDistribution timeToFailure, TimeDistribution repair) {
  public UnitReliability {
    Objects.requireNonNull(timeToFailure, "timeToFailure");
    Objects.requireNonNull(repair, "repair");
  }

  /**
   * Exponential failures at {@code perYear} per 365-day year, exponential repairs of mean {@code
   * repair}.
   */
  public static UnitReliability perYear(double perYear, Duration repair) {
    return new UnitReliability(
        new TimeDistribution.Exponential(PowerTime.SECONDS_PER_YEAR / perYear),
        TimeDistribution.Exponential.of(repair));
  }

  /**
   * Exponential failures of mean {@code mtbfHours} (a double: an MTBF can exceed the clock's 292
   * years), exponential repairs of mean {@code repair}.
   */
  public static UnitReliability mtbfHours(double mtbfHours, Duration repair) {
    return new UnitReliability(
        new TimeDistribution.Exponential(mtbfHours * 3600),
        TimeDistribution.Exponential.of(repair));
  }

  /** Mean failures of one unit per 365-day year (for work estimates). */
  public double failuresPerYear() {
    return PowerTime.SECONDS_PER_YEAR / timeToFailure.meanSeconds();
  }
}
