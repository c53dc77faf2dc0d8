package org.aifactory.model.facility;

/** Turns IT power into facility (site) power: the seam where a cooling model will plug in. */
public interface FacilityModel {
  /**
   * Site power for IT power of mean {@code itWatts} and variance {@code itVarianceWatts2} (W²): an
   * iteration folded into its mean power (averaged pulse resolution) still pulses, and losses
   * quadratic in the load follow the mean square. 0 for a steady load.
   */
  double facilityWatts(double itWatts, double itVarianceWatts2);
}
