package org.aifactory.model.power;

import org.aifactory.model.Checks;

/**
 * Common-cause failures by the β-factor model, per component group: a fraction β of each unit's
 * failure rate λ is a group-wide event, at rate β·λ, that fails every unit of the group at once (a
 * shared design flaw, firmware, environment); the rest, (1−β)·λ, strikes units independently. For
 * generators β also splits the fail-to-start probability: with probability β·p the whole plant
 * fails to start. Without it, 2N looks absurdly good (docs/sources.md §6). A group whose component
 * is absent (ideal) has no units, so its β does nothing.
 *
 * @param upsModulesBeta all UPS modules of all systems form one group
 * @param generatorsBeta all generator units of a plant (running failures and fail-to-start); with a
 *     plant per side, each plant is a group
 * @param pdusBeta all PDUs
 * @param transformersBeta the MV transformers (one per feed)
 * @param switchgearBeta the switchgear line-ups (one per feed)
 * @param transferSwitchesBeta the ATS (one per input bus)
 * @param staticTransferSwitchesBeta the STS (one per single-corded rack group)
 * @param batteriesBeta the UPS battery strings (one per UPS system)
 */
public record CommonCauseSpec(
    double upsModulesBeta,
    double generatorsBeta,
    double pdusBeta,
    double transformersBeta,
    double switchgearBeta,
    double transferSwitchesBeta,
    double staticTransferSwitchesBeta,
    double batteriesBeta) {

  /** β: 0-5 % of a group's rate (docs/sources.md §6); a value inside that range. */
  public static final double TYPICAL_BETA = 0.02;

  public CommonCauseSpec {
    Checks.fraction(upsModulesBeta, "UPS modules β");
    Checks.fraction(generatorsBeta, "generators β");
    Checks.fraction(pdusBeta, "PDUs β");
    Checks.fraction(transformersBeta, "transformers β");
    Checks.fraction(switchgearBeta, "switchgear β");
    Checks.fraction(transferSwitchesBeta, "ATS β");
    Checks.fraction(staticTransferSwitchesBeta, "STS β");
    Checks.fraction(batteriesBeta, "battery strings β");
  }

  /** The UPS modules', generators' and PDUs' β; {@link #TYPICAL_BETA} for the other groups. */
  public CommonCauseSpec(double upsModulesBeta, double generatorsBeta, double pdusBeta) {
    this(
        upsModulesBeta,
        generatorsBeta,
        pdusBeta,
        TYPICAL_BETA,
        TYPICAL_BETA,
        TYPICAL_BETA,
        TYPICAL_BETA,
        TYPICAL_BETA);
  }

  /** The same β for every group. */
  public static CommonCauseSpec all(double beta) {
    return new CommonCauseSpec(beta, beta, beta, beta, beta, beta, beta, beta);
  }

  /** Independent failures only. */
  public static CommonCauseSpec none() {
    return all(0);
  }

  /** {@link #TYPICAL_BETA} for every group. */
  public static CommonCauseSpec typical() {
    return all(TYPICAL_BETA);
  }
}
