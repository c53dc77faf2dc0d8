package org.aifactory.model.facility;

/** Turns IT power into facility (site) power: the seam where a cooling model will plug in. */
public interface FacilityModel {
  double facilityWatts(double itWatts);
}
