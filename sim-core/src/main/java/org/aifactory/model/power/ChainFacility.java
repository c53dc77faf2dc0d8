package org.aifactory.model.power;

import java.util.List;
import org.aifactory.metrics.StageLosses;
import org.aifactory.model.facility.FacilityModel;

/**
 * Facility power with an electrical chain: what the chain draws from its input for the IT load (IT
 * plus UPS, PDU and conductor losses) plus the non-electrical overhead (cooling, lighting) as (PUE
 * − 1) × IT. With a chain, the scenario's PUE stands for that overhead only, so the electrical
 * losses are computed, not assumed, and the run's PUE comes out of both.
 */
public final class ChainFacility implements FacilityModel, StageLosses {
  private static final List<String> STAGES = List.of("ups", "pdu", "distribution");

  private final double overheadPerItWatt;
  private final ConversionLosses losses;

  public ChainFacility(double pue, ConversionLosses losses) {
    this.overheadPerItWatt = pue - 1;
    this.losses = losses;
  }

  @Override
  public double facilityWatts(double itWatts, double itVarianceWatts2) {
    return losses.inputWatts(itWatts, itVarianceWatts2) + overheadPerItWatt * itWatts;
  }

  @Override
  public List<String> stages() {
    return STAGES;
  }

  @Override
  public void lossWatts(double itWatts, double itVarianceWatts2, double[] out) {
    out[0] = losses.upsLossWatts(itWatts, itVarianceWatts2);
    out[1] = losses.pduLossWatts(itWatts, itVarianceWatts2);
    out[2] = losses.distributionLossWatts(itWatts, itVarianceWatts2);
  }
}
