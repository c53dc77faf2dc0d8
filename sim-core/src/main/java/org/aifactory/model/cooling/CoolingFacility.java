package org.aifactory.model.cooling;

import org.aifactory.model.facility.FacilityModel;

/**
 * Site power with a cooling plant: what the electrical chain draws for the IT load (the IT load
 * itself without a chain), the plant's fans, pumps and chillers at this instant, and the other
 * overhead (lighting, offices) in proportion to IT. No fixed PUE: the run's PUE comes out of it.
 */
public final class CoolingFacility implements FacilityModel {
  private final FacilityModel electrical;
  private final double otherOverhead;
  private CoolingPlant plant;

  /**
   * @param electrical the chain's input for an IT load (its losses included), or the IT load
   * @param otherOverhead other overhead per watt of IT
   */
  public CoolingFacility(FacilityModel electrical, double otherOverhead) {
    this.electrical = electrical;
    this.otherOverhead = otherOverhead;
  }

  /** The plant whose power is added (set once it is built). */
  public void setPlant(CoolingPlant plant) {
    this.plant = plant;
  }

  @Override
  public double facilityWatts(double itWatts, double itVarianceWatts2) {
    double cooling = plant == null ? 0 : plant.coolingWatts();
    return electrical.facilityWatts(itWatts, itVarianceWatts2) + otherOverhead * itWatts + cooling;
  }
}
