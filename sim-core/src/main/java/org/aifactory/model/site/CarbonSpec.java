package org.aifactory.model.site;

import java.util.Objects;
import java.util.Optional;

/**
 * The carbon accounting of the site: the grid's average carbon intensity hour by hour, and
 * optionally a carbon-free supply contracted for the site (a wind or solar farm, hour by hour), for
 * 24/7 carbon-free-energy matching: how much of each hour's grid import the clean supply covers.
 *
 * @param gridGramsPerKwh grid intensity (gCO2 per kWh imported), hourly or constant
 * @param cleanSupplyWatts carbon-free supply (W), hourly or constant; empty: no matching reported
 */
public record CarbonSpec(HourlyProfile gridGramsPerKwh, Optional<HourlyProfile> cleanSupplyWatts) {
  /** The dirtiest grid: 2,000 g/kWh, above coal's about 1,000 (a bound, not a figure). */
  public static final double MAX_GRAMS_PER_KWH = 2000;

  public CarbonSpec {
    Objects.requireNonNull(gridGramsPerKwh, "gridGramsPerKwh");
    Objects.requireNonNull(cleanSupplyWatts, "cleanSupplyWatts");
  }
}
