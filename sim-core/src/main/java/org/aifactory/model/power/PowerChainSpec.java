package org.aifactory.model.power;

import java.util.Objects;
import java.util.Optional;

/**
 * The whole electrical chain: utility → generators (standby, on one bus with the utility) → UPS
 * systems → PDUs → rack groups (paths). The IT load of each path is given when the chain is built
 * ({@link PowerChain}), so one spec serves any number of paths.
 *
 * @param utility the utility feed
 * @param generators the standby plant; empty: none (UPS batteries are the only ride-through)
 * @param ups the UPS stage
 * @param distribution PDUs, cords, conductors
 * @param commonCause β-factors per component group
 * @param repairCrews who repairs
 */
public record PowerChainSpec(
    UtilitySpec utility,
    Optional<GeneratorPlantSpec> generators,
    UpsSpec ups,
    DistributionSpec distribution,
    CommonCauseSpec commonCause,
    RepairCrewSpec repairCrews) {

  public PowerChainSpec {
    Objects.requireNonNull(utility, "utility");
    Objects.requireNonNull(generators, "generators");
    Objects.requireNonNull(ups, "ups");
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(commonCause, "commonCause");
    Objects.requireNonNull(repairCrews, "repairCrews");
  }

  /**
   * A chain with the cited defaults everywhere, sized for the given path loads by two redundancy
   * designs ({@link ChainSizing}): EIA utility, typical β, one repair crew per unit.
   */
  public static PowerChainSpec sized(
      double[] pathItWatts,
      RedundancyDesign upsDesign,
      double upsModuleWatts,
      RedundancyDesign generatorDesign,
      double generatorUnitWatts,
      boolean dualCorded) {
    return new PowerSystemSpec(
            pathItWatts.length,
            upsDesign,
            upsModuleWatts,
            Optional.of(generatorDesign),
            generatorUnitWatts,
            dualCorded,
            PowerSystemSpec.DEFAULT_FACILITY_RECOVERY,
            UtilitySpec.eiaDefaults(),
            CommonCauseSpec.typical(),
            RepairCrewSpec.perUnit(),
            Optional.empty())
        .chain(pathItWatts);
  }

  /** The same chain with other β-factors. */
  public PowerChainSpec withCommonCause(CommonCauseSpec newCommonCause) {
    return new PowerChainSpec(utility, generators, ups, distribution, newCommonCause, repairCrews);
  }

  /** The same chain with other repair crews. */
  public PowerChainSpec withRepairCrews(RepairCrewSpec newCrews) {
    return new PowerChainSpec(utility, generators, ups, distribution, commonCause, newCrews);
  }
}
