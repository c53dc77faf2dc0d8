package org.aifactory.model.power;

import org.aifactory.model.Checks;

/**
 * Common-cause failures by the β-factor model, per component group: a fraction β of each unit's
 * failure rate λ is a group-wide event, at rate β·λ, that fails every unit of the group at once (a
 * shared design flaw, firmware, environment); the rest, (1−β)·λ, strikes units independently. For
 * generators β also splits the fail-to-start probability: with probability β·p the whole plant
 * fails to start. Without it, 2N looks absurdly good (docs/sources.md §6).
 *
 * @param upsModulesBeta all UPS modules of all systems form one group
 * @param generatorsBeta all generator units (running failures and fail-to-start)
 * @param pdusBeta all PDUs
 */
public record CommonCauseSpec(double upsModulesBeta, double generatorsBeta, double pdusBeta) {

  /** β: 0-5 % of a group's rate (docs/sources.md §6); a value inside that range. */
  public static final double TYPICAL_BETA = 0.02;

  public CommonCauseSpec {
    Checks.fraction(upsModulesBeta, "UPS modules β");
    Checks.fraction(generatorsBeta, "generators β");
    Checks.fraction(pdusBeta, "PDUs β");
  }

  /** Independent failures only. */
  public static CommonCauseSpec none() {
    return new CommonCauseSpec(0, 0, 0);
  }

  /** {@link #TYPICAL_BETA} for every group. */
  public static CommonCauseSpec typical() {
    return new CommonCauseSpec(TYPICAL_BETA, TYPICAL_BETA, TYPICAL_BETA);
  }
}
