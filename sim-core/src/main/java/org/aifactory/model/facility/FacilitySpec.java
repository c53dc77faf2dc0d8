package org.aifactory.model.facility;

/**
 * The facility around the IT load. Version 1 is a fixed power usage effectiveness: facility power
 * is {@code pue} × IT power at every instant. A cooling model will replace this behind {@link
 * FacilityModel}.
 *
 * @param pue power usage effectiveness, >= 1
 */
public record FacilitySpec(double pue) {

  /**
   * Default PUE 1.2: the figure used with Epoch AI's H100-cluster estimate (docs/sources.md §1,
   * §7).
   */
  public static final double DEFAULT_PUE = 1.2;

  public FacilitySpec {
    if (!Double.isFinite(pue) || pue < 1) {
      throw new IllegalArgumentException("pue must be a finite number >= 1, got " + pue);
    }
  }

  public FacilityModel model() {
    return new FixedPueFacility(pue);
  }
}
