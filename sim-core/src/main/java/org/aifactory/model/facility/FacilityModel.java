package org.aifactory.model.facility;

/**
 * The facility around the IT load at run time: turns IT power into facility (site) power. A fixed
 * PUE and the electrical chain's losses are functions of the IT power; a cooling plant also has
 * state of its own (temperatures, units up, the weather) and tells the ledger when its power
 * changes (see {@code PowerLedger.refresh}).
 */
public interface FacilityModel {
  /**
   * Site power for IT power of mean {@code itWatts} and variance {@code itVarianceWatts2} (W²): an
   * iteration folded into its mean power (averaged pulse resolution) still pulses, and losses
   * quadratic in the load follow the mean square. 0 for a steady load.
   */
  double facilityWatts(double itWatts, double itVarianceWatts2);

  /**
   * How fast site power follows IT power at {@code itWatts} (W of site per W of IT): the tangent
   * along which a ramp of IT power is carried to site power until the next change (see {@code
   * PowerLedger}). By default a central difference of {@link #facilityWatts}; exact for a fixed
   * PUE.
   */
  default double facilityWattsPerItWatt(double itWatts, double itVarianceWatts2) {
    return Tangents.slope(it -> facilityWatts(it, itVarianceWatts2), itWatts);
  }
}
