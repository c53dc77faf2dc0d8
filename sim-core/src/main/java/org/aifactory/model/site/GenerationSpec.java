package org.aifactory.model.site;

/**
 * On-site generation behind the meter (gas turbines, aeroderivatives) run as prime power: its
 * output follows the smoothed site load (the battery's target, or the load itself without a
 * battery) up to its capacity, ramping at most {@code rampWattsPerSecond}; the grid imports the
 * rest.
 *
 * @param capacityWatts the plant's output at full load
 * @param rampWattsPerSecond how fast its output may rise or fall
 * @param heatRateBtuPerKwh fuel energy per unit of electricity (Btu/kWh)
 * @param fuelDollarsPerMmbtu fuel price ($ per million Btu)
 * @param co2KgPerMmbtu CO2 emitted per million Btu of fuel
 */
public record GenerationSpec(
    double capacityWatts,
    double rampWattsPerSecond,
    double heatRateBtuPerKwh,
    double fuelDollarsPerMmbtu,
    double co2KgPerMmbtu) {

  /*
   * 50 % of capacity a minute: aeroderivative turbines in general (Wärtsilä's comparison table,
   * docs/sources.md §9 "On-site generation", a competitor's figure).
   */
  public static final double AERODERIVATIVE_RAMP_FRACTION_PER_MINUTE = 0.5;

  /*
   * 8,576 Btu/kWh: GE LM6000PD SPRINT, 9,048 kJ/kWh LHV at 447 m (vendor sheet, docs/sources.md §9,
   * derived). LHV basis, while the CO2 factor below is HHV: the bases differ (§9).
   */
  public static final double LM6000_HEAT_RATE_BTU_PER_KWH = 8576;

  /* $3.66 per MMBtu: Henry Hub, first half of 2025 (EIA Short-Term Energy Outlook, §9). */
  public static final double HENRY_HUB_1H2025_DOLLARS_PER_MMBTU = 3.66;

  /* 53.06 kg CO2 per MMBtu of natural gas, HHV (40 CFR 98 Table NN-1, §9, primary). */
  public static final double NATURAL_GAS_KG_CO2_PER_MMBTU = 53.06;

  /** Btu in one kWh: for the heat rate's conversion. */
  public static final double BTU_PER_KWH = 3412.14;

  /** The largest plant: 100 GW. */
  public static final double MAX_WATTS = 1e11;

  public GenerationSpec {
    if (!(capacityWatts > 0) || capacityWatts > MAX_WATTS) {
      throw new IllegalArgumentException("capacity must be > 0 and at most 100 GW");
    }
    if (!(rampWattsPerSecond > 0) || !Double.isFinite(rampWattsPerSecond)) {
      throw new IllegalArgumentException("ramp must be finite and > 0");
    }
    if (!(heatRateBtuPerKwh >= BTU_PER_KWH) || !Double.isFinite(heatRateBtuPerKwh)) {
      throw new IllegalArgumentException("heat rate must be finite and at least 3,412 Btu/kWh");
    }
    if (!(fuelDollarsPerMmbtu >= 0) || !Double.isFinite(fuelDollarsPerMmbtu)) {
      throw new IllegalArgumentException("fuel price must be finite and >= 0");
    }
    if (!(co2KgPerMmbtu >= 0) || !Double.isFinite(co2KgPerMmbtu)) {
      throw new IllegalArgumentException("emission factor must be finite and >= 0");
    }
  }

  /** Million Btu of fuel burnt per joule of electricity. */
  public double mmbtuPerJoule() {
    return heatRateBtuPerKwh / 3.6e6 / 1e6;
  }

  /** The default ramp of a plant of {@code capacityWatts}: 50 % of it a minute. */
  public static double defaultRampWattsPerSecond(double capacityWatts) {
    return capacityWatts * AERODERIVATIVE_RAMP_FRACTION_PER_MINUTE / 60;
  }
}
