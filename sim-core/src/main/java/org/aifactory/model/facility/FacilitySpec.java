package org.aifactory.model.facility;

import java.util.Objects;
import java.util.Optional;
import org.aifactory.model.cooling.CoolingSpec;

/**
 * The facility around the IT load: either a fixed power usage effectiveness (facility power =
 * {@code pue} × IT power at every instant, the simple mode), or a simulated cooling plant whose
 * power and limits are computed ({@code cooling}; then {@code pue} is not used).
 *
 * @param pue power usage effectiveness, >= 1 (the simple mode)
 * @param cooling the cooling plant; empty: the simple mode
 */
public record FacilitySpec(double pue, Optional<CoolingSpec> cooling) {

  /**
   * Default PUE 1.2: the figure used with Epoch AI's H100-cluster estimate (docs/sources.md §1,
   * §7).
   */
  public static final double DEFAULT_PUE = 1.2;

  /** The simple mode: a fixed PUE. */
  public FacilitySpec(double pue) {
    this(pue, Optional.empty());
  }

  public FacilitySpec {
    if (!Double.isFinite(pue) || pue < 1) {
      throw new IllegalArgumentException("pue must be a finite number >= 1, got " + pue);
    }
    Objects.requireNonNull(cooling, "cooling");
  }

  public FacilityModel model() {
    return new FixedPueFacility(pue);
  }
}
