package org.aifactory.model.economics;

import java.util.Arrays;

/**
 * The price of facility energy: flat, or one price per hour of the run from hour 0 (repeated from
 * the start when the run is longer than the prices).
 */
public sealed interface EnergyPrice {

  /** The price during hour {@code hour} of the run (hour 0 starts at time 0), $/MWh. */
  double dollarsPerMwh(long hour);

  /** One price for every hour. */
  record Flat(double dollarsPerMwh) implements EnergyPrice {
    public Flat {
      EconomicsSpec.nonNegative(dollarsPerMwh, "energy_per_mwh");
    }

    @Override
    public double dollarsPerMwh(long hour) {
      return dollarsPerMwh;
    }
  }

  /**
   * A price per hour, from hour 0 without gaps.
   *
   * @param source where the prices come from (a file name), for reports
   */
  record Hourly(double[] dollarsPerMwhByHour, String source) implements EnergyPrice {
    public Hourly {
      if (dollarsPerMwhByHour.length == 0) {
        throw new IllegalArgumentException("an hourly price needs at least one hour");
      }
      for (double p : dollarsPerMwhByHour) {
        EconomicsSpec.nonNegative(p, "energy_prices");
      }
      dollarsPerMwhByHour = dollarsPerMwhByHour.clone();
    }

    @Override
    public double dollarsPerMwh(long hour) {
      return dollarsPerMwhByHour[(int) (hour % dollarsPerMwhByHour.length)];
    }

    @Override
    public double[] dollarsPerMwhByHour() {
      return dollarsPerMwhByHour.clone();
    }

    public int hours() {
      return dollarsPerMwhByHour.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Hourly h
          && Arrays.equals(dollarsPerMwhByHour, h.dollarsPerMwhByHour)
          && source.equals(h.source);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(dollarsPerMwhByHour) + source.hashCode();
    }

    @Override
    public String toString() {
      return "Hourly[" + dollarsPerMwhByHour.length + " hours from " + source + "]";
    }
  }
}
