package org.aifactory.model.inference;

import java.util.Arrays;
import org.aifactory.model.Checks;

/**
 * The requests a service is asked to serve: Poisson arrivals whose rate is constant within each
 * hour of the run, {@code requestsPerSecond} × the multiplier of the hour of the day × (1 +
 * growth)^(hours / 8,760).
 *
 * @param requestsPerSecond the mean arrival rate with a multiplier of 1 and no growth
 * @param hourlyMultipliers 24 multipliers >= 0, one per hour of the day (hour 0 = 00:00-01:00)
 * @param growthPerYear the yearly growth of demand (0.5 = +50 % a year), > −1
 * @param startHourOfDay the hour of the day the run starts at (0-23)
 */
public record DemandSpec(
    double requestsPerSecond,
    double[] hourlyMultipliers,
    double growthPerYear,
    int startHourOfDay) {

  /**
   * The highest arrival rate a service takes: a billion requests per second, far beyond any service
   * (an input limit, so that estimates and counts stay finite).
   */
  public static final double MAX_REQUESTS_PER_SECOND = 1e9;

  /** Hours in the year of the growth rate. */
  public static final double HOURS_PER_YEAR = 8_760;

  /** The same demand every hour. */
  public static double[] flat() {
    double[] m = new double[24];
    Arrays.fill(m, 1);
    return m;
  }

  public DemandSpec {
    Checks.nonNegative(requestsPerSecond, "requests per second");
    if (hourlyMultipliers == null || hourlyMultipliers.length != 24) {
      throw new IllegalArgumentException("a daily profile has 24 hourly multipliers");
    }
    hourlyMultipliers = hourlyMultipliers.clone();
    for (double m : hourlyMultipliers) {
      Checks.nonNegative(m, "hourly multiplier");
    }
    if (!(growthPerYear > -1) || !Double.isFinite(growthPerYear)) {
      throw new IllegalArgumentException(
          "growth must be above -100 % a year, got " + growthPerYear);
    }
    if (startHourOfDay < 0 || startHourOfDay > 23) {
      throw new IllegalArgumentException("start hour must be 0-23, got " + startHourOfDay);
    }
  }

  /** The arrival rate (requests/s) during hour {@code hour} of the run (0-based). */
  public double rate(long hour) {
    double m = hourlyMultipliers[(int) Math.floorMod(startHourOfDay + hour, 24L)];
    if (growthPerYear == 0) {
      return requestsPerSecond * m;
    }
    return requestsPerSecond * m * Math.pow(1 + growthPerYear, hour / HOURS_PER_YEAR);
  }

  /**
   * A bound on the mean arrival rate (requests/s) between {@code fromSeconds} and {@code toSeconds}
   * of the run: the day's mean multiplier at the larger growth of the two ends (for estimates).
   */
  public double meanRate(double fromSeconds, double toSeconds) {
    double sum = 0;
    for (double m : hourlyMultipliers) {
      sum += m;
    }
    return requestsPerSecond * sum / 24 * growthAtMost(fromSeconds, toSeconds);
  }

  /** The highest arrival rate (requests/s) before {@code toSeconds} of the run. */
  public double peakRate(double toSeconds) {
    double most = 0;
    for (double m : hourlyMultipliers) {
      most = Math.max(most, m);
    }
    return requestsPerSecond * most * growthAtMost(0, toSeconds);
  }

  private double growthAtMost(double fromSeconds, double toSeconds) {
    double a = Math.pow(1 + growthPerYear, fromSeconds / 3600 / HOURS_PER_YEAR);
    double b = Math.pow(1 + growthPerYear, toSeconds / 3600 / HOURS_PER_YEAR);
    return Math.max(a, b);
  }

  /** Whether the rate is the same every hour (no profile, no growth). */
  public boolean constant() {
    if (growthPerYear != 0) {
      return false;
    }
    for (double m : hourlyMultipliers) {
      if (m != hourlyMultipliers[0]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public double[] hourlyMultipliers() {
    return hourlyMultipliers.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DemandSpec d
        && Double.compare(requestsPerSecond, d.requestsPerSecond) == 0
        && Arrays.equals(hourlyMultipliers, d.hourlyMultipliers)
        && Double.compare(growthPerYear, d.growthPerYear) == 0
        && startHourOfDay == d.startHourOfDay;
  }

  @Override
  public int hashCode() {
    return Double.hashCode(requestsPerSecond) * 31 + Arrays.hashCode(hourlyMultipliers);
  }

  @Override
  public String toString() {
    return "DemandSpec["
        + requestsPerSecond
        + " req/s, "
        + Arrays.toString(hourlyMultipliers)
        + "]";
  }
}
