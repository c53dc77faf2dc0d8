package org.aifactory.model.cooling;

import java.util.Objects;

/**
 * A site's climate as monthly normals of the daily maximum and minimum dry-bulb temperature, and a
 * wet-bulb depression (dry bulb minus wet bulb) for evaporative units.
 *
 * <p>Hours from normals: the normal daily maximum and minimum are interpolated linearly between the
 * middles of the months (day 15.5 of each, wrapping around the year); within a day the temperature
 * follows a cosine from the minimum at 03:00 to the maximum at 15:00. This "cosine day" is a common
 * simplification (an ASSUMPTION of shape; the normals themselves are cited per profile): it keeps
 * the seasonal and diurnal swing of the normals, not the weather of any one year.
 *
 * @param name the profile's name, e.g. {@code phoenix}
 * @param source where the normals come from (docs/sources.md §8)
 * @param monthlyMaxCelsius the normal daily maximum of each month, January first (12 values)
 * @param monthlyMinCelsius the normal daily minimum of each month (12 values, each at most the
 *     month's maximum)
 * @param wetBulbDepressionKelvin dry bulb minus wet bulb, >= 0
 */
public record ClimateProfile(
    String name,
    String source,
    double[] monthlyMaxCelsius,
    double[] monthlyMinCelsius,
    double wetBulbDepressionKelvin) {

  private static final double[] MID_MONTH_DAY = midMonthDays();

  public ClimateProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    if (monthlyMaxCelsius.length != 12 || monthlyMinCelsius.length != 12) {
      throw new IllegalArgumentException("a climate needs 12 monthly maxima and minima");
    }
    monthlyMaxCelsius = monthlyMaxCelsius.clone();
    monthlyMinCelsius = monthlyMinCelsius.clone();
    for (int m = 0; m < 12; m++) {
      if (!Double.isFinite(monthlyMaxCelsius[m])
          || !Double.isFinite(monthlyMinCelsius[m])
          || monthlyMinCelsius[m] > monthlyMaxCelsius[m]) {
        throw new IllegalArgumentException(
            "month " + (m + 1) + ": the minimum must be finite and at most the maximum");
      }
    }
    if (!(wetBulbDepressionKelvin >= 0) || !Double.isFinite(wetBulbDepressionKelvin)) {
      throw new IllegalArgumentException("the wet-bulb depression must be >= 0");
    }
  }

  /** Dry-bulb temperature in hour {@code hourOfYear} (0 = 1 January, 00:00-01:00). */
  public double dryBulbCelsius(long hourOfYear) {
    double day = hourOfYear / 24 + 0.5; // the middle of the day, 0.5 .. 364.5
    double max = interpolate(monthlyMaxCelsius, day);
    double min = interpolate(monthlyMinCelsius, day);
    double hourMid = hourOfYear % 24 + 0.5;
    double phase = Math.cos(2 * Math.PI * (hourMid - 15) / 24); // 1 at 15:00, -1 at 03:00
    return (max + min) / 2 + (max - min) / 2 * phase;
  }

  private static double interpolate(double[] monthly, double day) {
    for (int m = 0; m < 12; m++) {
      double a = MID_MONTH_DAY[m];
      double b = m == 11 ? MID_MONTH_DAY[0] + 365 : MID_MONTH_DAY[m + 1];
      double d = day < MID_MONTH_DAY[0] ? day + 365 : day;
      if (d >= a && d < b) {
        double t = (d - a) / (b - a);
        return monthly[m] + t * (monthly[(m + 1) % 12] - monthly[m]);
      }
    }
    throw new IllegalStateException("day " + day);
  }

  private static double[] midMonthDays() {
    int[] lengths = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    double[] mid = new double[12];
    int start = 0;
    for (int m = 0; m < 12; m++) {
      mid[m] = start + lengths[m] / 2.0;
      start += lengths[m];
    }
    return mid;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClimateProfile c
        && name.equals(c.name)
        && java.util.Arrays.equals(monthlyMaxCelsius, c.monthlyMaxCelsius)
        && java.util.Arrays.equals(monthlyMinCelsius, c.monthlyMinCelsius)
        && wetBulbDepressionKelvin == c.wetBulbDepressionKelvin;
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "ClimateProfile[" + name + "]";
  }
}
