package org.aifactory.model.cooling;

import java.util.Objects;

/**
 * Outdoor conditions over the run: dry-bulb (and wet-bulb) temperature, constant within each hour
 * of the run (hour 0 starts at the run's start). Physics between hours is closed form, so an hourly
 * step is exact for the model, not a sampling of it.
 */
public sealed interface WeatherSpec
    permits WeatherSpec.Constant, WeatherSpec.Climate, WeatherSpec.Hourly, WeatherSpec.HeatWave {

  /** Dry-bulb temperature in °C during hour {@code hour} of the run (0-based). */
  double dryBulbCelsius(long hour);

  /** Wet-bulb temperature in °C during hour {@code hour}: what evaporative units approach. */
  double wetBulbCelsius(long hour);

  /** Whether the temperatures never change (no hourly events needed). */
  boolean constant();

  /** What the weather is, for reports: {@code constant 35 °C}, {@code phoenix from day 182}. */
  String describe();

  /**
   * The same temperatures all the time.
   *
   * @param dryBulbCelsius outdoor air temperature
   * @param wetBulbCelsius wet-bulb temperature, at most the dry bulb
   */
  record Constant(double dryBulbCelsius, double wetBulbCelsius) implements WeatherSpec {
    public Constant {
      if (!Double.isFinite(dryBulbCelsius) || !Double.isFinite(wetBulbCelsius)) {
        throw new IllegalArgumentException("temperatures must be finite");
      }
      if (wetBulbCelsius > dryBulbCelsius) {
        throw new IllegalArgumentException("the wet bulb cannot be warmer than the dry bulb");
      }
    }

    @Override
    public double dryBulbCelsius(long hour) {
      return dryBulbCelsius;
    }

    @Override
    public double wetBulbCelsius(long hour) {
      return wetBulbCelsius;
    }

    @Override
    public boolean constant() {
      return true;
    }

    @Override
    public String describe() {
      return "constant " + dryBulbCelsius + " °C";
    }
  }

  /**
   * A named climate's normals turned into hours: each day's temperature follows a cosine between
   * that day's normal minimum (at 03:00) and maximum (at 15:00), the normals interpolated between
   * mid-months (see {@link ClimateProfile#dryBulbCelsius}).
   *
   * @param profile the climate
   * @param startDayOfYear day of the year (1-365) on which the run starts, at 00:00
   */
  record Climate(ClimateProfile profile, int startDayOfYear) implements WeatherSpec {
    public Climate {
      Objects.requireNonNull(profile, "profile");
      if (startDayOfYear < 1 || startDayOfYear > 365) {
        throw new IllegalArgumentException("start day must be 1-365, got " + startDayOfYear);
      }
    }

    @Override
    public double dryBulbCelsius(long hour) {
      return profile.dryBulbCelsius(hourOfYear(hour));
    }

    @Override
    public double wetBulbCelsius(long hour) {
      return profile.dryBulbCelsius(hourOfYear(hour)) - profile.wetBulbDepressionKelvin();
    }

    private long hourOfYear(long hour) {
      return Math.floorMod((startDayOfYear - 1) * 24L + hour, 365L * 24);
    }

    @Override
    public boolean constant() {
      return false;
    }

    @Override
    public String describe() {
      return profile.name() + " from day " + startDayOfYear;
    }
  }

  /**
   * Measured or designed hours, e.g. from a CSV file: hour i of the run has temperature [i]. Runs
   * longer than the data repeat it from the start (a year of data for a several-year run).
   *
   * @param source where the hours come from (a file name), for reports
   * @param dryBulbCelsius one value per hour
   * @param wetBulbCelsius one value per hour, each at most the dry bulb of its hour
   */
  record Hourly(String source, double[] dryBulbCelsius, double[] wetBulbCelsius)
      implements WeatherSpec {
    public Hourly {
      Objects.requireNonNull(source, "source");
      if (dryBulbCelsius.length == 0 || dryBulbCelsius.length != wetBulbCelsius.length) {
        throw new IllegalArgumentException("hourly weather needs one wet bulb per dry bulb");
      }
      dryBulbCelsius = dryBulbCelsius.clone();
      wetBulbCelsius = wetBulbCelsius.clone();
      for (int i = 0; i < dryBulbCelsius.length; i++) {
        if (!Double.isFinite(dryBulbCelsius[i]) || !Double.isFinite(wetBulbCelsius[i])) {
          throw new IllegalArgumentException("hour " + i + ": temperatures must be finite");
        }
        if (wetBulbCelsius[i] > dryBulbCelsius[i]) {
          throw new IllegalArgumentException(
              "hour " + i + ": the wet bulb cannot be warmer than the dry bulb");
        }
      }
    }

    @Override
    public double dryBulbCelsius(long hour) {
      return dryBulbCelsius[(int) Math.floorMod(hour, (long) dryBulbCelsius.length)];
    }

    @Override
    public double wetBulbCelsius(long hour) {
      return wetBulbCelsius[(int) Math.floorMod(hour, (long) wetBulbCelsius.length)];
    }

    @Override
    public boolean constant() {
      return false;
    }

    @Override
    public String describe() {
      return source + " (" + dryBulbCelsius.length + " hours)";
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hourly h
          && source.equals(h.source)
          && java.util.Arrays.equals(dryBulbCelsius, h.dryBulbCelsius)
          && java.util.Arrays.equals(wetBulbCelsius, h.wetBulbCelsius);
    }

    @Override
    public int hashCode() {
      return source.hashCode() * 31 + java.util.Arrays.hashCode(dryBulbCelsius);
    }

    @Override
    public String toString() {
      return "Hourly[" + describe() + "]";
    }
  }

  /**
   * Another weather made hotter for a while: during hours {@code startHour} to {@code startHour +
   * hours - 1} of the run both the dry and the wet bulb are {@code riseKelvin} above {@code base}'s
   * (the wet-bulb depression kept: an assumption). A heat wave is what a plant designed for the
   * normal weather meets in the worst summers, so it is not part of the design conditions.
   *
   * @param base the weather without the wave
   * @param startHour first hour of the wave, from the start of the run
   * @param hours how many hours it lasts, at least 1
   * @param riseKelvin how much hotter, above 0
   */
  record HeatWave(WeatherSpec base, long startHour, long hours, double riseKelvin)
      implements WeatherSpec {
    public HeatWave {
      Objects.requireNonNull(base, "base");
      if (startHour < 0 || hours < 1) {
        throw new IllegalArgumentException("a heat wave starts at hour 0 or later and lasts 1 h+");
      }
      if (!(riseKelvin > 0) || !Double.isFinite(riseKelvin)) {
        throw new IllegalArgumentException("a heat wave's rise must be above 0, got " + riseKelvin);
      }
    }

    private double rise(long hour) {
      return hour >= startHour && hour - startHour < hours ? riseKelvin : 0;
    }

    @Override
    public double dryBulbCelsius(long hour) {
      return base.dryBulbCelsius(hour) + rise(hour);
    }

    @Override
    public double wetBulbCelsius(long hour) {
      return base.wetBulbCelsius(hour) + rise(hour);
    }

    @Override
    public boolean constant() {
      return false;
    }

    @Override
    public String describe() {
      return String.format(
          java.util.Locale.ROOT,
          "%s, %+.1f K for %d h from hour %d",
          base.describe(),
          riseKelvin,
          hours,
          startHour);
    }
  }
}
