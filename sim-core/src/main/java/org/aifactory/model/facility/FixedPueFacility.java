package org.aifactory.model.facility;

/** Facility power = PUE × IT power. */
record FixedPueFacility(double pue) implements FacilityModel {
  @Override
  public double facilityWatts(double itWatts, double itVarianceWatts2) {
    return pue * itWatts;
  }

  @Override
  public double facilityWattsPerItWatt(double itWatts, double itVarianceWatts2) {
    return pue;
  }
}
