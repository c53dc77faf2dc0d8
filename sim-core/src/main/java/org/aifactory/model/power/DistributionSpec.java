package org.aifactory.model.power;

import java.time.Duration;
import java.util.Objects;
import org.aifactory.model.Checks;
import org.aifactory.model.failure.TimeDistribution;

/**
 * Distribution from the UPS to the racks. Each path (a rack group) is fed by one PDU or busway
 * (single-corded racks) or by two, A and B (dual-corded racks, which stay up while either cord is
 * live). Each PDU has a transformer that fails and is repaired, a conversion efficiency, and feeds
 * its racks over a conductor at {@code distributionVolts} with resistance {@code conductorOhms},
 * whose loss is computed: I = P / V, loss = I²R per cord (a DC, or single-phase equivalent,
 * approximation with I taken at the rack end).
 *
 * <p>Which UPS system feeds which cord: with one UPS system, every cord; with x ≥ 2 systems, path p
 * takes the pair (i, j), i &lt; j, number p mod x(x−1)/2 in lexicographic order: cord A from i,
 * cord B from j (dual-corded), or one cord from i through an ideal static transfer switch to j
 * (single-corded). The number of paths should be a multiple of x(x−1)/2 for an even spread.
 *
 * @param dualCorded racks with A and B cords (two PDUs per path)
 * @param pduTimeToFailure time to failure of one PDU (its transformer)
 * @param pduRepair repair or replacement time of one PDU
 * @param pduEfficiency conversion efficiency of a PDU (transformer)
 * @param distributionVolts voltage of the conductor to the racks (e.g. 54 V DC busbar, 800 V DC)
 * @param conductorOhms resistance of one cord's conductor (go and return)
 */
public record DistributionSpec(
    boolean dualCorded,
    TimeDistribution pduTimeToFailure,
    TimeDistribution pduRepair,
    double pduEfficiency,
    double distributionVolts,
    double conductorOhms) {

  /**
   * Major transformer failures: ~0.58 % per year (CIGRE TB 642, HV transformers; docs/sources.md
   * §6), used for the PDU transformer.
   */
  public static final double CIGRE_TRANSFORMER_FAILURES_PER_YEAR = 0.0058;

  /** PDU efficiency: 94-98 % (docs/sources.md §6); mid value. */
  public static final double PDU_EFFICIENCY = 0.96;

  /** Distribution voltage: 800 V DC (docs/sources.md §6, NVIDIA's 800 VDC). */
  public static final double VOLTS_800_DC = 800;

  /** The 54 V DC rack busbar (docs/sources.md §6). */
  public static final double VOLTS_54_DC = 54;

  /** Conductor resistance of one cord: placeholder (no figure in docs/sources.md §6). */
  public static final double CONDUCTOR_OHMS_PLACEHOLDER = 0.001;

  /** PDU repair or replacement time: placeholder (no figure in docs/sources.md §6). */
  public static final Duration PDU_REPAIR_PLACEHOLDER = Duration.ofHours(48);

  public DistributionSpec {
    Objects.requireNonNull(pduTimeToFailure, "pduTimeToFailure");
    Objects.requireNonNull(pduRepair, "pduRepair");
    if (!(pduEfficiency > 0 && pduEfficiency <= 1)) {
      throw new IllegalArgumentException("PDU efficiency must be in (0, 1], got " + pduEfficiency);
    }
    Checks.positive(distributionVolts, "distribution voltage");
    Checks.nonNegative(conductorOhms, "conductor resistance");
  }

  /**
   * The cited defaults: CIGRE transformer failure rate (exponential), placeholder 48 h repair, 96 %
   * PDU efficiency, 800 V DC over a placeholder 1 mΩ conductor.
   */
  public static DistributionSpec defaults(boolean dualCorded) {
    return new DistributionSpec(
        dualCorded,
        new TimeDistribution.Exponential(
            PowerTime.SECONDS_PER_YEAR / CIGRE_TRANSFORMER_FAILURES_PER_YEAR),
        TimeDistribution.Exponential.of(PDU_REPAIR_PLACEHOLDER),
        PDU_EFFICIENCY,
        VOLTS_800_DC,
        CONDUCTOR_OHMS_PLACEHOLDER);
  }

  /** Cords (PDUs) per path: 2 when dual-corded, else 1. */
  public int cordsPerPath() {
    return dualCorded ? 2 : 1;
  }
}
